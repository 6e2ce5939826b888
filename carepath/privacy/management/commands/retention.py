"""`carepath retention`: anonymise or erase what is past its retention period.

With --dry-run, list per record type how many records would go and their ids (never names) and
change nothing. Without it, apply everything in one transaction, audited as done by --by.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from carepath.accounts.models import Role, User
from carepath.privacy.models import RetentionRule
from carepath.privacy.services import Due, apply_retention, what_is_due


class Command(BaseCommand):
    help = "Apply the retention rules (set in the admin). --dry-run lists what would go and changes nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List what is due; change nothing.")
        parser.add_argument(
            "--by", metavar="USERNAME", help="The administrator on whose authority it runs (written to the audit log)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dry_run"]:
            plan = what_is_due()
            self._print(plan, "would be")
            self.stdout.write("Dry run: nothing was changed.")
            return
        by = User.objects.filter(username=options["by"] or "", role=Role.ADMINISTRATOR, is_active=True).first()
        if by is None:
            raise CommandError("Give --by the user name of an active administrator: the audit log names them.")
        plan = apply_retention(by=by)
        self._print(plan, "were")
        self.stdout.write(self.style.SUCCESS(f"Done: {sum(len(d.ids) for d in plan)} records."))

    def _print(self, plan: list[Due], verb: str) -> None:
        done: dict[str, str] = {RetentionRule.Action.ERASE: "erased", RetentionRule.Action.ANONYMISE: "anonymised"}
        for due in plan:
            ids = ", ".join(str(i) for i in due.ids) or "-"
            self.stdout.write(f"{due.record_type.value}: {len(due.ids)} {verb} {done[due.action]} (ids: {ids})")
