"""`carepath import_caseload FILE --by USERNAME [--dry-run]`: the import page's check and import,
for files too large to upload or for a scripted migration. Prints the same report as the page:
every problem by row and column (and exits with an error), or every case and what happens to it."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from carepath.accounts.models import User
from carepath.imports.outcome import Outcome
from carepath.imports.selectors import may_import
from carepath.imports.services import import_caseload


class Command(BaseCommand):
    help = "Import people, cases and goals from a CSV or XLSX file (docs/import.md). --dry-run checks only."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The CSV or XLSX file.")
        parser.add_argument(
            "--by",
            metavar="USERNAME",
            required=True,
            help="The administrator or team leader importing (written to the audit log; decides the units allowed).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check every row; import nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        by = User.objects.filter(username=options["by"]).first()
        if by is None or not may_import(by):
            raise CommandError("Give --by the user name of an active administrator or team leader.")
        path = Path(options["file"])
        if path.suffix.lower() not in (".csv", ".xlsx"):
            raise CommandError("The file must be a .csv or .xlsx file.")
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read the file: {error.strerror}.") from None
        outcome = import_caseload(name=path.name, content=content, by=by, dry_run=options["dry_run"])
        if outcome.errors:
            self._problems(outcome)
            raise CommandError(f"Nothing was imported: {len(outcome.errors)} problem(s).")
        self._cases(outcome)
        if outcome.dry_run:
            self.stdout.write("Dry run: nothing was imported.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {len(outcome.new_cases)} case(s)."))

    def _problems(self, outcome: Outcome) -> None:
        self.stdout.write("row\tcolumn\tproblem")
        for error in outcome.errors:
            where = str(error.row) if error.row else "file"
            self.stdout.write(f"{where}\t{error.column or '-'}\t{error.message}")

    def _cases(self, outcome: Outcome) -> None:
        self.stdout.write(
            f"rows: {outcome.rows}, new cases: {len(outcome.new_cases)}, people in them: {outcome.people}, "
            f"goals in them: {outcome.goals}, imported before (left as they are): {outcome.skipped_cases}"
        )
        self.stdout.write("rows\treference\tunit\tcase type\tgoals\twhat happens")
        for case in outcome.cases:
            if case.already_imported:
                happens = "imported before: left as it is"
            elif case.created is not None:
                happens = f"created as {case.created.reference}"
            else:
                happens = "will be created"
            self.stdout.write(
                f"{case.rows_label}\t{case.reference}\t{case.unit.name}\t{case.case_type.name}\t{len(case.goals)}\t{happens}"
            )
