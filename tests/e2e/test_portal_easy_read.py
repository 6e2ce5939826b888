"""The easy-read portal in Chromium: keyboard only, touch targets, no sideways scrolling on a phone or
at 200 % zoom, a pictogram beside each main action, reading a step aloud, and the screenshots of
docs/screenshots/ (linked from the README)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from carepath.accounts.models import User
from carepath.evaluations.models import EvaluationMoment
from carepath.notes.models import ProgressNote
from carepath.portal.models import Proxy
from carepath.testing.browser import sign_in
from carepath.testing.factories import RelativeFactory
from tests.e2e.test_portal import GOAL_WORDS, PICTURE_ALT, STEP_TODAY, _citizen

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PHONE = {"width": 360, "height": 740}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PORTAL_PAGES = ["home", "goals", "plan", "notes", "my_view", "wish", "who_looked", "proxies", "proxy_new"]


def _url(live_server, name: str, *args: int) -> str:
    return live_server.url + reverse(name, args=args)


def _tab_to(page, locator, limit: int = 60) -> None:
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("e => e === document.activeElement"):
            return
    focused = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    pytest.fail(f"Tab never reached {locator}; the focus is on {focused}")


# 1. The four portal flows with the keyboard alone.


def test_todays_steps_with_the_keyboard_alone(page, client, live_server):
    citizen = _citizen()
    page.set_viewport_size(PHONE)
    sign_in(page, client, live_server, citizen)
    page.goto(_url(live_server, "portal:start"))  # one file only: it opens straight away
    page.wait_for_url(_url(live_server, "portal:home", citizen.person.pk))
    _tab_to(page, page.locator(".govuk-skip-link"), limit=3)  # the first Tab: skip the menu
    page.keyboard.press("Enter")
    step = page.locator("#today ~ .govuk-summary-card").first
    assert STEP_TODAY in step.inner_text()
    assert step.locator("img").get_attribute("alt") == PICTURE_ALT


def _follow_from_home(page, client, live_server, link: str):
    """A citizen on a phone, at home in the portal, tabs to `link` and presses Enter."""
    citizen = _citizen()
    page.set_viewport_size(PHONE)
    sign_in(page, client, live_server, citizen)
    page.goto(_url(live_server, "portal:home", citizen.person.pk))
    _tab_to(page, page.get_by_role("link", name=link))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    return citizen


def test_writing_a_note_with_the_keyboard_alone(page, client, live_server):
    citizen = _follow_from_home(page, client, live_server, "Write a note")
    _tab_to(page, page.locator("textarea[name=text]"))
    page.keyboard.type("I took the bus alone today.")
    _tab_to(page, page.get_by_role("button", name="Save the note"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "I took the bus alone today." in page.inner_text("main")
    assert ProgressNote.objects.filter(case__person=citizen.person, text="I took the bus alone today.").exists()


def test_rating_the_evaluation_on_the_faces_with_the_keyboard_alone(page, client, live_server):
    citizen = _follow_from_home(page, client, live_server, "Say how it is going")
    _tab_to(page, page.locator("input[name=view]").first)
    for _ in range(3):  # from the first face to the fourth
        page.keyboard.press("ArrowDown")
    chosen = page.locator("input[name=view]:checked")
    assert chosen.evaluate("e => e === document.activeElement")
    face = chosen.get_attribute("value")
    assert face == "4"
    _tab_to(page, page.locator("textarea[name=words]"))
    page.keyboard.type("Better than before.")
    _tab_to(page, page.get_by_role("button", name="Send"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    moment = EvaluationMoment.objects.get(case__person=citizen.person)
    assert (moment.citizen_view, moment.citizen_words) == (int(face), "Better than before.")


def test_granting_a_proxy_with_the_keyboard_alone(page, client, live_server):
    citizen = _citizen()
    RelativeFactory(email="rasa@example.org")
    page.set_viewport_size(PHONE)
    sign_in(page, client, live_server, citizen)
    page.goto(_url(live_server, "portal:proxies", citizen.person.pk))
    _tab_to(page, page.get_by_role("link", name="Let someone follow my file"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, page.locator("input[name=email]"))
    page.keyboard.type("rasa@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("My sister")
    _tab_to(page, page.locator("input[name=scope]").first)
    page.keyboard.press("Space")  # a radio group: Space chooses the focused option
    _tab_to(page, page.get_by_role("button", name="Save"))
    page.keyboard.press("Enter")
    page.wait_for_url(_url(live_server, "portal:proxies", citizen.person.pk))
    proxy = Proxy.objects.get(person=citizen.person)
    assert (proxy.representative.email, proxy.relation, proxy.scope) == ("rasa@example.org", "My sister", "progress")


# 2. Touch targets and no sideways scrolling, on a phone and at 200 % zoom.

SMALL_TARGETS = """() => [...document.querySelectorAll(
    'main a, main button, main input:not([type=radio]):not([type=checkbox]), main select, main textarea,'
    + ' header a, header button, header select, .govuk-service-navigation a, .govuk-service-navigation button')]
  .filter(e => e.offsetParent !== null)
  .map(e => [e, e.getBoundingClientRect()])
  .filter(([e, box]) => box.height < 44 || box.width < 44)
  .map(([e, box]) => `${e.tagName} "${(e.innerText || e.name || '').trim().slice(0, 40)}"`
    + ` ${Math.round(box.width)}x${Math.round(box.height)}`)"""
SIDEWAYS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.mark.parametrize(
    "viewport",
    [PHONE, {"width": 640, "height": 450, "zoom": 2}],
    ids=["360px", "1280px-at-200%"],
)
def test_every_portal_page_fits_and_every_target_is_44px(browser, client, live_server, viewport):
    # 200 % zoom of a 1280 px window is a 640 px wide layout at twice the pixel density.
    context = browser.new_context(
        viewport={"width": viewport["width"], "height": viewport["height"]},
        device_scale_factor=viewport.get("zoom", 1),
    )
    page = context.new_page()
    citizen = _citizen()
    sign_in(page, client, live_server, citizen)
    found = {}
    try:
        for name in PORTAL_PAGES:
            page.goto(_url(live_server, f"portal:{name}", citizen.person.pk))
            found[name] = (page.evaluate(SIDEWAYS), page.evaluate(SMALL_TARGETS))
    finally:
        context.close()
    assert found == {name: (False, []) for name in PORTAL_PAGES}


# 3. A pictogram beside every main action, and reading a step aloud.


def test_a_pictogram_beside_every_main_action(page, client, live_server):
    citizen = _citizen()
    sign_in(page, client, live_server, citizen)
    page.goto(_url(live_server, "portal:home", citizen.person.pk))
    actions = page.locator("#navigation a, main .govuk-button, main .govuk-list a, main p > a")
    assert actions.count() >= 12
    without = [a.inner_text() for a in actions.all() if a.locator("svg.cp-pictogram").count() != 1]
    assert without == []
    # The pictogram is drawn: the sprite's symbol is found and has a size.
    box = page.locator("main .govuk-button svg.cp-pictogram").first.bounding_box()
    assert box is not None and box["width"] >= 24


# Records what the page asks the browser to say, instead of saying it.
SPEECH_STUB = """window.__spoken = [];
window.speechSynthesis.speak = (u) => { window.__spoken.push({text: u.text, lang: u.lang}); };
window.speechSynthesis.cancel = () => {};"""


def test_a_step_is_read_aloud_by_the_browser(page, client, live_server):
    citizen = _citizen()
    page.add_init_script(SPEECH_STUB)
    sign_in(page, client, live_server, citizen)
    page.goto(_url(live_server, "portal:home", citizen.person.pk))
    button = page.locator("#today ~ .govuk-summary-card [data-read-aloud]").first
    assert button.is_visible()
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 1 and spoken[0]["lang"] == "en"
    assert STEP_TODAY in spoken[0]["text"] and PICTURE_ALT in spoken[0]["text"] and GOAL_WORDS in spoken[0]["text"]
    assert "Read aloud" not in spoken[0]["text"]
    assert button.inner_text().startswith("Stop reading")
    button.click()
    assert button.inner_text().startswith("Read aloud")


def test_without_speech_synthesis_there_is_no_read_aloud_button(page, client, live_server):
    citizen = _citizen()
    page.add_init_script("delete window.SpeechSynthesisUtterance;")
    sign_in(page, client, live_server, citizen)
    page.goto(_url(live_server, "portal:home", citizen.person.pk))
    assert page.locator("[data-read-aloud]").count() >= 1
    assert not page.locator("[data-read-aloud]").first.is_visible()


# 4. The screenshots in docs/screenshots/.


def test_screenshots_of_the_portal_on_a_phone_and_the_staff_dashboard(browser, client, live_server):
    # The staff dashboard is the demo's case worker's: several cases, deadlines and referrals.
    call_command("demo", stdout=StringIO())
    citizen = _citizen()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = phone.new_page()
    sign_in(page, client, live_server, citizen)
    for name in ["home", "goals", "plan", "notes", "my_view", "who_looked"]:
        page.goto(_url(live_server, f"portal:{name}", citizen.person.pk))
        page.screenshot(path=str(SCREENSHOTS / f"portal-{name.replace('_', '-')}-360.png"), full_page=True)
    phone.close()
    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desktop.new_page()
    worker = User.objects.get(username="caseworker")
    client.logout()
    sign_in(page, client, live_server, worker)
    page.goto(_url(live_server, "dashboard:home"))
    page.screenshot(path=str(SCREENSHOTS / "staff-dashboard-1280.png"), full_page=True)
    desktop.close()
    taken = sorted(p.name for p in SCREENSHOTS.glob("*.png"))
    assert "staff-dashboard-1280.png" in taken and "portal-home-360.png" in taken
    assert all((SCREENSHOTS / name).stat().st_size > 5_000 for name in taken)
