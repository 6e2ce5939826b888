"""Importing a caseload: check every row, then create everything in one transaction, audited.

Nothing is written when any row is wrong, and nothing is written by a dry run. Goals and case
teams are made through their apps' services (which audit); the signal and case an import brings
over have no service of their own (the UI's `receive_signal` and `open_case` would start deadline
clocks and date the case today), so they are created here and audited with the access policy.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases import services as cases_services
from carepath.cases.models import Case, Signal
from carepath.goals import services as goals_services
from carepath.imports.models import ImportedCase
from carepath.imports.outcome import Outcome, PersonData, PlannedCase, RowError
from carepath.imports.reading import FileProblem, read_table
from carepath.imports.validation import check_table
from carepath.people.models import Person

CREATE = AuditEvent.Action.CREATE


def import_caseload(*, name: str, content: bytes, by: User, dry_run: bool) -> Outcome:
    """Check the file and, unless `dry_run` or a row is wrong, import it. The outcome lists every
    problem (row, column, message) or every case with what happened to it."""
    outcome = Outcome(dry_run=dry_run)
    try:
        table = read_table(name=name, content=content)
    except FileProblem as problem:
        outcome.errors = [RowError(None, "", problem.message)]
        return outcome
    outcome.rows = len(table.rows)
    # Checked inside the transaction that writes, so nothing changes between the check and the import.
    with transaction.atomic():
        outcome.cases, outcome.errors = check_table(table, by=by)
        if not dry_run and not outcome.errors:
            _create(outcome.cases, by=by)
    return outcome


def _create(planned: list[PlannedCase], *, by: User) -> None:
    people: dict[tuple[str, str, datetime.date], Person] = {}
    for case in planned:
        if case.already_imported:
            continue
        key = case.person.key
        person = people[key] = people.get(key) or _find_or_create_person(case.person, by=by)
        case.created = _create_case(case, person=person, by=by)
        for goal in case.goals:
            goals_services.create_goal(
                case=case.created,
                by=by,
                citizen_words=goal.citizen_words,
                title=goal.title,
                indicator=goal.indicator,
                target=goal.target,
                due_on=goal.due_on,
                life_domain=goal.life_domain,
                proposed_by=goal.proposed_by,
            )


def _find_or_create_person(data: PersonData, *, by: User) -> Person:
    """Same name and date of birth: the person already in Carepath (as cases.services.find_or_create_person
    decides), whose details stay as they are; else a new person with the file's details."""
    found = (
        Person.objects.filter(
            given_name__iexact=data.given_name, family_name__iexact=data.family_name, birth_date=data.birth_date
        )
        .order_by("pk")
        .first()
    )
    if found is not None:
        return found
    person = Person.objects.create(
        given_name=data.given_name,
        family_name=data.family_name,
        birth_date=data.birth_date,
        address=data.address,
        phone=data.phone,
        email=data.email,
        preferred_language=data.preferred_language,
    )
    policy.record(by, CREATE, person, person_id=person.pk)
    return person


def _create_case(planned: PlannedCase, *, person: Person, by: User) -> Case:
    """The case as it stood in the previous system: opened on its own date, triaged, no deadline
    clocks restarted; the case manager on its team; the old reference kept beside it."""
    opened_at = timezone.make_aware(datetime.datetime.combine(planned.opened_on, datetime.time(9)))
    signal = Signal.objects.create(
        received_at=opened_at,
        received_by=by,
        unit=planned.unit,
        case_type=planned.case_type,
        person=person,
        signaller_kind=Signal.SignallerKind.OTHER,
        problems=gettext("Imported from the previous system (reference %(reference)s).")
        % {"reference": planned.reference},
        request="",
        status=Signal.Status.CASE_OPENED,
        triaged_by=by,
        triaged_at=opened_at,
    )
    policy.record(by, CREATE, signal, person_id=person.pk)
    case = Case.objects.create(
        signal=signal, person=person, case_type=planned.case_type, unit=planned.unit, opened_at=opened_at
    )
    policy.record(by, CREATE, case, case=case)
    cases_services.add_team_member(case=case, by=by, user=planned.case_manager, is_case_manager=True)
    imported = ImportedCase.objects.create(
        organisation_id=planned.unit.organisation_id, reference=planned.reference, case=case, imported_by=by
    )
    policy.record(by, CREATE, imported, case=case)
    return case
