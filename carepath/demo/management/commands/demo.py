"""Load the demo: a fictional municipality, its providers, one login per role and their stories.

Idempotent: when the demo municipality exists, nothing is created. Every login's password is
$CAREPATH_DEMO_PASSWORD, or "demo-pass-2026" when it is not set.
"""

from typing import Any

from django.core.management.base import BaseCommand

from carepath.accounts.models import Role
from carepath.demo import two_step
from carepath.demo.catalogue import demo_password
from carepath.demo.load import load_demo
from carepath.demo.world import LOGINS, MUNICIPALITY


class Command(BaseCommand):
    help = (
        "Create the demo municipality (Rivertown), its providers, a login per role and the stories "
        "of the seed documents. Does nothing if it exists. Password: $CAREPATH_DEMO_PASSWORD or "
        "demo-pass-2026."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if load_demo() is None:
            self.stdout.write(f"The demo ({MUNICIPALITY}) is already there; nothing was created.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Demo created: {MUNICIPALITY} and its stories."))
        self.stdout.write(self.logins_table())
        self.stdout.write(
            "\nStaff sign in in two steps. For the code, run `carepath demo_code <username>`, or add this key "
            f"to an authenticator app: {two_step.authenticator_key()}. Citizens (tomas, mother) need no code.\n"
        )

    @staticmethod
    def logins_table() -> str:
        labels = dict(Role.choices)
        password = demo_password()
        rows = [("Role", "Username", "Password", "What to try first")]
        rows += [(str(labels[login.role]), login.username, password, login.try_first) for login in LOGINS.values()]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        lines = []
        for number, row in enumerate(rows):
            lines.append("  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
                         + "  " + row[3])
            if number == 0:
                lines.append("  ".join("-" * width for width in widths) + "  " + "-" * 17)
        return "\n".join(lines)
