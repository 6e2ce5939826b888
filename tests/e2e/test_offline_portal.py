"""The citizen's "today" view, with its pictures, keeps working offline once opened (issue 11)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from carepath.testing.browser import sign_in
from carepath.testing.factories import CaseFactory, CitizenFactory, GoalFactory, StepFactory, StepPictureFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The service worker keeps portal copies in this cache (carepath/offline/templates/offline/sw.js).
STORED = """async (count) => {
  const cache = await caches.open('carepath-pages-v1');
  return (await cache.keys()).length >= count;
}"""


def _png() -> ContentFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 110, 180)).save(out, "PNG")
    return ContentFile(out.getvalue(), name="bus-stop.png")


def test_the_today_view_and_its_pictures_open_offline_once_seen(live_server, page, client):
    base = live_server.url
    case = CaseFactory()
    step = StepFactory(goal=GoalFactory(case=case), what="Take the bus to work", due_on=timezone.localdate())
    StepPictureFactory(step=step, file=_png(), description="The bus stop in front of the house")
    sign_in(page, client, live_server, CitizenFactory(person=case.person))
    today = f"{base}/portal/{case.person_id}/"

    page.goto(today)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now the service worker controls the page: this visit leaves a copy, pictures too
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)")
    page.wait_for_function(STORED, arg=2)
    seen = page.inner_text("main")
    assert "Take the bus to work" in seen

    page.context.set_offline(True)
    page.goto(today)
    assert page.inner_text("main") == seen
    picture = page.get_by_alt_text("The bus stop in front of the house")
    assert picture.evaluate("img => img.complete && img.naturalWidth") == 40
    # Only the today view is kept: another portal page says it needs a connection.
    page.goto(f"{base}/portal/{case.person_id}/goals/")
    assert "offline" in page.inner_text("main").lower()
