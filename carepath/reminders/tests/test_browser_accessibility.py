"""The reminders list, the team view of what is due and the calendar pages (staff and portal) pass
axe-core's WCAG 2.2 AA checks."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.cases.models import Deadline
from carepath.reminders.models import Reminder
from carepath.testing.browser import assert_accessible, sign_in
from carepath.testing.factories import CaseFactory, CitizenFactory, GoalFactory, StepFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reminders_and_the_calendar_address_are_accessible(page, client, live_server):
    worker = UserFactory()
    for n, due in enumerate((-1, 2)):
        Reminder.objects.create(
            user=worker, subject=Reminder.Subject.DEADLINE, object_id=n + 1, reference=f"C-00000{n + 1}",
            due_on=timezone.localdate() + datetime.timedelta(days=due), label="Social information", path="/cases/",
        )
    sign_in(page, client, live_server, worker)
    page.goto(live_server.url + reverse("reminders:list"))
    assert_accessible(page)
    page.get_by_role("link", name="Your steps and deadlines in your calendar app").click()
    assert_accessible(page)
    page.get_by_role("button", name="Make a calendar address").click()
    page.get_by_text("/api/calendar/").wait_for()
    assert_accessible(page)


def test_the_portal_calendar_page_is_accessible(page, client, live_server):
    citizen = CitizenFactory()
    sign_in(page, client, live_server, citizen)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + reverse("reminders:portal_calendar", kwargs={"person_id": citizen.person_id}))
    assert_accessible(page)
    page.get_by_role("button", name="Make my address").click()
    page.get_by_text("/api/calendar/").wait_for()
    assert_accessible(page)


def test_the_team_view_of_what_is_due_is_accessible(page, client, live_server):
    case = CaseFactory()
    goal = GoalFactory(case=case)
    for days in (-3, 1):
        StepFactory(goal=goal, due_on=timezone.localdate() + datetime.timedelta(days=days))
    Deadline.objects.create(signal=case.signal, label="Social information", due_on=timezone.localdate())
    sign_in(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("reminders:team_due"))
    assert page.locator("#overdue-steps").inner_text() == "1"
    assert_accessible(page)
    page.set_viewport_size({"width": 360, "height": 800})
    assert_accessible(page)

