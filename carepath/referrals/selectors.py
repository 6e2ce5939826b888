"""Reads of referrals and of the service catalogue's load, always through the access policy."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from carepath.access import policy
from carepath.accounts.models import User
from carepath.assessments.models import Assessment
from carepath.cases.models import Case
from carepath.core.choices import LifeDomain
from carepath.core.keyset import KeysetPage, keyset_page
from carepath.goals import selectors as goal_selectors
from carepath.goals.models import Goal
from carepath.organisations.models import Service
from carepath.referrals import load
from carepath.referrals.models import Referral


def waiting_for_answer(user: User) -> QuerySet[Referral]:
    """Pending referrals to the user's organisation (a provider's inbox)."""
    services = policy.services_of_organisation(user)
    if not services:
        return Referral.objects.none()
    # An open referral to one of these services is what makes its case visible to the user
    # (policy.visible_cases), so the rule needs no test of the case: tested against every open case,
    # a large provider's inbox took 37 ms at a million citizens.
    return (
        Referral.objects.filter(status=Referral.Status.PENDING, service_id__in=services)
        .select_related("case__person", "service")
        .order_by("referred_at")
    )


def sent_and_waiting(user: User) -> QuerySet[Referral]:
    """Pending referrals on cases the user works on (their team's, their units'), still waiting for the provider."""
    # Not the cases a provider sees through a referral: tested against those, a large provider's
    # dashboard spent 340 ms finding that it had sent nothing.
    return (
        Referral.objects.filter(status=Referral.Status.PENDING, case__in=policy.responsible_cases(user))
        .exclude(service__provider_id=user.organisation_id)
        .select_related("case__person", "service__provider")
        .order_by("referred_at")
    )


def with_load(services: Iterable[Service]) -> list[Service]:
    """The services, each with `in_service` (accepted, open cases) and `waiting` (pending): see load.py."""
    services = list(services)
    figures = load.loads(s.pk for s in services)
    for service in services:
        service.in_service, service.waiting = figures[service.pk].in_service, figures[service.pk].waiting  # type: ignore[attr-defined]
    return services


def service_load(service_id: int) -> Service:
    """One service with its load, e.g. for the provider deciding on a referral."""
    return with_load([Service.objects.select_related("provider").get(pk=service_id)])[0]


def with_service_load(referrals: Iterable[Referral]) -> list[Referral]:
    """The referrals, each with its service's `service_in_service` and `service_waiting` (see load.py)."""
    referrals = list(referrals)
    figures = load.loads(r.service_id for r in referrals)
    for r in referrals:
        r.service_in_service, r.service_waiting = figures[r.service_id].in_service, figures[r.service_id].waiting  # type: ignore[attr-defined]
    return referrals


INBOX_PAGE = 50  # referrals per page of the inbox


def inbox(user: User, *, after: int | None = None) -> KeysetPage[Referral]:
    """A page of the provider's inbox, oldest pending referral first, with what is needed to decide.

    Paged by keyset: a large provider has thousands waiting (3,136 for one service at a million
    citizens), and a page of 200 rendered in 190 ms while the rest could not be reached at all."""
    waiting = waiting_for_answer(user).select_related("referred_by").prefetch_related("goals")
    page = keyset_page(waiting, order="referred_at", after=after, size=INBOX_PAGE)
    return KeysetPage(with_service_load(page.items), page.next_after)


def services_of_my_organisation(user: User) -> list[Service]:
    """The active services of the user's own organisation with their load (capacity and waiting list)."""
    if user.organisation_id is None:
        return []
    return with_load(Service.objects.filter(provider_id=user.organisation_id, is_active=True).select_related("unit"))


@dataclass
class Suggestion:
    """A service that fits the case, with why and how busy it is."""

    service: Service
    matching_domains: list[str]
    already_referred: bool

    @property
    def matching_labels(self) -> list[str]:
        labels = dict(LifeDomain.choices)
        return [str(labels.get(code, code)) for code in self.matching_domains]

    @property
    def other_labels(self) -> list[str]:
        labels = dict(LifeDomain.choices)
        return [str(labels.get(code, code)) for code in self.service.life_domains if code not in self.matching_domains]

    @property
    def free_places(self) -> int:
        return max(0, self.service.capacity - self.service.in_service)  # type: ignore[attr-defined]


def case_goals(case: Case) -> QuerySet[Goal]:
    """The goals of a case, its own and the group goals it shares."""
    return Goal.objects.filter(pk__in=goal_selectors.ids_of_case(case.pk))


def latest_level(case: Case) -> int | None:
    """The highest functional level of the latest assessment, or None before any assessment."""
    assessment = Assessment.objects.filter(case=case).order_by("assessed_on", "pk").last()
    return assessment.highest_level if assessment else None


def suggest_services(case: Case) -> list[Suggestion]:
    """Active services that work on the life domains of the case's active goals and serve its level.

    Ranked by the number of matching life domains, then free places, then the shortest waiting list.
    A service whose level range does not hold the highest level of the latest assessment is left out;
    before any assessment, the level is not used. Four queries and one for the services' loads that
    are not in the cache (load.py), however many services there are.
    """
    domains = set(case_goals(case).filter(status=Goal.Status.ACTIVE).values_list("life_domain", flat=True))
    if not domains:
        return []
    level = latest_level(case)
    open_referrals = case.referrals.filter(status__in=(Referral.Status.PENDING, Referral.Status.ACCEPTED))
    referred = set(open_referrals.values_list("service_id", flat=True))
    suggestions = []
    # life_domains is a JSON list: the overlap is computed here, the same on SQLite and PostgreSQL.
    for service in with_load(Service.objects.filter(is_active=True).select_related("provider")):
        if level is not None and not service.level_min <= level <= service.level_max:
            continue
        matching = [d for d in service.life_domains if d in domains]
        if matching:
            suggestions.append(Suggestion(service, matching, service.pk in referred))
    suggestions.sort(key=lambda s: (-len(s.matching_domains), -s.free_places, s.service.waiting, s.service.name))  # type: ignore[attr-defined]
    return suggestions


def referrals_to_my_organisation(case: Case, user: User) -> list[Referral]:
    """A case's referrals to the user's organisation, with the goals they are about: all a provider
    without consent to share may see of the case."""
    return list(
        Referral.objects.filter(case_id=case.pk, service__provider_id=user.organisation_id)
        .select_related("service", "referred_by")
        .prefetch_related("goals")
    )
