"""Small builders that make demo records the way the services would, but on the story's own dates.

Dates are given as "days ago" from today, so the demo always looks current: a deadline due
in two days stays due in two days on the day the demo is loaded.
"""

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from carepath.accounts.models import User
from carepath.agreements.models import AgreementAction, AgreementVersion
from carepath.assessments.models import Assessment
from carepath.cases.models import Case, CaseTeamMember, CaseType, Deadline, Signal
from carepath.consents.models import Consent
from carepath.evaluations.models import EvaluationMoment, GoalAttainment, QualityOfLifeRating
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.organisations.authority import set_links
from carepath.organisations.models import Service, Unit
from carepath.people.models import Household, Person
from carepath.plans.models import SavingsDeposit, SavingsPlan, Step, StepAttachment
from carepath.referrals.models import Referral


def day(days_ago: int) -> datetime.date:
    """The date `days_ago` days before today (negative: in the future)."""
    return timezone.localdate() - datetime.timedelta(days=days_ago)


def at(days_ago: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """An aware moment on that day, in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day(days_ago), datetime.time(hour, minute)))


def person(given: str, family: str, born: datetime.date, household: Household | None = None,
           role: str = "", **fields: str) -> Person:
    return Person.objects.create(
        given_name=given, family_name=family, birth_date=born, household=household,
        household_role=role, address=household.address if household else fields.pop("address", ""),
        **fields,
    )


def signal(*, unit: Unit, case_type: CaseType, person: Person, by: User, days_ago: int,
           household: Household | None = None, **fields: Any) -> Signal:
    """A signal and the clocks of its case type's deadline rules, as receive_signal makes them."""
    received_at = at(days_ago, 9, 15)
    made = Signal.objects.create(
        received_at=received_at, received_by=by, unit=unit, case_type=case_type,
        person=person, household=household, **fields,
    )
    start = timezone.localdate(received_at)
    Deadline.objects.bulk_create(
        Deadline(signal=made, authority_id=made.authority_id, label=rule.label,
                 due_on=start + datetime.timedelta(days=rule.days))
        for rule in case_type.deadline_rules.all()
    )
    return made


def close_signal(made: Signal, *, by: User, days_ago: int, reason: str) -> None:
    """Triage closes the signal without a case; its clocks stop counting (see open_deadlines_for)."""
    made.status, made.closed_reason = Signal.Status.CLOSED, reason
    made.triaged_by, made.triaged_at = by, at(days_ago, 11)
    made.save()


def open_case(made: Signal, *, by: User, days_ago: int, role: str = "Case worker") -> Case:
    """Triage opens the case; whoever opens it is its case manager."""
    opened_at = at(days_ago, 11)
    case = Case.objects.create(
        signal=made, person=made.person, household=made.household, case_type=made.case_type,
        unit=made.unit, opened_at=opened_at,
    )
    CaseTeamMember.objects.create(
        case=case, user=by, role_in_team=role, is_case_manager=True, added_at=opened_at
    )
    made.status, made.triaged_by, made.triaged_at = Signal.Status.CASE_OPENED, by, opened_at
    made.save()
    return case


def member(case: Case, user: User, role: str, days_ago: int, *, manager: bool = False) -> None:
    """Add a professional to the team; a new case manager takes the role over."""
    if manager:
        CaseTeamMember.objects.filter(case=case).update(is_case_manager=False)
    CaseTeamMember.objects.update_or_create(
        case=case, user=user,
        defaults={"role_in_team": role, "is_case_manager": manager, "added_at": at(days_ago, 12)},
    )


def deadline_done(case_or_signal: Case | Signal, label: str, *, by: User, days_ago: int) -> None:
    signal_id = case_or_signal.signal_id if isinstance(case_or_signal, Case) else case_or_signal.pk
    updated = Deadline.objects.filter(signal_id=signal_id, label=label).update(done_on=day(days_ago), done_by=by)
    assert updated == 1, f"no deadline {label!r}"


def consent(case: Case, *, by: User, days_ago: int, given_by: str, relation: str, scope: str,
            details: str = "", scan: bytes | None = None) -> Consent:
    """Consent given in person, or signed on paper with its scan."""
    made = Consent(
        case=case, given_by=given_by, relation=relation, scope=scope, scope_details=details,
        method=Consent.Method.PAPER if scan else Consent.Method.IN_PERSON,
        given_on=day(days_ago), recorded_by=by,
    )
    if scan:
        made.document.save(f"consent-{case.pk}.pdf", ContentFile(scan), save=False)
    made.save()
    return made


def assess(case: Case, *, by: User, days_ago: int, levels: tuple[int, int, int],
           descriptions: tuple[str, str, str], strengths: str, resources: str) -> Assessment:
    return Assessment.objects.create(
        case=case, assessed_on=day(days_ago), assessed_by=by,
        physical_level=levels[0], physical_description=descriptions[0],
        communication_level=levels[1], communication_description=descriptions[1],
        social_level=levels[2], social_description=descriptions[2],
        strengths=strengths, resources=resources,
    )


def goal(case: Case, *, by: User, days_ago: int, due_in: int, **fields: object) -> Goal:
    fields.setdefault("proposed_by", Goal.ProposedBy.CITIZEN)
    return Goal.objects.create(
        case=case, created_by=by, created_at=at(days_ago, 13), due_on=day(-due_in), **fields
    )


def step(made_goal: Goal, *, by: User, what: str, who: str, due_days_ago: int,
         status: str = Step.Status.PLANNED) -> Step:
    return Step.objects.create(
        goal=made_goal, what=what, who=who, due_on=day(due_days_ago), status=status, created_by=by
    )


def picture(made_step: Step, *, by: User, days_ago: int, name: str, png: bytes, description: str) -> None:
    attachment = StepAttachment(
        step=made_step, kind=StepAttachment.Kind.IMAGE, description=description,
        added_by=by, added_at=at(days_ago, 14),
    )
    attachment.file.save(name, ContentFile(png), save=False)
    attachment.save()


def easy_read(made_step: Step, *, by: User, days_ago: int, description: str, text: str) -> None:
    StepAttachment.objects.create(
        step=made_step, kind=StepAttachment.Kind.EASY_READ, description=description, text=text,
        added_by=by, added_at=at(days_ago, 14),
    )


def savings(made_goal: Goal, *, by: User, target: str, deposits: list[tuple[int, str]]) -> SavingsPlan:
    plan = SavingsPlan.objects.create(goal=made_goal, target_amount=Decimal(target))
    SavingsDeposit.objects.bulk_create(
        SavingsDeposit(savings_plan=plan, authority_id=plan.authority_id, amount=Decimal(amount),
                       deposited_on=day(days_ago), recorded_by=by)
        for days_ago, amount in deposits
    )
    return plan


def refer(case: Case, service: Service, goals: list[Goal], *, by: User, days_ago: int, message: str,
          accepted_by: User | None = None, answered_days_ago: int | None = None) -> Referral:
    """A referral; when accepted, whoever accepted joins the team (as accept_referral does)."""
    referral = Referral.objects.create(
        case=case, service=service, message=message, referred_by=by, referred_at=at(days_ago, 10, 30)
    )
    set_links(referral.goals, goals)
    if accepted_by is not None:
        assert answered_days_ago is not None
        referral.status = Referral.Status.ACCEPTED
        referral.answered_by, referral.answered_at = accepted_by, at(answered_days_ago, 15)
        referral.save()
        if not CaseTeamMember.objects.filter(case=case, user=accepted_by).exists():
            member(case, accepted_by, service.name, answered_days_ago)
    return referral


def note(case: Case, *, by: User, days_ago: int, text: str, goal: Goal | None = None,
         step: Step | None = None, restricted_because: str = "") -> ProgressNote:
    return ProgressNote.objects.create(
        case=case, goal=goal, step=step, text=text, written_by=by, written_at=at(days_ago, 16),
        is_restricted=bool(restricted_because), restriction_reason=restricted_because,
    )


def agreement(case: Case, *, number: int, by: User, days_ago: int, family: str, summary: str,
              actions: list[tuple[str, str, int]]) -> AgreementVersion:
    """One accepted version; actions are (who, what, due in days)."""
    version = AgreementVersion.objects.create(
        case=case, number=number, summary=summary, accepted_by_family=family,
        accepted_by_staff=by, accepted_on=day(days_ago), created_at=at(days_ago, 17),
    )
    AgreementAction.objects.bulk_create(
        AgreementAction(version=version, authority_id=version.authority_id, who=who, what=what, by_when=day(-due_in))
        for who, what, due_in in actions
    )
    return version


def evaluation(case: Case, *, by: User, planned_days_ago: int, held_days_ago: int | None = None,
               citizen_words: str = "", attainments: Sequence[tuple[Goal, str, str] | tuple[Goal, str, str, int]] = (),
               quality_of_life: dict[str, int] | None = None, satisfaction: int | None = None,
               citizen_view: int | None = None) -> EvaluationMoment:
    """An evaluation moment; when held, attainment per goal (with a GAS score as a 4th item), quality of
    life per domain (1-5), satisfaction and the citizen's view (faces, 1-5)."""
    moment = EvaluationMoment.objects.create(
        case=case, planned_on=day(planned_days_ago), created_by=by, citizen_words=citizen_words,
        held_on=day(held_days_ago) if held_days_ago is not None else None,
        satisfaction=satisfaction, citizen_view=citizen_view,
    )
    GoalAttainment.objects.bulk_create(
        GoalAttainment(evaluation=moment, authority_id=moment.authority_id, goal=a[0], level=a[1], comment=a[2],
                       gas_score=a[3] if len(a) > 3 else None)
        for a in attainments
    )
    QualityOfLifeRating.objects.bulk_create(
        QualityOfLifeRating(evaluation=moment, authority_id=moment.authority_id, domain=domain, score=score)
        for domain, score in (quality_of_life or {}).items()
    )
    return moment


def close_case(case: Case, *, by: User, days_ago: int, outcome: str, reason: str) -> None:
    """Closure as close_case makes it: outcome, reason, open clocks stopped, version moved on."""
    case.status, case.outcome, case.closure_reason = Case.Status.CLOSED, outcome, reason
    case.closed_at, case.version = at(days_ago, 15), case.version + 1
    case.save()
    Deadline.objects.filter(signal_id=case.signal_id, done_on__isnull=True).update(
        done_on=day(days_ago), done_by=by
    )
