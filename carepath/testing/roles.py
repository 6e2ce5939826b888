"""The people around a case, one per role, for tests of pages and rules."""

from carepath.accounts.models import Role, User
from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.testing.factories import (
    ConsentFactory,
    ProviderStaffFactory,
    ReferralFactory,
    ServiceFactory,
    UserFactory,
)


def provider_staff_on(case: Case, status: str = Referral.Status.PENDING, *, consent: bool = True) -> User:
    """Staff of a provider whose service has a referral of the case (pending unless `status` says otherwise).

    With `consent`, the person has consented to sharing their file with this provider.
    """
    staff = ProviderStaffFactory.create()
    ReferralFactory.create(case=case, service=ServiceFactory.create(provider=staff.organisation), status=status)
    if consent:
        sharing = ConsentFactory.create(case=case, scope=Consent.Scope.SHARE_PROVIDERS)
        add_links(sharing.providers, staff.organisation)
    return staff


def team_leader_of(case: Case) -> User:
    """The team leader of the unit responsible for the case."""
    leader = UserFactory.create(role=Role.TEAM_LEADER, unit=case.unit)
    case.unit.leader = leader
    case.unit.save(update_fields=["leader"])
    return leader


def quality_coordinator_of(case: Case) -> User:
    """A quality coordinator of the same unit, who has no relation to the case itself."""
    return UserFactory.create(role=Role.QUALITY_COORDINATOR, unit=case.unit)


def administrator() -> User:
    """An administrator of the system, outside any organisation."""
    return UserFactory.create(role=Role.ADMINISTRATOR, unit=None, organisation=None, is_staff=True)


def stranger() -> User:
    """A case worker of another authority's unit."""
    return UserFactory.create()


def someone(who: str, case: Case) -> User:
    """A person around the case, by the name tests give them in their parameters."""
    return {
        "case worker": lambda: case.signal.received_by,
        "team leader": lambda: team_leader_of(case),
        "provider, pending referral": lambda: provider_staff_on(case, Referral.Status.PENDING),
        "provider, accepted referral": lambda: provider_staff_on(case, Referral.Status.ACCEPTED),
        "stranger": stranger,
    }[who]()


# What a page of an authority decision (Do.MANAGE) on an open case answers each person: (who, GET, POST).
DECISION_PAGE_ANSWERS = [
    ("team leader", 200, 302),
    ("provider, pending referral", 403, 403),
    ("provider, accepted referral", 403, 403),
    ("stranger", 404, 404),
]
