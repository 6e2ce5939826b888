import pytest

from carepath.api.tests.client import api_as
from carepath.notes.models import ProgressNote
from carepath.referrals.models import Referral
from carepath.testing import factories as f
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def test_staff_read_every_note_restricted_ones_marked_with_their_reason(case, worker, audit_mark):
    shared = f.ProgressNoteFactory.create(case=case)
    restricted = f.ProgressNoteFactory.create(case=case, is_restricted=True, restriction_reason="About the father")
    body = api_as(worker).get(f"/cases/{case.pk}/notes").json()
    by_id = {n["id"]: n for n in body["items"]}
    assert set(by_id) == {shared.pk, restricted.pk}
    assert (by_id[restricted.pk]["is_restricted"], by_id[restricted.pk]["restriction_reason"]) == (
        True,
        "About the father",
    )
    assert (by_id[shared.pk]["is_restricted"], by_id[shared.pk]["restriction_reason"]) == (False, "")
    assert audit_mark() == [("view", "cases.case", case.pk, case.pk)]


def test_a_note_is_written_about_a_step_and_audited(case, worker, audit_mark):
    step = f.StepFactory.create(goal=f.GoalFactory.create(case=case))
    response = api_as(worker).post(f"/cases/{case.pk}/notes", {"text": "Bought the ticket.", "step_id": step.pk})
    assert response.status_code == 201, response.content
    note = ProgressNote.objects.get()
    assert (note.step, note.goal, note.written_by, note.is_restricted) == (step, step.goal, worker, False)
    assert response.json()["goal_id"] == step.goal_id
    assert audit_mark()[-1] == ("create", "notes.progressnote", note.pk, case.pk)


def test_a_restricted_note_needs_a_reason(case, worker):
    api = api_as(worker)
    assert api.post(f"/cases/{case.pk}/notes", {"text": "x", "is_restricted": True}).status_code == 422
    response = api.post(f"/cases/{case.pk}/notes", {"text": "x", "is_restricted": True, "restriction_reason": "Why"})
    assert response.status_code == 201
    assert ProgressNote.objects.get().restriction_reason == "Why"


def test_a_reason_without_restriction_is_not_kept(case, worker):
    body = {"text": "x", "restriction_reason": "Why"}
    assert api_as(worker).post(f"/cases/{case.pk}/notes", body).json()["restriction_reason"] == ""


def test_a_note_is_about_a_goal_and_step_of_this_case_only(case, worker):
    api = api_as(worker)
    foreign_goal = f.GoalFactory.create()
    own_goal = f.GoalFactory.create(case=case)
    other_step = f.StepFactory.create(goal=f.GoalFactory.create(case=case))
    for body, field in [
        ({"goal_id": foreign_goal.pk}, "goal_id"),
        ({"step_id": f.StepFactory.create(goal=foreign_goal).pk}, "step_id"),
        ({"goal_id": own_goal.pk, "step_id": other_step.pk}, "step_id"),
    ]:
        response = api.post(f"/cases/{case.pk}/notes", {"text": "x", **body})
        assert response.status_code == 422, body
        assert response.json()["errors"][0]["loc"][2] == field
    assert not ProgressNote.objects.exists()


def test_a_provider_without_consent_neither_reads_nor_writes_notes(case):
    api = api_as(provider_staff_on(case, Referral.Status.ACCEPTED, consent=False))
    assert api.get(f"/cases/{case.pk}/notes").status_code == 403
    assert api.post(f"/cases/{case.pk}/notes", {"text": "x"}).status_code == 403
