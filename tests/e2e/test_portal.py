"""The citizen portal in a real browser (Debian's chromium): on a phone, for the citizen and their relatives.

The acceptance test of the portal issue walks the proxy from the grant to its revocation; the other tests
check every portal page with axe-core and the Content-Security-Policy, and the menu with the keyboard.
"""

import datetime
import struct
import zlib

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.meetings.models import NetworkMeeting
from carepath.meetings.tests.factories import held_meeting_of
from carepath.testing.browser import (
    assert_accessible,
    axe_violations,
    csp_violations,
    sign_in,
    sign_in_with_form,
    watch_csp_violations,
)
from carepath.testing.factories import (
    CaseFactory,
    CitizenFactory,
    EvaluationMomentFactory,
    GoalFactory,
    ProgressNoteFactory,
    ProxyFactory,
    RelativeFactory,
    SavingsPlanFactory,
    StepFactory,
    StepPictureFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1024, "height": 900}
GOAL_WORDS = "I want to take the bus to my job on my own."
STEP_TODAY = "Walk to the bus stop with Ieva"
PICTURE_ALT = "The bus stop in front of the house"


def _png(width: int = 8, height: int = 6) -> bytes:
    """A real PNG the browser can decode (the factories' PNG is only a signature), in one flat colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits per channel, RGB
    rows = b"".join(b"\x00" + b"\x1d\x70\xb8" * width for _ in range(height))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _citizen():
    """A citizen whose open case has a goal in their own words, a step today with a picture, and more."""
    citizen = CitizenFactory(first_name="Jonas", person__given_name="Jonas", person__family_name="Vaitkus")
    case = CaseFactory(signal__person=citizen.person)
    goal = GoalFactory(case=case, citizen_words=GOAL_WORDS)
    today = timezone.localdate()
    step = StepFactory(goal=goal, what=STEP_TODAY, due_on=today)
    StepPictureFactory(step=step, description=PICTURE_ALT, file__data=_png(), file__filename="bus-stop.png")
    StepFactory(goal=goal, what="Buy a bus card", due_on=today + datetime.timedelta(days=3))
    SavingsPlanFactory(goal=goal)
    EvaluationMomentFactory(case=case, planned_on=today + datetime.timedelta(days=20))
    ProgressNoteFactory(case=case, goal=goal, text="Jonas went to the bus stop on his own.")
    held_meeting_of(case, by=case.signal.received_by)  # no action: the plan keeps its two steps
    return citizen


def _meeting_of(person) -> int:
    return NetworkMeeting.objects.filter(case__person=person).values_list("pk", flat=True).get()


def _url(live_server, name: str, *args: int) -> str:
    return live_server.url + reverse(name, args=args)


def _submit(page):
    page.click("main form button.govuk-button[type=submit]")
    page.wait_for_load_state()


# 1. The acceptance test of the issue.


def test_citizen_grants_a_proxy_the_relative_follows_and_loses_it_at_once_when_revoked(live_server, browser):
    citizen = _citizen()
    person = citizen.person
    relative = RelativeFactory(first_name="Rasa", last_name="Vaitkiene", email="rasa@example.org")

    citizen_context = browser.new_context(viewport=PHONE)
    relative_context = browser.new_context(viewport=PHONE)
    try:
        page = citizen_context.new_page()
        page.set_default_timeout(10_000)

        # The citizen signs in with the password only: no second step unless they turned it on.
        sign_in_with_form(page, live_server.url, citizen.username)
        assert page.url == _url(live_server, "portal:home", person.pk)
        assert page.get_by_role("heading", name="Hello Jonas", exact=True).is_visible()

        # Today's step, with its picture really loaded.
        today = page.locator("#today ~ .govuk-summary-card").first
        assert STEP_TODAY in today.inner_text()
        picture = today.locator("img")
        picture.scroll_into_view_if_needed()
        picture.evaluate("img => img.decode()")  # resolves once the picture is loaded and decoded
        assert picture.is_visible()  # after loading: a lazy picture has no size until then (a flaky CI run)
        assert picture.get_attribute("alt") == PICTURE_ALT
        assert picture.evaluate("img => img.complete && img.naturalWidth") == 8

        # Who follows my file: nobody yet. The citizen lets Rasa follow the goals only.
        page.click("main >> text=Choose who may follow my file")
        page.get_by_role("heading", name="Who follows my file", exact=True).wait_for()
        assert page.locator(".govuk-summary-card").count() == 0
        page.click("text=Let someone follow my file")
        page.fill("[name=email]", "rasa@example.org")
        page.fill("[name=relation]", "My sister")
        page.get_by_label("Only my goals and how they are going").check()
        _submit(page)
        assert page.url == _url(live_server, "portal:proxies", person.pk)
        assert "They can now follow your file." in page.locator(".govuk-notification-banner").inner_text()
        card = page.locator(".govuk-summary-card")
        assert card.count() == 1
        assert "Rasa Vaitkiene (My sister)" in card.inner_text()
        assert "Only my goals and how they are going" in card.inner_text()
        assert "No end date" in card.inner_text()

        # Rasa signs in on her own phone and follows Jonas's progress, in his own words.
        other = relative_context.new_page()
        other.set_default_timeout(10_000)
        sign_in_with_form(other, live_server.url, relative.username)
        assert other.url == _url(live_server, "portal:home", person.pk)  # her only file opens straight away
        assert other.get_by_role("heading", name="How Jonas is doing", exact=True).is_visible()
        assert other.locator("main q", has_text=GOAL_WORDS).is_visible()
        assert "0 steps of 2 done" in other.inner_text("main")
        # Her scope is the progress only: no steps, no picture, no plan or notes in the menu.
        assert STEP_TODAY not in other.inner_text("main")
        assert other.locator("main img").count() == 0
        assert other.locator("#navigation a", has_text="Plan").count() == 0
        assert other.locator("#navigation a", has_text="Notes").count() == 0

        # Jonas stops it.
        page.click("button:has-text('Stop it now')")
        page.wait_for_load_state()
        assert "They cannot see your file any more." in page.locator(".govuk-notification-banner").inner_text()
        assert page.locator(".govuk-summary-card .govuk-tag", has_text="Stopped").is_visible()
        assert page.locator("button:has-text('Stop it now')").count() == 0

        # Rasa reloads and is refused at once.
        response = other.reload()
        assert response is not None and response.status == 404
        assert GOAL_WORDS not in other.content()
        assert "Jonas" not in other.inner_text("body")
        response = other.goto(_url(live_server, "portal:goals", person.pk))
        assert response is not None and response.status == 404
        assert GOAL_WORDS not in other.content()
    finally:
        relative_context.close()
        citizen_context.close()


# 2 and 3. Every portal page: axe-core, and the Content-Security-Policy.


def _portal_pages(live_server):
    """The people and the pages: (user, name, url, what to do on the page) for every portal page."""
    citizen = _citizen()
    person = citizen.person
    proxy = ProxyFactory(person=person, granted_by=citizen, representative=RelativeFactory(first_name="Rasa"))
    # A representative of two people: the start page lets her choose.
    representative = ProxyFactory(person=_citizen().person).representative
    ProxyFactory(person=person, representative=representative, scope="plan_notes", granted_by=citizen)

    def post_empty_form(page):
        _submit(page)
        assert page.locator(".govuk-error-summary").is_visible()

    def post_bad_grant(page):
        page.fill("[name=email]", "nobody@example.org")
        page.fill("[name=valid_until]", "2000-01-01")
        _submit(page)
        assert page.locator(".govuk-error-summary").is_visible()
        assert page.locator(".govuk-error-message").count() >= 3  # e-mail, scope and end date

    return [
        (representative, "start (two files)", _url(live_server, "portal:start"), None),
        (representative, "home of a followed file", _url(live_server, "portal:home", person.pk), None),
        (citizen, "home", _url(live_server, "portal:home", person.pk), None),
        (citizen, "goals", _url(live_server, "portal:goals", person.pk), None),
        (citizen, "plan", _url(live_server, "portal:plan", person.pk), None),
        (citizen, "notes", _url(live_server, "portal:notes", person.pk), None),
        (citizen, "notes with an empty note posted", _url(live_server, "portal:notes", person.pk), post_empty_form),
        (citizen, "meetings", _url(live_server, "portal:meetings", person.pk), None),
        (citizen, "meeting", _url(live_server, "portal:meeting", person.pk, _meeting_of(person)), None),
        (citizen, "wish", _url(live_server, "portal:wish", person.pk), None),
        (citizen, "wish with an empty wish posted", _url(live_server, "portal:wish", person.pk), post_empty_form),
        (citizen, "who looked", _url(live_server, "portal:who_looked", person.pk), None),
        (citizen, "followers", _url(live_server, "portal:proxies", person.pk), None),
        (citizen, "grant form", _url(live_server, "portal:proxy_new", person.pk), None),
        (citizen, "grant form with errors", _url(live_server, "portal:proxy_new", person.pk), post_bad_grant),
        (citizen, "limit form", _url(live_server, "portal:proxy_limit", person.pk, proxy.pk), None),
        (citizen, "my data", _url(live_server, "portal:own_data"), None),
    ]


def _visit(page, client, live_server, check):
    """Open every portal page as its user, act on it, and return {page name: check(page)}."""
    found = {}
    signed_in = None
    for user, name, url, act in _portal_pages(live_server):
        if user != signed_in:
            page.context.clear_cookies()
            sign_in(page, client, live_server, user)
            signed_in = user
        response = page.goto(url)
        assert response is not None and response.status == 200, name
        if act is not None:
            act(page)
        page.wait_for_load_state("networkidle")
        found[name] = check(page)
    return found


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1024px"])
def test_every_portal_page_is_accessible(page, client, live_server, viewport):
    page.set_viewport_size(viewport)

    def violations(page):
        try:
            assert_accessible(page)
        except AssertionError as failed:
            return str(failed)
        return None

    found = _visit(page, client, live_server, violations)
    assert found == {name: None for name in found}
    # The check can fail: a picture without alt text on the last page is found.
    page.evaluate("document.querySelector('main').append(Object.assign(new Image(), {src: '/static/x.png'}))")
    assert "image-alt" in [v["id"] for v in axe_violations(page)]


def test_no_portal_page_violates_the_content_security_policy(page, client, live_server):
    page.set_viewport_size(PHONE)
    watch_csp_violations(page)
    found = _visit(page, client, live_server, csp_violations)
    assert found == {name: [] for name in found}
    # The listener hears violations: an inline script on the last page is refused and reported.
    page.evaluate("document.body.append(Object.assign(document.createElement('script'), {text: '1'}))")
    page.wait_for_function("window.__cspViolations.length > 0")
    assert "script-src-elem blocked inline" in csp_violations(page)[0]


# 4. The menu with the keyboard, on a phone.


def _focused(page) -> str:
    return page.evaluate("(document.activeElement.innerText || document.activeElement.tagName).trim()")


def test_the_menu_opens_with_the_keyboard_on_a_phone(page, client, live_server):
    citizen = _citizen()
    page.set_viewport_size(PHONE)
    sign_in(page, client, live_server, citizen)
    page.goto(_url(live_server, "portal:home", citizen.person.pk))
    toggle = page.locator(".govuk-service-navigation__toggle")
    goals_link = page.locator("#navigation a", has_text="Goals")
    assert toggle.is_visible()  # govuk-frontend shows the toggle on a narrow screen
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not goals_link.is_visible()

    for _ in range(10):  # skip link, the Carepath link, then the menu
        page.keyboard.press("Tab")
        if toggle.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail(f"Tab never reached the menu; focus stays on {_focused(page)!r}")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert goals_link.is_visible()

    reached = []
    for _ in range(5):
        page.keyboard.press("Tab")
        reached.append(_focused(page))
        if goals_link.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail(f"Tab never reached the Goals link; it went through {reached}")
    assert reached == ["Today", "Goals"]
    page.keyboard.press("Enter")
    page.wait_for_url(_url(live_server, "portal:goals", citizen.person.pk))
