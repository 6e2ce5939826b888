import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core import uploads
from carepath.plans.models import StepAttachment
from carepath.plans.tests.factories import StepAttachmentFactory
from carepath.referrals.models import Referral
from carepath.testing.factories import StepFactory
from carepath.testing.files import MP4, PNG, upload
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import provider_staff_on, someone, stranger

pytestmark = pytest.mark.django_db


def _new(step):
    return reverse("plans:attachment_new", args=[step.pk])


def _file(attachment):
    return reverse("plans:attachment_file", args=[attachment.pk])


def test_the_form_uploads_files(client):
    step = StepFactory()
    client.force_login(step.created_by)
    body = client.get(_new(step)).content.decode()
    assert 'enctype="multipart/form-data"' in body


def test_provider_adds_a_picture_with_its_description(client):
    step = StepFactory()
    staff = provider_staff_on(step.goal.case, Referral.Status.ACCEPTED)
    client.force_login(staff)
    response = client.post(_new(step), {"kind": "image", "description": "The green ticket button",
                                        "file": upload("ticket.png", PNG, "image/png")})
    assert response.status_code == 302
    attachment = StepAttachment.objects.get()
    assert (attachment.kind, attachment.description, attachment.added_by) == ("image", "The green ticket button", staff)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what="plans.stepattachment").exists()


def test_case_worker_adds_a_video(client):
    step = StepFactory()
    client.force_login(step.created_by)
    response = client.post(_new(step), {"kind": "video", "description": "How to buy a ticket",
                                        "file": upload("howto.mp4", MP4, "video/mp4")})
    assert response.status_code == 302
    assert StepAttachment.objects.get().file.name.endswith(".mp4")


def test_easy_read_text_needs_no_file(client):
    step = StepFactory()
    client.force_login(step.created_by)
    response = client.post(_new(step), {"kind": "easy_read", "text": "Take bus 3."})
    assert response.status_code == 302
    assert StepAttachment.objects.get().text == "Take bus 3."


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"kind": "image", "description": "Bus stop"}, "file", "Choose the file to add."),
        ({"kind": "image", "file": ("bus.png", PNG)}, "description", "Describe what the picture or video shows."),
        ({"kind": "video", "description": "Bus stop", "file": ("bus.png", PNG)}, "file", "must be one of: MP4, WEBM"),
        ({"kind": "image", "description": "Bus stop", "file": ("bus.png", b"MZ not a png")}, "file",
         "not a real PNG file"),
        ({"kind": "easy_read", "description": "Bus stop", "text": ""}, "text", "Write the easy-read text."),
        ({"kind": "easy_read", "text": "Hi", "file": ("bus.png", PNG)}, "file", "An easy-read text has no file."),
        ({"description": "Bus stop"}, "kind", "This field is required."),
    ],
)
def test_bad_supports_answer_400_with_a_clear_message_and_keep_the_input(client, data, field, message):
    step = StepFactory()
    client.force_login(step.created_by)
    if "file" in data:
        data = data | {"file": upload(*data["file"])}
    response = client.post(_new(step), data)
    assert_form_error(response, field, message, kept=[data["description"]] if data.get("description") else [])
    assert not StepAttachment.objects.exists()


def test_a_file_over_the_limit_is_refused(client, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_BYTES", 16)
    step = StepFactory()
    client.force_login(step.created_by)
    response = client.post(_new(step), {"kind": "image", "description": "Bus", "file": upload("bus.png", PNG)})
    assert_form_error(response, "file", "The file must be 20 MB or smaller.")


@pytest.mark.parametrize("who", ["case worker", "provider, pending referral", "team leader"])
def test_who_sees_the_case_gets_the_file_and_the_look_is_audited(client, who):
    attachment = StepAttachmentFactory()
    case = attachment.step.goal.case
    user = someone(who, case)
    client.force_login(user)
    response = client.get(_file(attachment))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == PNG
    assert AuditEvent.objects.filter(
        user=user, action=AuditEvent.Action.VIEW, what="plans.stepattachment", object_id=attachment.pk,
        case_id=case.pk, person_id=case.person_id,
    ).exists()


def test_file_of_a_closed_case_is_still_shown_to_the_team(client):
    attachment = StepAttachmentFactory()
    Case.objects.filter(pk=attachment.step.goal.case_id).update(status=Case.Status.CLOSED)
    client.force_login(attachment.added_by)
    assert client.get(_file(attachment)).status_code == 200


def test_stranger_gets_404_for_the_file(client):
    attachment = StepAttachmentFactory()
    client.force_login(stranger())
    assert client.get(_file(attachment)).status_code == 404


def test_provider_whose_referral_ended_gets_404_for_the_file(client):
    attachment = StepAttachmentFactory()
    client.force_login(provider_staff_on(attachment.step.goal.case, Referral.Status.ENDED))
    assert client.get(_file(attachment)).status_code == 404


def test_easy_read_text_has_no_file_to_serve(client):
    attachment = StepAttachmentFactory(kind="easy_read", file="", text="Take bus 3.")
    client.force_login(attachment.added_by)
    assert client.get(_file(attachment)).status_code == 404


def test_stranger_cannot_add_a_support(client):
    step = StepFactory()
    client.force_login(stranger())
    assert client.post(_new(step), {"kind": "easy_read", "text": "Hi"}).status_code == 404
    assert not StepAttachment.objects.exists()
