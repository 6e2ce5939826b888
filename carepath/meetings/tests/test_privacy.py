import pytest

from carepath.meetings.tests.factories import held_meeting_of
from carepath.privacy.export import export_person
from carepath.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_the_citizens_own_download_withholds_restricted_minutes_but_the_authority_sees_them():
    case = CaseFactory()
    held_meeting_of(case, by=case.signal.received_by, is_restricted=True, restriction_reason="About a neighbour")
    held_meeting_of(case, by=case.signal.received_by, minutes="Shared minutes")
    own = export_person(case.person, withhold_restricted_notes=True)["records"]["meetings.networkmeeting"]
    assert sorted(row["minutes"] for row in own) == ["", "Shared minutes"]
    assert all(row["restriction_reason"] == "" for row in own)
    full = export_person(case.person)["records"]["meetings.networkmeeting"]
    assert {row["restriction_reason"] for row in full} == {"", "About a neighbour"}
    assert len(export_person(case.person)["records"]["meetings.meetingparticipant"]) == 6
