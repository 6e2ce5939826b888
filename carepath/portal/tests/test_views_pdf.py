"""The easy-read plan from the portal: for the citizen and a representative who follows the plan."""

import io

import pypdf
import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.plans.models import StepAttachment
from carepath.plans.tests.test_easy_read_pdf import picture
from carepath.testing.factories import CitizenFactory, ProxyFactory

pytestmark = pytest.mark.django_db


def _url(citizen):
    return reverse("portal:plan_pdf", args=[citizen.person_id])


def test_the_citizen_downloads_their_plan_with_its_picture(client, citizen):
    attachment = StepAttachment.objects.get()
    attachment.file = picture()
    attachment.save()
    client.force_login(citizen)
    response = client.get(_url(citizen))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="carepath-plan-20')
    assert response["Cache-Control"] == "private, no-store"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)  # large text wraps
    assert "I want to take the bus to my job on my own." in text
    assert "Walk to the bus stop with Ieva" in text and "Buy a bus card" in text
    assert sum(len(p.images) for p in reader.pages) == 1
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (event.user, event.what, event.person_id) == (citizen, "plans.step", citizen.person_id)


def test_the_plan_page_links_to_the_download(client, citizen):
    client.force_login(citizen)
    page = client.get(reverse("portal:plan", args=[citizen.person_id])).content.decode()
    assert f'href="{_url(citizen)}"' in page and "Download my plan (PDF, easy read)" in page


def test_a_representative_who_follows_the_plan_may_download_it(client, citizen, plan_relative):
    client.force_login(plan_relative)
    assert client.get(_url(citizen)).status_code == 200
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, user=plan_relative).exists()


def test_a_representative_who_follows_progress_only_is_refused(client, citizen, relative):
    client.force_login(relative)
    assert client.get(_url(citizen)).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


def test_an_ended_proxy_or_a_stranger_gets_404(client, citizen, other_relative):
    revoked = ProxyFactory(person=citizen.person, granted_by=citizen, scope="plan_notes")
    revoked.revoked_at = revoked.granted_at
    revoked.save()
    for user in (revoked.representative, other_relative, CitizenFactory()):
        client.force_login(user)
        assert client.get(_url(citizen)).status_code == 404


def test_staff_do_not_reach_the_portal_download(client, citizen):
    client.force_login(citizen.person.cases.get().signal.received_by)
    assert client.get(_url(citizen)).status_code == 403
