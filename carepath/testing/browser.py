"""Browser tests: Playwright on Debian's /usr/bin/chromium (never a downloaded browser), signing in, axe-core checks."""

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
    context.close()


def sign_in(page: object, client: "Client", live_server: "LiveServer", user: "User") -> None:
    """Sign `user` in for the browser page, with a session of the test client rather than the login form."""
    client.force_login(user)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])  # type: ignore[attr-defined]


def axe_violations(page: object, within: str | None = None) -> list[dict[str, object]]:
    """WCAG 2.2 AA violations axe-core finds on the page as it is now, or only in the part `within` selects."""
    page.add_script_tag(path=str(AXE))  # type: ignore[attr-defined]
    return page.evaluate(  # type: ignore[attr-defined,no-any-return]
        """async ([within, tags]) => (await axe.run(within ?? document, {runOnly: {type: 'tag', values: tags}}))
        .violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))""",
        [within, AXE_TAGS],
    )


def assert_accessible(page: object, within: str | None = None) -> None:
    """axe-core finds no WCAG 2.2 AA violation on the page, or in the part `within` selects."""
    assert axe_violations(page, within) == []
