"""The records a report counts, for one user and one filter, as querysets (nothing is loaded here).

Everything starts from the access policy's `reportable_cases`, so a report never counts a case of
an organisation the user does not report on.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q, QuerySet
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.goals.models import Goal
from carepath.organisations.models import Unit
from carepath.referrals.models import Referral, ReferralGoal
from carepath.reports.filters import ReportFilter


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day`, local time: periods are whole local days."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass(frozen=True)
class Scope:
    user: User
    filter: ReportFilter

    @property
    def date_from(self) -> datetime.date:
        return self.filter.date_from

    @property
    def date_to(self) -> datetime.date:
        return self.filter.date_to

    @property
    def period(self) -> tuple[datetime.date, datetime.date]:
        return self.filter.date_from, self.filter.date_to

    @property
    def start(self) -> datetime.datetime:
        """For timestamps: `__gte=start`, `__lt=end`."""
        return day_start(self.filter.date_from)

    @property
    def end(self) -> datetime.datetime:
        return day_start(self.filter.date_to + datetime.timedelta(days=1))

    def previous(self) -> "Scope":
        return Scope(self.user, self.filter.previous())

    @cached_property
    def cases(self) -> QuerySet[Case]:
        """Reportable cases of the organisation (responsible unit or referred to its services), unit and service."""
        cases = policy.reportable_cases(self.user)
        f = self.filter
        if f.organisation is not None:
            referred = Referral.objects.filter(service__provider_id=f.organisation.pk).values("case_id")
            cases = cases.filter(Q(unit__organisation_id=f.organisation.pk) | Q(pk__in=referred))
        if f.unit is not None:
            cases = cases.filter(unit_id=f.unit.pk)
        if f.service is not None:
            cases = cases.filter(pk__in=Referral.objects.filter(service_id=f.service.pk).values("case_id"))
        return cases

    @cached_property
    def domain_cases(self) -> QuerySet[Case]:
        """`cases`, and with a life domain only those with a goal in it (for figures about whole cases)."""
        if not self.filter.life_domain:
            return self.cases
        in_domain = Goal.objects.filter(life_domain=self.filter.life_domain).values("case_id")
        return self.cases.filter(pk__in=in_domain)

    @cached_property
    def goals(self) -> QuerySet[Goal]:
        """Goals of `cases`, of the life domain; with a service, only the goals referred to it."""
        return Goal.objects.filter(self.goals_q())

    @property
    def narrows_goals(self) -> bool:
        """Whether `goals_q` keeps fewer goals than those of `cases`."""
        return bool(self.filter.life_domain) or self.filter.service is not None

    def goals_q(self, to_goal: str = "") -> Q:
        """The same rule as `goals`, for a query reaching the goal through `to_goal` (e.g. "goal__"):
        records of a million goals are then matched through their case, not by hashing every goal."""
        rule = Q(**{f"{to_goal}case__in": self.cases.values("pk")})
        if self.filter.life_domain:
            rule &= Q(**{f"{to_goal}life_domain": self.filter.life_domain})
        if self.filter.service is not None:
            referred = ReferralGoal.objects.filter(referral__service_id=self.filter.service.pk)
            rule &= Q(**{f"{to_goal}pk__in": referred.values("goal_id")})
        return rule

    @cached_property
    def units(self) -> QuerySet[Unit]:
        """Units whose learning records count: the user's own organisation's, narrowed by the filter."""
        if self.user.organisation_id is None:
            return Unit.objects.none()
        units = Unit.objects.filter(organisation_id=self.user.organisation_id)
        if self.filter.organisation is not None:
            units = units.filter(organisation_id=self.filter.organisation.pk)
        if self.filter.unit is not None:
            units = units.filter(pk=self.filter.unit.pk)
        if self.filter.service is not None:
            units = units.filter(pk__in=Unit.objects.filter(services=self.filter.service.pk).values("pk"))
        return units
