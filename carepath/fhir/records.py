"""The FHIR resources of given Carepath records, each kind loaded with a fixed number of queries.

Nothing here checks access: `selectors` (the server) and `export` (the audited command) decide
which records to pass. Each function returns (record, resource) pairs, the record being what the
audit log names.
"""

from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Model, QuerySet
from fhir.resources.R4B.domainresource import DomainResource

from carepath.assessments.models import Assessment
from carepath.cases.models import Case, CaseTeamMember
from carepath.consents.models import Consent
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.fhir.mapping.care_plan import care_plan
from carepath.fhir.mapping.care_team import care_team
from carepath.fhir.mapping.consent import consent
from carepath.fhir.mapping.goal import goal
from carepath.fhir.mapping.observation import observations
from carepath.fhir.mapping.questionnaire_response import questionnaire_response
from carepath.fhir.mapping.service_request import service_request
from carepath.goals.models import Goal
from carepath.plans.models import Step
from carepath.referrals.models import Referral

Found = tuple[Model, DomainResource]


def care_plans(cases: QuerySet[Case]) -> list[Found]:
    found = list(cases.select_related("case_type", "unit__organisation").order_by("opened_at", "pk"))
    ids = [case.pk for case in found]
    goals_of: dict[int, list[Goal]] = defaultdict(list)
    for item in Goal.objects.filter(case_id__in=ids).order_by("due_on", "pk"):
        goals_of[item.case_id].append(item)
    steps_of: dict[int, list[Step]] = defaultdict(list)
    steps = Step.objects.filter(goal__case_id__in=ids).select_related("goal")
    for step in steps.order_by("goal__due_on", "goal_id", "due_on", "pk"):
        steps_of[step.goal.case_id].append(step)
    return [(case, care_plan(case, goals=goals_of[case.pk], steps=steps_of[case.pk])) for case in found]


def care_teams(cases: QuerySet[Case]) -> list[Found]:
    found = list(cases.select_related("unit__organisation").order_by("opened_at", "pk"))
    members_of: dict[int, list[CaseTeamMember]] = defaultdict(list)
    members = CaseTeamMember.objects.filter(case_id__in=[case.pk for case in found])
    for member in members.select_related("user__organisation").order_by("-is_case_manager", "added_at", "pk"):
        members_of[member.case_id].append(member)
    return [(case, care_team(case, members=members_of[case.pk])) for case in found]


def goals(queryset: QuerySet[Goal]) -> list[Found]:
    found = list(queryset.select_related("case").order_by("case_id", "due_on", "pk"))
    attainments = GoalAttainment.objects.filter(goal_id__in=[item.pk for item in found])
    order = (F("evaluation__held_on").asc(nulls_first=True), "evaluation__planned_on", "pk")
    latest = dict(attainments.order_by(*order).values_list("goal_id", "level"))  # the latest one wins
    return [(item, goal(item, person_id=item.case.person_id, latest_attainment=latest.get(item.pk))) for item in found]


def consents(queryset: QuerySet[Consent], *, with_documents: bool = False) -> list[Found]:
    """With `with_documents` (the export), each paper consent carries its scan."""
    found = queryset.select_related("case").prefetch_related("providers").order_by("given_on", "pk")
    return [
        (item, consent(item, person_id=item.case.person_id, document=_scan(item) if with_documents else None))
        for item in found
    ]


def _scan(item: Consent) -> bytes | None:
    if not item.document:
        return None
    with item.document.open("rb") as scan:
        return scan.read()


def service_requests(queryset: QuerySet[Referral]) -> list[Found]:
    found = queryset.select_related("case", "service__provider", "referred_by").prefetch_related("goals")
    return [
        (item, service_request(item, person_id=item.case.person_id, goals=list(item.goals.all())))
        for item in found.order_by("referred_at", "pk")
    ]


def functional_observations(queryset: QuerySet[Assessment]) -> list[Found]:
    found = queryset.select_related("case", "assessed_by").order_by("assessed_on", "pk")
    return [(item, resource) for item in found for resource in observations(item, person_id=item.case.person_id)]


def questionnaire_responses(queryset: QuerySet[EvaluationMoment]) -> list[Found]:
    found = queryset.select_related("case", "created_by").prefetch_related("attainments", "quality_of_life")
    return [
        (
            item,
            questionnaire_response(
                item,
                person_id=item.case.person_id,
                attainments=sorted(item.attainments.all(), key=lambda a: a.pk),
                quality_of_life=sorted(item.quality_of_life.all(), key=lambda r: r.pk),
            ),
        )
        for item in found.order_by("planned_on", "pk")
    ]


@dataclass(frozen=True)
class Kind:
    """A resource type the server serves (besides Patient): the record behind it and how to load it."""

    model: type[Model]  # what a read finds through the access policy; the audit log names it
    of_cases: Callable[[Collection[int]], QuerySet[Any]]  # the records of these cases
    load: Callable[[QuerySet[Any]], list[Found]]


KINDS: dict[str, Kind] = {
    "CarePlan": Kind(Case, lambda ids: Case.objects.filter(pk__in=ids), care_plans),
    "CareTeam": Kind(Case, lambda ids: Case.objects.filter(pk__in=ids), care_teams),
    "Goal": Kind(Goal, lambda ids: Goal.objects.filter(case_id__in=ids), goals),
    "Consent": Kind(Consent, lambda ids: Consent.objects.filter(case_id__in=ids), consents),
    "ServiceRequest": Kind(Referral, lambda ids: Referral.objects.filter(case_id__in=ids), service_requests),
    "Observation": Kind(Assessment, lambda ids: Assessment.objects.filter(case_id__in=ids), functional_observations),
    "QuestionnaireResponse": Kind(
        EvaluationMoment, lambda ids: EvaluationMoment.objects.filter(case_id__in=ids), questionnaire_responses
    ),
}
