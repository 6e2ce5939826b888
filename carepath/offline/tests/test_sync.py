import base64
import json

import pytest

from carepath.audit.models import AuditEvent
from carepath.audit.verify import verify_chain
from carepath.consents.models import Consent
from carepath.evaluations import services as evaluations
from carepath.evaluations.models import GoalAttainment
from carepath.notes.models import ProgressNote
from carepath.offline import bundle, devices, sync
from carepath.offline.models import OfflineWrite
from carepath.offline.tests.factories import device_with, write
from carepath.plans import services as plans
from carepath.plans.models import Step, StepAttachment
from carepath.testing import roles
from carepath.testing.factories import (
    CaseFactory,
    CitizenFactory,
    ConsentFactory,
    EvaluationMomentFactory,
    GoalFactory,
    StepFactory,
)
from carepath.testing.files import PNG

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(client):
    """A case worker's device holding one case with a goal and a step, signed in."""
    case = CaseFactory()
    worker = case.signal.received_by
    step = StepFactory(goal=GoalFactory(case=case))
    device, token = device_with(worker, [case])
    client.force_login(worker)
    client.cookies[devices.COOKIE] = token
    return client, case, worker, step, device


def _send(client, body):
    return client.post("/offline/api/sync/", json.dumps(body), content_type="application/json")


def test_a_note_sent_twice_is_stored_once(visit):
    client, case, worker, step, _device = visit
    note = write("note", case, text="We walked to the bus stop together.", step=step.pk)
    first, again = _send(client, note), _send(client, note)
    assert first.json() == {"client_id": note["client_id"], "state": "applied"}
    assert again.json() == {"client_id": note["client_id"], "state": "applied", "duplicate": True}
    stored = ProgressNote.objects.get(case=case)
    assert (stored.text, stored.step, stored.goal, stored.written_by) == (
        "We walked to the bus stop together.", step, step.goal, worker
    )
    assert OfflineWrite.objects.count() == 1


def test_replaying_every_kind_of_write_is_idempotent(visit):
    client, case, _worker, step, _device = visit
    ConsentFactory(case=case, scope=Consent.Scope.PHOTOS)
    evaluation = EvaluationMomentFactory(case=case)
    writes = [
        write("note", case, text="A good afternoon."),
        write("step_status", case, record=step.pk, base_version=step.version, status="done"),
        write("evaluation", case, record=evaluation.pk, base_version=evaluation.version, citizen_words="I did it!",
              answers=[{"goal": step.goal_id, "level": "fully", "comment": "went alone"}]),
        write("photo", case, record=step.pk, description="The bus stop", image=_data_url(PNG)),
    ]
    for _round in range(2):
        assert [_send(client, w).json()["state"] for w in writes] == ["applied"] * 4
    assert ProgressNote.objects.filter(case=case).count() == 1
    assert Step.objects.get(pk=step.pk).version == step.version + 1
    assert GoalAttainment.objects.get(evaluation=evaluation).level == "fully"
    assert StepAttachment.objects.filter(step=step).count() == 1
    assert OfflineWrite.objects.filter(state="applied").count() == 4


def test_a_step_changed_at_the_office_meanwhile_is_a_conflict_and_both_versions_survive(visit):
    client, case, worker, step, _device = visit
    seen = step.version
    plans.change_step_status(step=step, case=case, by=worker, seen_version=seen, status="dropped")
    answer = _send(client, write("step_status", case, record=step.pk, base_version=seen, status="done")).json()
    assert answer["state"] == "conflict"
    stored = OfflineWrite.objects.get()
    assert answer["conflict_url"] == f"/offline/conflicts/{stored.pk}/"
    assert stored.payload["status"] == "done"
    assert stored.server_version["status"] == "dropped"
    assert Step.objects.get(pk=step.pk).status == "dropped"  # not overwritten

    page = client.get(answer["conflict_url"])
    assert page.status_code == 200
    assert b"Done" in page.content and b"Dropped" in page.content
    client.post(answer["conflict_url"], {"keep": "mine"})
    stored.refresh_from_db()
    assert Step.objects.get(pk=step.pk).status == "done"
    kept = (stored.state, stored.payload["status"], stored.server_version["status"])
    assert kept == ("kept_mine", "done", "dropped")


def test_keeping_the_office_version_keeps_the_visit_version_on_record(visit):
    client, case, worker, step, _device = visit
    seen = step.version
    plans.change_step_status(step=step, case=case, by=worker, seen_version=seen, status="dropped")
    _send(client, write("step_status", case, record=step.pk, base_version=seen, status="done"))
    stored = OfflineWrite.objects.get()
    client.post(f"/offline/conflicts/{stored.pk}/", {"keep": "theirs"})
    stored.refresh_from_db()
    assert Step.objects.get(pk=step.pk).status == "dropped"
    assert (stored.state, stored.payload["status"]) == ("kept_theirs", "done")


def test_an_evaluation_recorded_at_the_office_meanwhile_is_a_conflict(visit):
    client, case, worker, step, _device = visit
    evaluation = EvaluationMomentFactory(case=case)
    seen = evaluation.version
    evaluations.record_evaluation(evaluation=evaluation, by=worker, held_on=evaluation.planned_on.replace(year=2025),
                                  citizen_words="At the office", answers=[])
    answer = _send(client, write("evaluation", case, record=evaluation.pk, base_version=seen, citizen_words="Home",
                                 answers=[{"goal": step.goal_id, "level": "partially", "comment": ""}])).json()
    assert answer["state"] == "conflict"
    assert OfflineWrite.objects.get().server_version["citizen_words"] == "At the office"


def test_a_revoked_device_s_writes_are_kept_for_review_not_applied_and_it_is_told_to_wipe(visit):
    client, case, worker, _step, device = visit
    devices.revoke(device=device, by=roles.administrator())
    note = write("note", case, text="Written before the phone was lost.")
    answer = _send(client, note)
    assert (answer.status_code, answer.json()) == (410, {"wipe": True, "reason": "revoked", "kept": True})
    held = OfflineWrite.objects.get()
    assert (held.state, held.payload["text"]) == ("held", "Written before the phone was lost.")
    assert not ProgressNote.objects.filter(case=case).exists()
    # The writer reviews it and applies it, once.
    client.post(f"/offline/held/{held.pk}/apply/")
    client.post(f"/offline/held/{held.pk}/apply/")
    assert ProgressNote.objects.get(case=case).text == "Written before the phone was lost."


def test_a_photo_needs_a_consent_that_covers_it_and_is_kept_when_refused(visit):
    client, case, _worker, step, _device = visit
    answer = _send(client, write("photo", case, record=step.pk, description="Kitchen", image=_data_url(PNG))).json()
    assert answer["state"] == "refused"
    stored = OfflineWrite.objects.get()
    assert stored.photo and not StepAttachment.objects.exists()


def test_an_offline_write_is_audited_with_the_device_time_and_the_sync_time(visit):
    client, case, worker, _step, _device = visit
    note = write("note", case, text="Seen at home.")
    _send(client, note)
    entry = AuditEvent.objects.get(what="notes.progressnote", action="create")
    assert entry.device_at.isoformat() == note["device_at"]
    assert entry.at > entry.device_at
    assert ProgressNote.objects.get().written_at.isoformat() == note["device_at"]
    # The citizen sees both times in "who looked at my file".
    citizen = CitizenFactory(person=case.person)
    client.force_login(citizen)
    page = client.get(f"/portal/{case.person_id}/who-looked/").content.decode()
    assert "on a home visit, without a connection; sent to the office" in page


def test_writes_to_a_case_the_user_cannot_see_and_malformed_writes_store_nothing(visit):
    client, _case, _worker, _step, _device = visit
    elsewhere = CaseFactory()
    assert _send(client, write("note", elsewhere, text="x")).status_code == 400
    assert _send(client, {"kind": "note"}).status_code == 400
    assert client.post("/offline/api/sync/", "not json", content_type="application/json").status_code == 400
    assert not OfflineWrite.objects.exists()


def test_someone_else_s_client_id_tells_nothing(visit):
    client, case, _worker, _step, _device = visit
    note = write("note", case, text="Mine.")
    _send(client, note)
    other_case = CaseFactory()
    other = other_case.signal.received_by
    _device2, token = device_with(other, [other_case])
    client.force_login(other)
    client.cookies[devices.COOKIE] = token
    replay = dict(note, case=other_case.pk)
    assert _send(client, replay).status_code == 400


def test_a_step_of_another_case_is_refused_not_changed(visit):
    client, case, _worker, _step, _device = visit
    foreign = StepFactory()
    answer = _send(client, write("step_status", case, record=foreign.pk, base_version=1, status="done")).json()
    assert answer["state"] == "refused"
    assert Step.objects.get(pk=foreign.pk).status == "planned"


def _data_url(content: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(content).decode()


def test_parse_refuses_an_unknown_kind():
    with pytest.raises(sync.BadWrite):
        sync.parse({"client_id": "9b2e0c3e-6a4c-4f7e-9c57-1f1f1f1f1f1f", "kind": "delete", "case": 1,
                    "device_at": "2026-11-30T10:00:00+01:00", "data": {}})


def test_a_write_on_a_case_taken_along_but_no_longer_visible_is_kept_as_refused(visit):
    client, case, worker, _step, device = visit
    bundle.build(device, worker)  # taken along: audited as a home visit
    case.team.all().delete()  # the case worker left the team while on the visit
    answer = _send(client, write("note", case, text="Still worth keeping.")).json()
    assert answer["state"] == "refused"
    kept = OfflineWrite.objects.get()
    assert (kept.state, kept.payload["text"]) == ("refused", "Still worth keeping.")
    assert not ProgressNote.objects.exists()


def test_the_writer_sees_a_held_photo_before_applying_it_and_nobody_else_does(visit):
    client, case, _worker, step, device = visit
    ConsentFactory(case=case, scope=Consent.Scope.PHOTOS)
    devices.revoke(device=device, by=roles.administrator())
    _send(client, write("photo", case, record=step.pk, description="The kitchen", image=_data_url(PNG)))
    held = OfflineWrite.objects.get()
    assert b"".join(client.get(f"/offline/held/{held.pk}/photo/").streaming_content) == PNG
    assert f"/offline/held/{held.pk}/photo/" in client.get("/offline/held/").content.decode()
    client.force_login(roles.team_leader_of(case))
    assert client.get(f"/offline/held/{held.pk}/photo/").status_code == 404


def test_entries_with_a_reason_and_a_device_time_keep_the_audit_chain_whole(visit):
    client, case, worker, _step, device = visit
    bundle.build(device, worker)
    _send(client, write("note", case, text="Chained."))
    assert AuditEvent.objects.filter(reason="home_visit").exists()
    assert AuditEvent.objects.filter(device_at__isnull=False).exists()
    assert verify_chain().broken is None
