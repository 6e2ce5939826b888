"""Browser tests: Playwright on Debian's /usr/bin/chromium (never a downloaded browser), signing in, axe-core checks."""

import functools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # loaded as a pytest plugin, before Django's apps are ready
    from django.test import Client
    from pytest_django.live_server_helper import LiveServer

    from carepath.accounts.models import User

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django must allow ORM calls beside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1024, "height": 900})  # type: ignore[attr-defined]
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    # Let the last page finish loading first: a request the server is still answering when the test
    # database is emptied makes SQLite refuse the flush ("database table is locked").
    try:
        opened.wait_for_load_state("networkidle", timeout=5_000)
    except Exception:  # noqa: BLE001, S110 (a page that never settles is closed all the same)
        pass
    context.close()


def sign_in(page: object, client: "Client", live_server: "LiveServer", user: "User") -> None:
    """Sign `user` in for the browser page, with a session of the test client rather than the login form.

    The root conftest's `client` is a TwoStepClient, so the session has passed the second step too.
    """
    from carepath.testing.auth import pass_second_step

    client.force_login(user)
    pass_second_step(client, user)  # in case a plain django.test.Client was passed
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])  # type: ignore[attr-defined]


def sign_in_with_form(page: object, base_url: str, username: str, password: str = "pw") -> None:  # noqa: S107
    """Sign in through the real two-step login form, typing the code the user's authenticator shows.

    A staff user without an authenticator app gets one set up on the way, as in real life.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from carepath.testing.auth import totp_code

    page.goto(f"{base_url}/accounts/login/")  # type: ignore[attr-defined]
    page.fill("#id_username", username)  # type: ignore[attr-defined]
    page.fill("#id_password", password)  # type: ignore[attr-defined]
    page.click("main button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    if "/accounts/two-factor/" in page.url:  # type: ignore[attr-defined]
        device = TOTPDevice.objects.filter(user__username=username).order_by("-confirmed", "-pk").first()
        assert device is not None
        page.fill("#id_code", totp_code(device))  # type: ignore[attr-defined]
        page.click("main form button.govuk-button[type=submit]")  # type: ignore[attr-defined]
        page.wait_for_load_state()  # type: ignore[attr-defined]


# Collects Content-Security-Policy violations from the moment a page starts loading.
CSP_LISTENER = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));"""


def watch_csp_violations(page: object) -> None:
    """From now on, every page this browser page opens records its CSP violations (see csp_violations)."""
    page.add_init_script(CSP_LISTENER)  # type: ignore[attr-defined]


def csp_violations(page: object) -> list[str]:
    return page.evaluate("window.__cspViolations ?? []")  # type: ignore[attr-defined,no-any-return]


def axe_violations(page: object, within: str | None = None) -> list[dict[str, object]]:
    """WCAG 2.2 AA violations axe-core finds on the page as it is now, or only in the part `within` selects."""
    # Evaluated through DevTools rather than added as a <script>: the Content-Security-Policy refuses
    # inline scripts, and rightly so.
    page.evaluate(_axe_source())  # type: ignore[attr-defined]
    return page.evaluate(  # type: ignore[attr-defined,no-any-return]
        """async ([within, tags]) => (await axe.run(within ?? document, {runOnly: {type: 'tag', values: tags}}))
        .violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))""",
        [within, AXE_TAGS],
    )


@functools.cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8") + "\n;void 0"


def assert_accessible(page: object, within: str | None = None) -> None:
    """axe-core finds no WCAG 2.2 AA violation on the page, or in the part `within` selects."""
    assert axe_violations(page, within) == []
