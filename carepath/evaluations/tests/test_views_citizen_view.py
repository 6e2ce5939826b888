"""The portal's "Say how it is going": the citizen's own view on five faces (portal:my_view)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.evaluations.models import EvaluationMoment
from carepath.testing.factories import CaseFactory, CitizenFactory, EvaluationMomentFactory, ProxyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen():
    """A citizen whose open case has a talk planned in three weeks."""
    user = CitizenFactory()
    case = CaseFactory(signal__person=user.person)
    EvaluationMomentFactory(case=case, planned_on=timezone.localdate() + datetime.timedelta(days=21))
    return user


def _url(citizen):
    return reverse("portal:my_view", args=[citizen.person_id])


def test_one_question_with_five_faces_each_inside_its_label(client, citizen):
    client.force_login(citizen)
    response = client.get(_url(citizen))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<h1 class="govuk-fieldset__heading">How is it going?</h1>' in body
    labels = re.findall(r'<label class="govuk-label govuk-radios__label" for="id_view_\d">(.*?)</label>', body, re.S)
    assert len(labels) == 5
    for value, (label, words) in enumerate(
        zip(labels, ["Very unhappy", "Unhappy", "In between", "Happy", "Very happy"], strict=True), start=1
    ):
        assert f'src="/static/evaluations/faces/face-{value}.svg" alt=""' in label and label.endswith(words)
    assert body.count('type="radio"') == 5  # one question, never a questionnaire
    assert 'name="words"' in body


def test_the_citizen_gives_their_view_and_it_reaches_the_moment(client, citizen):
    client.force_login(citizen)
    response = client.post(_url(citizen), {"view": "4", "words": "I take the bus alone now."})
    assert response.url == reverse("portal:home", args=[citizen.person_id])
    moment = EvaluationMoment.objects.get()
    assert (moment.citizen_view, moment.citizen_view_in_portal, moment.citizen_words) == (
        4,
        True,
        "I take the bus alone now.",
    )
    events = AuditEvent.objects.filter(user=citizen, what="evaluations.evaluationmoment", object_id=moment.pk)
    assert sorted(events.values_list("action", flat=True)) == ["update", "view"]
    assert set(events.values_list("person_id", "case_id")) == {(citizen.person_id, moment.case_id)}
    page = client.get(_url(citizen)).content.decode()  # shown again, as given
    checked = [tag for tag in re.findall(r"<input [^>]*>", page) if 'name="view"' in tag and " checked" in tag]
    assert len(checked) == 1 and 'value="4"' in checked[0]
    assert "I take the bus alone now." in page


def test_no_face_chosen_is_named_in_plain_words_and_the_words_are_kept(client, citizen):
    client.force_login(citizen)
    response = client.post(_url(citizen), {"words": "Hard week."})
    assert response.status_code == 400
    body = response.content.decode()
    assert body.count("Choose the face that fits best.") == 2  # in the summary and beside the faces
    assert 'href="#id_view_0"' in body
    assert "Hard week." in body
    assert EvaluationMoment.objects.get().citizen_view is None


def test_a_held_moment_takes_the_view_when_no_talk_is_planned(client):
    citizen = CitizenFactory()
    held_on = timezone.localdate() - datetime.timedelta(days=3)
    held = EvaluationMomentFactory(case=CaseFactory(signal__person=citizen.person), held_on=held_on)
    client.force_login(citizen)
    assert "We talked together on" in client.get(_url(citizen)).content.decode()
    client.post(_url(citizen), {"view": "5", "words": ""})
    held.refresh_from_db()
    assert held.citizen_view == 5


def test_without_any_moment_the_page_explains_and_saves_nothing(client):
    citizen = CitizenFactory()
    CaseFactory(signal__person=citizen.person)
    client.force_login(citizen)
    body = client.get(_url(citizen)).content.decode()
    assert "There is no talk about how it goes yet." in body
    assert 'type="radio"' not in body
    assert client.post(_url(citizen), {"view": "3"}).status_code == 200
    assert AuditEvent.objects.filter(action="update").count() == 0


def test_home_links_to_it_for_the_citizen_only(client, citizen):
    relative = ProxyFactory(person=citizen.person, granted_by=citizen, scope="plan_notes").representative
    client.force_login(citizen)
    home = reverse("portal:home", args=[citizen.person_id])
    assert _url(citizen) in client.get(home).content.decode()
    assert "Say how it is going" in client.get(home).content.decode()
    client.force_login(relative)
    assert _url(citizen) not in client.get(home).content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [("representative", 403), ("expired representative", 404), ("another citizen", 404), ("case worker", 403)],
)
def test_only_the_citizen_answers(client, citizen, who, status):
    today = timezone.localdate()
    user = {
        "representative": lambda: ProxyFactory(person=citizen.person, granted_by=citizen).representative,
        "expired representative": lambda: (
            ProxyFactory(
                person=citizen.person,
                granted_by=citizen,
                valid_from=today - datetime.timedelta(days=30),
                valid_until=today - datetime.timedelta(days=1),
            ).representative
        ),
        "another citizen": CitizenFactory,
        "case worker": lambda: citizen.person.cases.get().signal.received_by,
    }[who]()
    client.force_login(user)
    assert client.get(_url(citizen)).status_code == status
    assert client.post(_url(citizen), {"view": "1"}).status_code == status
    assert EvaluationMoment.objects.get().citizen_view is None
    assert not AuditEvent.objects.filter(action="update").exists()


def test_anonymous_is_sent_to_sign_in(client, citizen):
    response = client.get(_url(citizen))
    assert response.status_code == 302 and "login" in response.url
