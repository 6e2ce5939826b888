import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.core import uploads
from carepath.learning.models import FocusGroupMaterial
from carepath.learning.tests.factories import focus_group_of, material_of
from carepath.referrals.models import Referral
from carepath.testing.files import MP4, PNG, upload
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import administrator, provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db


def _new(group):
    return reverse("learning:material_new", args=[group.pk])


def _file(material):
    return reverse("learning:material_file", args=[material.pk])


def test_a_photo_is_added_under_a_random_name(client):
    group = focus_group_of()
    worker = group.created_by
    client.force_login(worker)
    assert 'enctype="multipart/form-data"' in client.get(_new(group)).content.decode()
    response = client.post(_new(group), {"kind": "image", "description": "At the counter",
                                          "file": upload("Tomas at the bank.png", PNG, "image/png")})
    assert response.status_code == 302
    material = FocusGroupMaterial.objects.get()
    assert (material.kind, material.description, material.added_by) == ("image", "At the counter", worker)
    assert "Tomas" not in material.file.name and material.file.name.endswith(".png")
    assert AuditEvent.objects.filter(user=worker, action="create", what="learning.focusgroupmaterial").exists()


def test_a_video_is_added(client):
    group = focus_group_of()
    client.force_login(group.created_by)
    response = client.post(_new(group), {"kind": "video", "description": "The concert",
                                          "file": upload("concert.mp4", MP4, "video/mp4")})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"kind": "image", "description": "Bank"}, "file", "This field is required."),
        ({"kind": "image", "file": ("bank.png", PNG)}, "description", "This field is required."),
        ({"kind": "video", "description": "Bank", "file": ("bank.png", PNG)}, "file", "must be one of: MP4, WEBM"),
        ({"kind": "image", "description": "Bank", "file": ("bank.png", b"MZ not a png")}, "file",
         "not a real PNG file"),
        ({"description": "Bank", "file": ("bank.png", PNG)}, "kind", "This field is required."),
    ],
)
def test_bad_materials_are_refused_with_a_clear_message_and_keep_the_input(client, data, field, message):
    group = focus_group_of()
    client.force_login(group.created_by)
    if "file" in data:
        data = data | {"file": upload(*data["file"])}
    response = client.post(_new(group), data)
    assert_form_error(response, field, message, kept=[data["description"]] if data.get("description") else [])
    assert not FocusGroupMaterial.objects.exists()


def test_a_file_over_the_limit_is_refused(client, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_BYTES", 16)
    group = focus_group_of()
    client.force_login(group.created_by)
    response = client.post(_new(group), {"kind": "image", "description": "Bank", "file": upload("bank.png", PNG)})
    assert_form_error(response, "file", "The file must be 20 MB or smaller.")


@pytest.mark.parametrize("who", ["case worker", "team leader"])
def test_the_file_is_served_privately_and_each_look_is_audited_per_person_named(client, who):
    group = focus_group_of()
    case = group.cases.get()
    material = material_of(group)
    user = group.created_by if who == "case worker" else team_leader_of(case)
    client.force_login(user)
    response = client.get(_file(material))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png" and response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == PNG
    assert AuditEvent.objects.filter(
        user=user, action="view", what="learning.focusgroupmaterial", object_id=material.pk,
        case_id=case.pk, person_id=case.person_id,
    ).count() == 1


@pytest.mark.parametrize(
    "make",
    [
        lambda case: stranger(),
        lambda case: provider_staff_on(case, Referral.Status.ACCEPTED),
        lambda case: administrator(),
    ],
    ids=["other organisation", "provider", "administrator"],
)
def test_outsiders_get_404_for_the_file_and_the_form(client, make):
    group = focus_group_of()
    material = material_of(group)
    user = make(group.cases.get())
    client.force_login(user)
    assert client.get(_file(material)).status_code == 404
    posted = {"kind": "image", "description": "x", "file": upload("a.png", PNG)}
    assert client.post(_new(group), posted).status_code == 404
    assert FocusGroupMaterial.objects.count() == 1
    assert AuditEvent.objects.filter(user=user, action="denied", what="learning.focusgroupmaterial").exists()


def test_a_missing_file_is_a_404(client):
    material = material_of(focus_group_of())
    material.file.delete(save=False)
    client.force_login(material.added_by)
    assert client.get(_file(material)).status_code == 404
