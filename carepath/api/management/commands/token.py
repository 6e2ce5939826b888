"""API tokens: `carepath token create USERNAME [--name NAME]` (printed once), `carepath token list USERNAME`,
`carepath token revoke PREFIX` (the first characters `list` shows)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from carepath.accounts.models import STAFF_ROLES, User
from carepath.api.models import ApiToken
from carepath.api.services import create_token, revoke_token


class Command(BaseCommand):
    help = "Create an API token for a staff user; it is printed once and only its hash is kept."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="a new token")
        create.add_argument("username")
        create.add_argument("--name", default="API client", help="what the token is for")
        listing = sub.add_parser("list", help="a user's tokens: first characters, name, dates")
        listing.add_argument("username")
        revoke = sub.add_parser("revoke", help="stop a token at once")
        revoke.add_argument("prefix", help="the token's first characters, as `list` shows them")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for listed in ApiToken.objects.filter(user__username=options["username"]):
                state = f"revoked {listed.revoked_at:%Y-%m-%d}" if listed.revoked_at else "active"
                used = f"{listed.last_used_at:%Y-%m-%d %H:%M}" if listed.last_used_at else "never"
                self.stdout.write(f"{listed.prefix}  {state}  last used {used}  {listed.name}")
            return
        if options["action"] == "revoke":
            count = revoke_token(prefix=options["prefix"])
            if count != 1:
                raise CommandError("No single active token starts with that; see `carepath token list USERNAME`.")
            self.stdout.write("Revoked.")
            return
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None or user.role not in STAFF_ROLES:
            raise CommandError("No active staff user with that user name.")
        self.stdout.write(create_token(user=user, name=options["name"]))
