"""The easy-read plan: the citizen's words, each step with its picture, and who may download it."""

import datetime
import io

import pypdf
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from carepath.audit.models import AuditEvent
from carepath.goals.models import Goal
from carepath.organisations.authority import add_links
from carepath.plans import easy_read_pdf
from carepath.plans.models import Step, StepAttachment
from carepath.plans.tests.factories import StepAttachmentFactory
from carepath.referrals.models import Referral
from carepath.testing.factories import CitizenFactory, GoalFactory, StepFactory
from carepath.testing.roles import administrator, provider_staff_on, someone

pytestmark = pytest.mark.django_db


def picture(fmt: str = "PNG", size: tuple[int, int] = (120, 80)) -> ContentFile:
    """A real, small picture (the factories' bytes only look like one)."""
    out = io.BytesIO()
    Image.new("RGB", size, (29, 112, 184)).save(out, fmt)
    return ContentFile(out.getvalue(), name=f"support.{fmt.lower()}")


@pytest.fixture
def goal():
    goal = GoalFactory(citizen_words="I want to take the bus to my job on my own.")
    walk = StepFactory(goal=goal, what="Walk to the bus stop", who="Ieva", due_on=datetime.date(2026, 3, 12))
    StepAttachmentFactory(step=walk, file=picture(), description="The bus stop in front of the house")
    card = StepFactory(goal=goal, what="Buy a bus card", who="Mum", due_on=datetime.date(2026, 3, 16))
    StepAttachmentFactory(step=card, file=picture("JPEG", (60, 200)), description="The bus card")
    StepAttachmentFactory(step=card, kind=StepAttachment.Kind.EASY_READ, file="", text="Press the green button.")
    StepFactory(goal=goal, what="A dropped step", status=Step.Status.DROPPED)
    return goal


def _read(content: bytes) -> tuple[str, int]:
    """The PDF's text (lines joined: large text wraps) and how many pictures it embeds."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages), sum(len(p.images) for p in reader.pages)


def test_the_plan_has_the_citizens_words_and_each_step_what_who_when(goal):
    goals = easy_read_pdf.goals_of_case(goal.case)
    text, _pictures = _read(easy_read_pdf.easy_read_plan(name="Tomas Vaitkus", goals=goals))
    assert "My plan" in text and "Tomas Vaitkus" in text
    assert "I want to take the bus to my job on my own." in text
    for words in ("Walk to the bus stop", "With whom: Ieva", "When: Thursday 12 March 2026", "Buy a bus card",
                  "With whom: Mum", "Press the green button.", "The bus stop in front of the house"):
        assert words in text
    assert "A dropped step" not in text


def test_the_plan_embeds_every_picture(goal):
    _text, pictures = _read(easy_read_pdf.easy_read_plan(name="Tomas", goals=easy_read_pdf.goals_of_case(goal.case)))
    assert pictures == 2


def test_a_picture_that_cannot_be_read_is_left_out_not_the_plan(goal):
    StepAttachmentFactory(step=goal.steps.first(), description="Not really a picture")  # PNG signature, no image
    text, pictures = _read(easy_read_pdf.easy_read_plan(name="Tomas", goals=easy_read_pdf.goals_of_case(goal.case)))
    assert pictures == 2 and "Walk to the bus stop" in text


def test_goals_of_case_are_its_active_goals_and_the_group_goals_shared_with_it(goal):
    achieved = GoalFactory(case=goal.case, status=Goal.Status.ACHIEVED)
    shared = GoalFactory(is_group_goal=True)
    add_links(shared.group_cases, goal.case)
    assert easy_read_pdf.goals_of_case(goal.case) == sorted([goal, shared], key=lambda g: (g.due_on, g.pk))
    assert achieved not in easy_read_pdf.goals_of_case(goal.case)


def test_a_plan_without_goals_still_opens():
    text, _pictures = _read(easy_read_pdf.easy_read_plan(name="Tomas", goals=[]))
    assert "No plan yet." in text


def _url(goal):
    return reverse("plans:plan_pdf", args=[goal.case_id])


def test_the_case_worker_downloads_it_and_the_export_is_audited(client, goal):
    client.force_login(goal.case.signal.received_by)
    response = client.get(_url(goal))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="carepath-plan-20')
    assert response["Cache-Control"] == "private, no-store"
    assert "Walk to the bus stop" in _read(response.content)[0]
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (event.what, event.case_id, event.person_id) == ("plans.step", goal.case_id, goal.case.person_id)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.VIEW, what="cases.case").exists()


@pytest.mark.parametrize(("who", "status"), [
    ("team leader", 200),
    ("provider, accepted referral", 200),  # with consent to share
    ("stranger", 404),
])
def test_who_may_download_the_staff_plan(client, goal, who, status):
    client.force_login(someone(who, goal.case))
    assert client.get(_url(goal)).status_code == status


def test_a_provider_without_consent_to_share_is_refused(client, goal):
    client.force_login(provider_staff_on(goal.case, Referral.Status.ACCEPTED, consent=False))
    assert client.get(_url(goal)).status_code == 403
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DENIED).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


def test_an_administrator_on_no_team_gets_404(client, goal):
    client.force_login(administrator())
    assert client.get(_url(goal)).status_code == 404


def test_citizens_do_not_reach_the_staff_download(client, goal):
    client.force_login(CitizenFactory(person=goal.case.person))
    assert client.get(_url(goal)).status_code == 403


def test_the_case_page_links_to_the_easy_read_plan(client, goal):
    client.force_login(goal.case.signal.received_by)
    page = client.get(reverse("cases:case_detail", args=[goal.case_id])).content.decode()
    assert f'href="{_url(goal)}"' in page and "Easy-read plan (PDF)" in page
