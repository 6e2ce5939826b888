"""`carepath token create USERNAME [--name NAME]`: a new API token, printed once."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from carepath.accounts.models import STAFF_ROLES, User
from carepath.api.services import create_token


class Command(BaseCommand):
    help = "Create an API token for a staff user; it is printed once and only its hash is kept."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="a new token")
        create.add_argument("username")
        create.add_argument("--name", default="API client", help="what the token is for")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None or user.role not in STAFF_ROLES:
            raise CommandError("No active staff user with that user name.")
        token = create_token(user=user, name=options["name"])
        self.stdout.write(token)
