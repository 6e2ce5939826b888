"""`carepath demo_code <username>`: the two-step code of a demo staff login, now."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.plugins.otp_totp.models import TOTPDevice

from carepath.accounts.models import User
from carepath.demo import two_step
from carepath.demo.load import demo_present
from carepath.demo.world import LOGINS


class Command(BaseCommand):
    help = "Print the current two-step code of a demo staff login (demo logins only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", choices=sorted(LOGINS))

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = User.objects.filter(username=username).first()
        has_demo_device = TOTPDevice.objects.filter(user=user, name="Demo authenticator").exists() if user else False
        if not demo_present() or user is None or not has_demo_device:
            raise CommandError(f"{username} is not a demo login with a demo authenticator here.")
        self.stdout.write(two_step.current_code(user))
