"""Writes made offline, received once and never lost (issue 11).

Each write carries an id the device made and the version of the record it was based on. The same
id sent again gets the first answer: stored once. A write based on a record someone changed
meanwhile is kept as a conflict, with the office's version beside it, until its writer resolves it.
A write that is no longer allowed is kept as refused; one sent by a revoked device is kept as held,
not applied. Every applied change goes through the app's own service, audited with the device's
time (when it was made) beside the log's own (when it was synced).
"""

import base64
import binascii
import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.core import uploads
from carepath.core.concurrency import StaleEdit
from carepath.evaluations import services as evaluations
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals.models import Goal
from carepath.notes import services as notes
from carepath.offline.models import Device, OfflineWrite
from carepath.plans import services as plans
from carepath.plans.models import Step

MAX_NOTE = 20_000
MAX_PHOTO_BYTES = 10 * 1024 * 1024
Kind, State = OfflineWrite.Kind, OfflineWrite.State


class BadWrite(ValueError):
    """The write is malformed: nothing is stored (the device keeps it and shows the message)."""


class Refused(Exception):
    """The write is no longer allowed; it is kept as refused, with this message."""


@dataclass(frozen=True)
class Incoming:
    client_id: uuid.UUID
    kind: str
    case_id: int
    record_id: int | None
    base_version: int | None
    device_at: datetime.datetime
    data: dict[str, Any]


def parse(body: Any) -> Incoming:
    """The write as the device sent it, checked for shape (not yet for permission)."""
    if not isinstance(body, dict):
        raise BadWrite(_("The change could not be read."))
    try:
        client_id = uuid.UUID(str(body["client_id"]))
        kind = str(body["kind"])
        case_id = int(body["case"])
        record_id = None if body.get("record") is None else int(body["record"])
        base_version = None if body.get("base_version") is None else int(body["base_version"])
        device_at = parse_datetime(str(body["device_at"]))
        data = body["data"]
    except (KeyError, TypeError, ValueError) as error:
        raise BadWrite(_("The change could not be read.")) from error
    if kind not in Kind.values or device_at is None or not isinstance(data, dict):
        raise BadWrite(_("The change could not be read."))
    if timezone.is_naive(device_at):
        device_at = timezone.make_aware(device_at)
    return Incoming(client_id, kind, case_id, record_id, base_version, device_at, data)


def receive(*, device: Device, user: User, incoming: Incoming) -> tuple[OfflineWrite, bool]:
    """Store and apply one write; returns it and whether it had arrived before (then nothing is done)."""
    existing = OfflineWrite.objects.filter(client_id=incoming.client_id).first()
    if existing is not None:
        if existing.user_id != user.pk:  # somebody else's id: tell nothing about it
            raise BadWrite(_("The change could not be read."))
        return existing, True
    case = Case.objects.filter(pk=incoming.case_id).select_related("unit__organisation").first()
    visible = case is not None and policy.visible_cases(user).filter(pk=case.pk).exists()
    # A case the user no longer sees keeps what they wrote on it only if they did take it along.
    if case is None or (not visible and not _taken_along_by(user, case)):
        raise BadWrite(_("This case is not one you can see."))
    write = None
    try:
        with transaction.atomic():
            write = OfflineWrite(
                client_id=incoming.client_id, device=device, user=user, case=case, kind=incoming.kind,
                record_id=incoming.record_id, base_version=incoming.base_version, device_at=incoming.device_at,
                payload=_payload(incoming), state=State.HELD,
            )
            photo = _photo(incoming) if incoming.kind == Kind.PHOTO else None
            if photo is not None:
                write.photo.save(uploads.anonymous_name("photo.jpg"), photo, save=False)
            if device.is_revoked:
                write.message = _("Sent by a device that was revoked: kept for review, not applied.")
                write.save()
            elif not visible:
                write.state, write.message = State.REFUSED, _("This case is no longer one you can see.")
                write.save()
            else:
                write.save()
                apply(write, case=case, by=user)
            policy.record(user, AuditEvent.Action.CREATE, write, case=case, device_at=incoming.device_at)
    except IntegrityError:  # the same write arrived twice at once: the other request stored it
        _forget_photo(write)
        return OfflineWrite.objects.get(client_id=incoming.client_id), True
    except Exception:
        _forget_photo(write)  # never keep a file without its record
        raise
    Device.objects.filter(pk=device.pk).update(last_sync_at=timezone.now(), last_contact_at=timezone.now())
    return write, False


def _forget_photo(write: OfflineWrite | None) -> None:
    if write is not None and write.photo:
        write.photo.delete(save=False)


def _taken_along_by(user: User, case: Case) -> bool:
    """Whether `user` took `case` along on a visit: the audit log keeps every take-along."""
    return AuditEvent.objects.filter(
        user_id=user.pk, case_id=case.pk, action=AuditEvent.Action.VIEW, reason=AuditEvent.Reason.HOME_VISIT
    ).exists()


def apply(write: OfflineWrite, *, case: Case, by: User) -> None:
    """Apply a stored write through the app's own service; a stale one becomes a conflict."""
    try:
        with transaction.atomic():
            write.result_id = APPLY[Kind(write.kind)](write, case, by)
            write.state, write.message = State.APPLIED, ""
    except StaleEdit:
        write.state = State.CONFLICT
        write.server_version = OFFICE_VERSION[Kind(write.kind)](write)
        write.message = str(StaleEdit.message)
    except Refused as refusal:
        write.state, write.message = State.REFUSED, str(refusal)
    write.save(update_fields=["state", "message", "result_id", "server_version"])


@transaction.atomic
def resolve(*, write: OfflineWrite, case: Case, by: User, keep_mine: bool) -> None:
    """The writer chooses: the version from the visit (applied over the office's) or the office's.
    Either way the write stays stored with both versions."""
    write = OfflineWrite.objects.select_for_update().get(pk=write.pk)
    if write.state != State.CONFLICT:
        return
    if keep_mine:
        write.base_version = _current_version(write)
        apply(write, case=case, by=by)
        if write.state == State.APPLIED:
            write.state = State.KEPT_MINE
    else:
        write.state = State.KEPT_THEIRS
    write.resolved_by, write.resolved_at = by, timezone.now()
    write.save(update_fields=["state", "base_version", "resolved_by", "resolved_at"])
    policy.record(by, AuditEvent.Action.UPDATE, write, case=case)


@transaction.atomic
def apply_held(*, write: OfflineWrite, case: Case, by: User) -> None:
    """After review, the writer applies a write a revoked device sent, as if it had synced normally."""
    write = OfflineWrite.objects.select_for_update().get(pk=write.pk)
    if write.state != State.HELD:
        return
    apply(write, case=case, by=by)
    policy.record(by, AuditEvent.Action.UPDATE, write, case=case)


def _payload(incoming: Incoming) -> dict[str, Any]:
    """What was written, checked per kind; a photo's bytes go to the file, not into the payload."""
    data = incoming.data
    if incoming.kind == Kind.NOTE:
        text = str(data.get("text", "")).strip()
        if not text or len(text) > MAX_NOTE:
            raise BadWrite(_("A progress note needs a text."))
        return {"text": text, "goal": _id(data.get("goal")), "step": _id(data.get("step"))}
    if incoming.record_id is None:
        raise BadWrite(_("The change could not be read."))
    if incoming.kind == Kind.STEP_STATUS:
        if data.get("status") not in Step.Status.values or incoming.base_version is None:
            raise BadWrite(_("The change could not be read."))
        return {"status": data["status"], "status_label": str(Step.Status(data["status"]).label)}
    if incoming.kind == Kind.EVALUATION:
        answers = data.get("answers")
        if incoming.base_version is None or not isinstance(answers, list) or not answers:
            raise BadWrite(_("Give an answer for at least one goal."))
        checked = []
        for answer in answers:
            if not isinstance(answer, dict) or answer.get("level") not in GoalAttainment.Level.values:
                raise BadWrite(_("Give an answer for at least one goal."))
            checked.append({"goal": _id(answer.get("goal")), "level": answer["level"],
                            "comment": str(answer.get("comment", ""))[:MAX_NOTE]})
        return {"citizen_words": str(data.get("citizen_words", ""))[:MAX_NOTE], "answers": checked}
    return {"description": str(data.get("description", "")).strip()[:300]}


def _photo(incoming: Incoming) -> "ContentFile[bytes]":
    header, _sep, encoded = str(incoming.data.get("image", "")).partition(",")
    if not header.startswith("data:image/") or ";base64" not in header:
        raise BadWrite(_("The photo could not be read."))
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise BadWrite(_("The photo could not be read.")) from error
    if len(content) > MAX_PHOTO_BYTES or uploads.sniff(content[:16]) not in ("image/jpeg", "image/png", "image/webp"):
        raise BadWrite(_("The photo could not be read."))
    return ContentFile(content, name="photo.jpg")


def _id(value: Any) -> int | None:
    try:
        return None if value in (None, "") else int(value)
    except (TypeError, ValueError) as error:
        raise BadWrite(_("The change could not be read.")) from error


def _may_plan(case: Case, by: User) -> None:
    if not policy.may(by, policy.Do.PLAN, case):
        raise Refused(_("The case is closed or no longer shared with you."))


def _step(write: OfflineWrite, case: Case) -> Step:
    step = Step.objects.filter(pk=write.record_id or 0, goal__case_id=case.pk).first()
    if step is None:
        raise Refused(_("This step is no longer in the plan."))
    return step


def _apply_note(write: OfflineWrite, case: Case, by: User) -> int:
    _may_plan(case, by)
    data = write.payload
    goal = Goal.objects.filter(pk=data.get("goal"), case_id=case.pk).first() if data.get("goal") else None
    step = Step.objects.filter(pk=data.get("step"), goal__case_id=case.pk).first() if data.get("step") else None
    note = notes.write_note(case=case, by=by, text=data["text"], goal=goal if step is None else None, step=step,
                            device_at=write.device_at)
    return note.pk


def _apply_step_status(write: OfflineWrite, case: Case, by: User) -> int:
    _may_plan(case, by)
    step = _step(write, case)
    assert write.base_version is not None  # checked by _payload
    plans.change_step_status(step=step, case=case, by=by, seen_version=write.base_version,
                             status=write.payload["status"], device_at=write.device_at)
    return step.pk


def _apply_evaluation(write: OfflineWrite, case: Case, by: User) -> int:
    if not policy.may(by, policy.Do.MANAGE, case):
        raise Refused(_("Only the responsible authority's staff record an evaluation, on an open case."))
    evaluation = EvaluationMoment.objects.filter(pk=write.record_id or 0, case_id=case.pk).first()
    if evaluation is None:
        raise Refused(_("This evaluation moment is no longer in the file."))
    if evaluation.version != write.base_version:
        raise StaleEdit(current_version=evaluation.version)
    goals = {g.pk: g for g in Goal.objects.filter(case_id=case.pk)}
    answers = [
        evaluations.AttainmentAnswer(goal=goals[a["goal"]], level=a["level"], comment=a["comment"])
        for a in write.payload["answers"] if a["goal"] in goals
    ]
    ratings = {r.domain: r.score for r in evaluation.quality_of_life.all()}
    try:
        evaluations.record_evaluation(
            evaluation=evaluation, by=by, held_on=timezone.localdate(write.device_at),
            citizen_words=write.payload["citizen_words"], answers=answers, quality_of_life=ratings,
            satisfaction=evaluation.satisfaction, citizen_view=evaluation.citizen_view, device_at=write.device_at,
        )
    except ValueError as error:
        raise Refused(_("The answers could not be recorded.")) from error
    return evaluation.pk


def _apply_photo(write: OfflineWrite, case: Case, by: User) -> int:
    _may_plan(case, by)
    step = _step(write, case)
    if not Consent.objects.filter(case_id=case.pk, scope=Consent.Scope.PHOTOS, withdrawn_on=None).exists():
        raise Refused(_("No consent covers taking photos for this plan."))
    with write.photo.open("rb") as f:
        attachment = plans.add_attachment(
            step=step, case=case, by=by, kind="image",
            description=write.payload.get("description") or _("Photo taken on a home visit"),
            file=SimpleUploadedFile("photo.jpg", f.read()), for_offline=False, device_at=write.device_at,
        )
    return attachment.pk


def _office_step(write: OfflineWrite) -> dict[str, Any]:
    step = Step.objects.filter(pk=write.record_id or 0).first()
    if step is None:
        return {}
    return {"status": step.status, "status_label": str(step.get_status_display()), "version": step.version}


def _office_evaluation(write: OfflineWrite) -> dict[str, Any]:
    evaluation = EvaluationMoment.objects.filter(pk=write.record_id or 0).first()
    if evaluation is None:
        return {}
    return {
        "held_on": evaluation.held_on.isoformat() if evaluation.held_on else None,
        "citizen_words": evaluation.citizen_words,
        "answers": [{"goal": a.goal_id, "level": a.level, "comment": a.comment}
                    for a in evaluation.attainments.all()],
        "version": evaluation.version,
    }


def _current_version(write: OfflineWrite) -> int | None:
    model = Step if write.kind == Kind.STEP_STATUS else EvaluationMoment
    return model.objects.filter(pk=write.record_id or 0).values_list("version", flat=True).first()


APPLY = {Kind.NOTE: _apply_note, Kind.STEP_STATUS: _apply_step_status,
         Kind.EVALUATION: _apply_evaluation, Kind.PHOTO: _apply_photo}
OFFICE_VERSION = {Kind.STEP_STATUS: _office_step, Kind.EVALUATION: _office_evaluation,
                  Kind.NOTE: lambda write: {}, Kind.PHOTO: lambda write: {}}
