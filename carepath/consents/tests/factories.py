"""Test data for consents: the people around a case, and scans."""

from django.core.files.uploadedfile import SimpleUploadedFile

from carepath.accounts.models import Role
from carepath.referrals.models import Referral
from carepath.testing.factories import ProviderStaffFactory, ReferralFactory, ServiceFactory, UserFactory

PDF = b"%PDF-1.4\n%test consent\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


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


def scan(name: str = "scan of Maria Silva.pdf", content: bytes = PDF, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)
