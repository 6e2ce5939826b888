"""The portal pages: what a citizen and their representatives see, and the audit of every look."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.notes.models import ProgressNote
from carepath.plans.models import StepAttachment
from carepath.portal.models import Proxy, Wish
from carepath.portal.tests.conftest import RESTRICTED_NOTE, SHARED_NOTE
from carepath.testing.factories import CitizenFactory, ProxyFactory

pytestmark = pytest.mark.django_db


def _url(name, citizen, *args):
    return reverse(f"portal:{name}", args=[citizen.person_id, *args])


def test_start_takes_a_citizen_straight_to_their_own_file(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("portal:start")).url == _url("home", citizen)


def test_start_lets_a_representative_choose_among_files(client, citizen, relative):
    other = ProxyFactory(representative=relative).person
    client.force_login(relative)
    page = client.get(reverse("portal:start")).content.decode()
    assert _url("home", citizen) in page and reverse("portal:home", args=[other.pk]) in page


def test_home_shows_todays_step_with_its_picture_goals_savings_and_next_talk(client, citizen):
    client.force_login(citizen)
    page = client.get(_url("home", citizen)).content.decode()
    picture = StepAttachment.objects.get()
    assert "Walk to the bus stop with Ieva" in page
    assert f'src="{_url("support", citizen, picture.pk)}" alt="The bus stop in front of the house"' in page
    assert "Buy a bus card" in page  # in the next days
    assert "I want to take the bus to my job on my own." in page
    assert "of 300.00 EUR" in page
    assert "we look together at what you reached" in page


def test_the_picture_is_served_only_within_the_file(client, citizen):
    picture = StepAttachment.objects.get()
    client.force_login(citizen)
    response = client.get(_url("support", citizen, picture.pk))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert AuditEvent.objects.filter(user=citizen, what="plans.stepattachment", object_id=picture.pk).exists()
    stranger = CitizenFactory()
    client.force_login(stranger)
    assert client.get(reverse("portal:support", args=[stranger.person_id, picture.pk])).status_code == 404


def test_notes_show_shared_notes_only(client, citizen):
    client.force_login(citizen)
    page = client.get(_url("notes", citizen)).content.decode()
    assert SHARED_NOTE in page and RESTRICTED_NOTE not in page


def test_the_citizen_writes_a_note_about_a_goal(client, citizen):
    client.force_login(citizen)
    goal = citizen.person.cases.get().goals.get()
    response = client.post(_url("notes", citizen), {"text": "I bought the bus card!", "goal": goal.pk})
    assert response.status_code == 302
    note = ProgressNote.objects.get(text="I bought the bus card!")
    assert note.written_by == citizen and note.goal == goal and not note.is_restricted
    assert AuditEvent.objects.filter(user=citizen, action="create", what="notes.progressnote").exists()


def test_an_empty_note_is_refused_in_plain_words(client, citizen):
    client.force_login(citizen)
    response = client.post(_url("notes", citizen), {"text": ""})
    assert response.status_code == 400
    assert "Write your note first." in response.content.decode()


def test_the_citizen_writes_a_new_wish(client, citizen):
    client.force_login(citizen)
    assert client.post(_url("wish", citizen), {"text": "I want to learn to swim."}).status_code == 302
    assert Wish.objects.get().case == citizen.person.cases.get()


def test_who_looked_lists_staff_with_organisation_and_role_but_not_the_citizen(client, citizen):
    worker = citizen.person.cases.get().signal.received_by
    client.force_login(worker)
    client.get(reverse("cases:case_detail", args=[citizen.person.cases.get().pk]))
    client.force_login(citizen)
    client.get(_url("home", citizen))
    page = client.get(_url("who_looked", citizen)).content.decode()
    assert worker.get_full_name() in page and str(worker.organisation) in page and "Case worker" in page
    assert "looked at: case" in page
    assert citizen.get_full_name() not in page.split('id="who-looked"')[1]


def test_a_progress_proxy_shows_goals_but_not_plan_or_notes(client, citizen, relative):
    client.force_login(relative)
    page = client.get(_url("home", citizen)).content.decode()
    assert "I want to take the bus to my job on my own." in page
    assert "Walk to the bus stop with Ieva" not in page and "300.00" not in page
    assert client.get(_url("goals", citizen)).status_code == 200
    for name in ("plan", "notes", "who_looked", "proxies", "wish"):
        assert client.get(_url(name, citizen)).status_code == 403, name
    picture = StepAttachment.objects.get()
    assert client.get(_url("support", citizen, picture.pk)).status_code == 403


def test_a_plan_and_notes_proxy_shows_the_plan_and_the_shared_notes(client, citizen, plan_relative):
    client.force_login(plan_relative)
    assert "Walk to the bus stop with Ieva" in client.get(_url("plan", citizen)).content.decode()
    page = client.get(_url("notes", citizen)).content.decode()
    assert SHARED_NOTE in page and RESTRICTED_NOTE not in page
    assert client.get(_url("who_looked", citizen)).status_code == 403


@pytest.mark.parametrize(
    "proxy_fields",
    [
        {"revoked_at": timezone.now()},
        {"valid_until": timezone.localdate() - datetime.timedelta(days=1)},
        {"valid_from": timezone.localdate() + datetime.timedelta(days=1)},
    ],
    ids=["revoked", "expired", "not started"],
)
def test_a_proxy_that_does_not_run_today_opens_nothing(client, citizen, relative, proxy_fields):
    Proxy.objects.filter(representative=relative).update(**proxy_fields)
    client.force_login(relative)
    assert client.get(_url("home", citizen)).status_code == 404
    assert AuditEvent.objects.filter(user=relative, action="denied", person=citizen.person).exists()


def test_the_citizen_grants_limits_and_revokes_a_proxy(client, citizen, other_relative):
    client.force_login(citizen)
    data = {
        "email": other_relative.email.upper(),
        "relation": "My brother",
        "scope": "plan_notes",
        "valid_from": timezone.localdate().isoformat(),
        "valid_until": "",
    }
    assert client.post(_url("proxy_new", citizen), data).status_code == 302
    proxy = Proxy.objects.get(representative=other_relative)
    assert proxy.scope == "plan_notes" and proxy.granted_by == citizen
    client.force_login(other_relative)
    assert client.get(_url("plan", citizen)).status_code == 200

    client.force_login(citizen)
    limit = {"scope": "progress", "valid_until": ""}
    assert client.post(_url("proxy_limit", citizen, proxy.pk), limit).status_code == 302
    client.force_login(other_relative)
    assert client.get(_url("plan", citizen)).status_code == 403

    client.force_login(citizen)
    assert client.post(_url("proxy_revoke", citizen, proxy.pk)).status_code == 302
    client.force_login(other_relative)
    assert client.get(_url("home", citizen)).status_code == 404
    actions = AuditEvent.objects.filter(user=citizen, what="portal.proxy", object_id=proxy.pk).exclude(action="view")
    assert sorted(actions.values_list("action", flat=True)) == ["create", "update", "update"]


def test_an_unknown_email_keeps_what_was_typed_and_says_what_to_do(client, citizen):
    client.force_login(citizen)
    data = {"email": "nobody@example.org", "relation": "My aunt", "scope": "progress", "valid_from": "2026-11-24"}
    response = client.post(_url("proxy_new", citizen), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "We cannot find a Carepath account with this e-mail address." in page
    assert 'value="My aunt"' in page


def test_a_proxy_cannot_end_before_it_starts(client, citizen, other_relative):
    client.force_login(citizen)
    today = timezone.localdate()
    data = {
        "email": other_relative.email,
        "relation": "My brother",
        "scope": "progress",
        "valid_from": (today + datetime.timedelta(days=5)).isoformat(),
        "valid_until": (today + datetime.timedelta(days=2)).isoformat(),
    }
    response = client.post(_url("proxy_new", citizen), data)
    assert response.status_code == 400 and "on or after the start date" in response.content.decode()


def test_a_citizen_cannot_change_a_proxy_of_someone_else(client, citizen, relative):
    other = CitizenFactory()
    proxy = Proxy.objects.get(representative=relative)
    client.force_login(other)
    assert client.post(reverse("portal:proxy_revoke", args=[other.person_id, proxy.pk])).status_code == 404
    assert Proxy.objects.get(pk=proxy.pk).revoked_at is None


def test_each_portal_page_writes_one_view_entry(client, citizen):
    client.force_login(citizen)
    expected = {
        "home": "people.person",
        "goals": "goals.goal",
        "plan": "plans.step",
        "notes": "notes.progressnote",
        "wish": "portal.wish",
        "who_looked": "audit.auditevent",
        "proxies": "portal.proxy",
        "proxy_new": "portal.proxy",
    }
    for name, what in expected.items():
        before = AuditEvent.objects.count()
        assert client.get(_url(name, citizen)).status_code == 200, name
        entries = AuditEvent.objects.order_by("-pk")[: AuditEvent.objects.count() - before]
        assert [(e.action, e.what, e.person_id) for e in entries] == [("view", what, citizen.person_id)], name


def test_another_citizen_refused_at_the_file_is_shown_without_their_name(client, citizen, relative):
    stranger = CitizenFactory(first_name="Nosy", last_name="Neighbour")
    client.force_login(stranger)
    assert client.get(_url("home", citizen)).status_code == 404
    client.force_login(relative)
    client.get(_url("home", citizen))
    client.force_login(citizen)
    page = client.get(_url("who_looked", citizen)).content.decode().split('id="who-looked"')[1]
    assert "Nosy" not in page and "Someone without permission to see your file" in page
    assert relative.get_full_name() in page  # a relative he chose is named
