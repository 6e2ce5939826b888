"""Test data for agreements: the people around a case."""

from carepath.accounts.models import Role
from carepath.referrals.models import Referral
from carepath.testing.factories import ProviderStaffFactory, ReferralFactory, ServiceFactory, UserFactory


def provider_staff_on(case, status=Referral.Status.ACCEPTED):
    """Staff of a provider that holds a referral of `case` with `status`."""
    staff = ProviderStaffFactory()
    ReferralFactory(case=case, service=ServiceFactory(provider=staff.organisation), status=status)
    return staff


def leader_of(case):
    """The team leader of the unit responsible for `case`."""
    leader = UserFactory(role=Role.TEAM_LEADER, unit=case.unit)
    case.unit.leader = leader
    case.unit.save(update_fields=["leader"])
    return leader
