"""Test data for referrals: a case with goals and an assessment, and services that fit or not."""

from carepath.cases.models import Case
from carepath.core.choices import LifeDomain
from carepath.organisations.models import Service
from carepath.referrals.models import Referral
from carepath.testing.factories import (
    AssessmentFactory,
    CaseFactory,
    GoalFactory,
    ReferralFactory,
    ServiceFactory,
)


def case_with_goals(*domains: str, level: int | None = 2) -> Case:
    """An open case with one active goal per life domain and, unless `level` is None, an assessment."""
    case: Case = CaseFactory.create()
    for domain in domains or (LifeDomain.LEISURE,):
        GoalFactory(case=case, life_domain=domain, title=f"Goal in {domain}")
    if level is not None:
        AssessmentFactory(case=case, physical_level=0, communication_level=level, social_level=0)
    return case


def load(service: Service, *, in_service: int = 0, waiting: int = 0, declined: int = 0) -> None:
    """Give `service` people in it, on its waiting list, and declined referrals (which do not count)."""
    for _ in range(in_service):
        ReferralFactory(service=service, status=Referral.Status.ACCEPTED)
    for _ in range(waiting):
        ReferralFactory(service=service)
    for _ in range(declined):
        ReferralFactory(service=service, status=Referral.Status.DECLINED)


def service(*domains: str, level_min: int = 0, level_max: int = 4, **fields: object) -> Service:
    return ServiceFactory.create(life_domains=list(domains), level_min=level_min, level_max=level_max, **fields)
