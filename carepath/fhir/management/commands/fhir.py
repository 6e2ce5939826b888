"""`carepath fhir export PERSON_ID --by ADMIN` and `carepath fhir import BUNDLE.json --by CASE_WORKER`.

The export writes a FHIR transaction Bundle (docs/fhir.md) to stdout or --output, audited as an
export by the administrator --by names. The import creates a person and their case from a Bundle in
one transaction, as --by (who becomes case manager), or changes nothing and says why.
"""

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from carepath.accounts.models import Role, User
from carepath.cases.models import CaseType
from carepath.fhir.export import NoSuchCase, export_person
from carepath.fhir.importing import ImportPlan, read_bundle
from carepath.fhir.mapping.base import NotImportable
from carepath.fhir.services import import_bundle
from carepath.organisations.models import Unit
from carepath.people.models import Person


class Command(BaseCommand):
    help = "Export a person as a FHIR Bundle, or import a person and their case from one."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="write a person's FHIR Bundle")
        export.add_argument("person_id", type=int, metavar="PERSON_ID")
        export.add_argument("--by", required=True, metavar="USERNAME", help="the administrator exporting (audited)")
        export.add_argument("--case", type=int, metavar="CASE_ID", help="only this case of the person")
        export.add_argument("--output", metavar="FILE", help="write here instead of to stdout")
        load = sub.add_parser("import", help="create a person and their case from a FHIR Bundle")
        load.add_argument("bundle", metavar="BUNDLE.json")
        load.add_argument("--by", required=True, metavar="USERNAME", help="the case worker or team leader importing")
        load.add_argument("--unit", type=int, metavar="UNIT_ID", help="the responsible unit (default: --by's unit)")
        load.add_argument(
            "--case-type", metavar="NAME", help="the case type (default: the CarePlan's category, or the only one)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            self._export(options)
        else:
            self._import(options)

    def _export(self, options: dict[str, Any]) -> None:
        by = User.objects.filter(username=options["by"], role=Role.ADMINISTRATOR, is_active=True).first()
        if by is None:
            raise CommandError("Give --by the user name of an active administrator: the audit log names them.")
        person = Person.objects.filter(pk=options["person_id"]).first()
        if person is None:
            raise CommandError(f"No person {options['person_id']}.")
        try:
            bundle = export_person(person=person, by=by, case_id=options["case"])
        except NoSuchCase:
            raise CommandError(f"Case {options['case']} is not a case of person {person.pk}.") from None
        text = json.dumps(bundle.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            self.stderr.write(
                f"Person {person.pk} written to {options['output']} ({len(bundle.entry or [])} resources)."
            )
        else:
            self.stdout.write(text, ending="")

    def _import(self, options: dict[str, Any]) -> None:
        by = User.objects.filter(username=options["by"], is_active=True).select_related("unit").first()
        if by is None:
            raise CommandError("Give --by the user name of an active case worker or team leader.")
        try:
            text = Path(options["bundle"]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {options['bundle']}: {error.__class__.__name__}.") from None
        try:
            plan = read_bundle(text)
            unit = self._unit(options, by)
            imported = import_bundle(plan=plan, by=by, unit=unit, case_type=self._case_type(options, plan))
        except NotImportable as problem:
            raise CommandError(f"Nothing was imported: {str(problem).rstrip('.')}.") from None
        except PermissionDenied as refused:
            raise CommandError(f"Nothing was imported: {str(refused).rstrip('.')}.") from None
        person = f"person {imported.person.pk}" + (
            "" if imported.person_is_new else " (known already: same name and date of birth)"
        )
        made = ", ".join(f"{count} {kind}" for kind, count in sorted(imported.created.items())) or "nothing else"
        self.stdout.write(self.style.SUCCESS(f"Imported {person}, case {imported.case.reference}: {made}."))
        if plan.left_out:
            left = ", ".join(f"{count} {kind}" for kind, count in sorted(plan.left_out.items()))
            self.stdout.write(f"Not imported (not mapped back): {left}.")

    def _unit(self, options: dict[str, Any], by: User) -> Unit:
        unit = (
            Unit.objects.select_related("organisation").filter(pk=options["unit"]).first()
            if options["unit"]
            else by.unit
        )
        if unit is None:
            raise NotImportable("give --unit: the user has no unit" if not options["unit"] else "no such unit")
        return unit

    def _case_type(self, options: dict[str, Any], plan: ImportPlan) -> CaseType:
        if options["case_type"]:
            chosen = CaseType.objects.filter(name=options["case_type"]).first()
            if chosen is None:
                raise NotImportable("no case type has the name given by --case-type")
            return chosen
        from_plan = CaseType.objects.filter(name=plan.case_type_name).first() if plan.case_type_name else None
        if from_plan is not None:
            return from_plan
        only = list(CaseType.objects.all()[:2])
        if len(only) != 1:
            raise NotImportable("give --case-type: the CarePlan names no case type known here")
        return only[0]
