"""Issue 11, done when: a home visit worked offline in a real browser (Debian's chromium), synced without
losing or doubling a word, a conflict shown side by side, and a revoked or expired device left with nothing.

The server side is in carepath/offline/tests; here the app (app.js, vault.js, the service worker) works
against the real server, with the network cut by Playwright (`context.set_offline`).
"""

import json

import pytest
from PIL import Image
from playwright.sync_api import expect

from carepath.cases.models import CaseTeamMember
from carepath.consents.models import Consent
from carepath.notes.models import ProgressNote
from carepath.offline import devices
from carepath.offline.models import OfflineWrite
from carepath.offline.tests.factories import device_with
from carepath.plans import services as plans
from carepath.plans.models import Step, StepAttachment
from carepath.testing.browser import csp_violations, sign_in, watch_csp_violations
from carepath.testing.factories import (
    CaseFactory,
    ConsentFactory,
    EvaluationMomentFactory,
    GoalFactory,
    StepFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DB_NAME = "carepath-offline"
NOTE = "Visited at home: Rūta showed the new bus card and wants to try the trip on Friday."
PHOTO_DESCRIPTION = "The bus card on the kitchen table"

# The names of the IndexedDB databases the page's origin holds.
DATABASES = "async () => (await indexedDB.databases()).map((d) => d.name)"
# The vault module app.js itself uses (the same URL, hence the same module instance and connection).
VAULT = "new URL('vault.js', document.querySelector('script[type=module][src*=\"offline/app.js\"]').src).href"
# Every record of one store, read raw from IndexedDB: what lies on the device's disk.
RAW_STORE = """async (store) => {
  const db = await new Promise((resolve) => {
    const request = indexedDB.open('carepath-offline');
    request.onupgradeneeded = () => request.transaction.abort();  // none there: do not make one
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
  });
  if (!db || !db.objectStoreNames.contains(store)) {
    db?.close();
    return [];
  }
  const rows = await new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return rows.map((row) => ({
    keys: Object.keys(row).sort(),
    text: row.data instanceof ArrayBuffer ? new TextDecoder('utf-8', {fatal: false}).decode(row.data) : null,
  }));
}"""


def _jpeg(path):
    Image.new("RGB", (64, 48), (200, 120, 40)).save(path, "JPEG")
    return path


def _person_name(case) -> str:
    return f"{case.person.given_name} {case.person.family_name}"


def _open_app(page, base: str) -> None:
    page.goto(f"{base}/offline/app/")
    page.evaluate("window.carepathOffline.ready")


def _note_waiting(page, client, live_server, text: str):
    """A case worker's device holding one case, online, with a note written on it and not sent yet."""
    base = live_server.url
    case = CaseFactory()
    worker = case.signal.received_by
    device, token = device_with(worker, [case])
    sign_in(page, client, live_server, worker)
    page.context.add_cookies([{"name": devices.COOKIE, "value": token, "url": base}])
    _open_app(page, base)
    assert page.evaluate("window.carepathOffline.download()")["state"] == "downloaded"
    page.evaluate(f"window.carepathOffline.openCase({case.pk})")
    page.fill(f"#case-{case.pk}-note", text)
    page.click("text=Save the note")
    expect(page.locator("#offline-view")).to_contain_text(text)
    return case, worker, device


def test_a_home_visit_offline_is_synced_once_shows_its_conflict_and_a_revoked_device_wipes(
    live_server, page, client, tmp_path
):
    base = live_server.url
    # Two open cases of one case worker, each with goals and steps; the first allows photos and has an
    # evaluation to hold.
    first = CaseFactory(signal__person__given_name="Rūta", signal__person__family_name="Ozoliņa")
    worker = first.signal.received_by
    second = CaseFactory(
        signal__received_by=worker, signal__person__given_name="Søren", signal__person__family_name="Ødegård"
    )
    travel = GoalFactory(case=first)
    card = StepFactory(goal=travel, what="Buy a bus card")
    timetable = StepFactory(goal=travel, what="Read the timetable together")
    StepFactory(goal=GoalFactory(case=first, citizen_words="I want to cook for my sister."), what="Plan a menu")
    StepFactory(goal=GoalFactory(case=second, citizen_words="I want a job."), what="Write a CV")
    ConsentFactory(case=first, scope=Consent.Scope.PHOTOS, recorded_by=worker)
    EvaluationMomentFactory(case=first)
    device, token = device_with(worker, [first, second])
    colleague = UserFactory(unit=worker.unit)
    CaseTeamMember.objects.create(case=first, user=colleague)

    sign_in(page, client, live_server, worker)
    page.context.add_cookies([{"name": devices.COOKIE, "value": token, "url": base}])
    watch_csp_violations(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # Online, before the visit: download both cases, and let the service worker take control.
    _open_app(page, base)
    assert page.evaluate("window.carepathOffline.download()") == {"state": "downloaded", "cases": 2}
    stored = page.evaluate(RAW_STORE, "cases")  # each case sealed on its own: no name in clear on the disk
    assert len(stored) == 2 and not any("Ozoliņa" in row["text"] or "Ødegård" in row["text"] for row in stored)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.evaluate("window.carepathOffline.ready")
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)")

    # Offline: the app opens from the service worker's cache and the cases from IndexedDB.
    page.context.set_offline(True)
    page.reload()
    page.evaluate("window.carepathOffline.ready")
    assert page.evaluate("navigator.onLine") is False
    expect(page.locator("#offline-connection")).to_be_visible()
    for case in (first, second):
        expect(page.locator("#offline-view")).to_contain_text(_person_name(case))
    page.click(f"#offline-view a[href='#/case/{first.pk}']")
    expect(page.locator("section[aria-labelledby=case-contact]")).to_contain_text(_person_name(first))

    # The visit: a note, a step done, a photo for that step, and a status for the step the office changes.
    page.fill(f"#case-{first.pk}-note", NOTE)
    page.locator("section[aria-labelledby=case-notes]").get_by_role("button", name="Save the note").click()
    expect(page.locator("section[aria-labelledby=case-notes] .cp-note").first).to_contain_text(NOTE)
    for step, status in ((card, Step.Status.DONE), (timetable, Step.Status.DONE)):
        page.select_option(f"#step-{step.pk}-status", status.value)
        page.locator(f"#step-{step.pk}").get_by_role("button", name="Save the status").click()
        expect(page.locator(f"#step-{step.pk} .govuk-summary-list")).to_contain_text("Waiting to be sent")
    page.locator(f"#step-{card.pk} summary").click()
    page.set_input_files(f"#step-{card.pk}-photo", str(_jpeg(tmp_path / "card.jpg")))
    page.fill(f"#step-{card.pk}-photo-description", PHOTO_DESCRIPTION)
    page.locator(f"#step-{card.pk}").get_by_role("button", name="Save the photo").click()
    expect(page.locator(f"#step-{card.pk} img.cp-offline-photo")).to_have_attribute("alt", PHOTO_DESCRIPTION)
    expect(page.locator("#offline-waiting")).to_have_text("Waiting to be sent to the office: 4")
    # What waits is sealed on the device: no plain text of the note in the stored queue.
    queued = page.evaluate(RAW_STORE, "queue")
    assert len(queued) == 4 and all(row["keys"] == ["at", "client_id", "data", "iv"] for row in queued)
    assert not any("bus card" in row["text"] for row in queued)

    # Meanwhile at the office, a colleague changes the timetable step: the device's change is now stale.
    seen = Step.objects.get(pk=timetable.pk)
    plans.change_step_status(
        step=seen, case=first, by=colleague, seen_version=seen.version, status=Step.Status.IN_PROGRESS
    )
    office_version = Step.objects.get(pk=timetable.pk).version

    # Back online: the app sends the queue by itself (the `online` event), then downloads the cases again.
    sent: list[tuple[dict, str]] = []
    page.on(
        "request",
        lambda r: (
            sent.append((json.loads(r.post_data), r.headers["x-csrftoken"]))
            if r.method == "POST" and r.url.endswith("/offline/api/sync/")
            else None
        ),
    )
    with page.expect_response(lambda r: r.url.endswith("/offline/api/bundle/")) as bundle:
        page.context.set_offline(False)
    assert bundle.value.status == 200
    expect(page.locator("#offline-sync")).to_be_enabled()  # the sync, with its download, has finished
    assert len(sent) == 4, "each write is sent once"
    assert sorted(body["kind"] for body, _csrf in sent) == ["note", "photo", "step_status", "step_status"]
    # Syncing again sends nothing: the queue only kept what the server had not answered.
    for _ in range(2):
        assert page.evaluate("window.carepathOffline.sync()") == {"state": "empty", "sent": 0, "total": 0}
    assert len(sent) == 4

    # The same writes sent again, as a device does when an answer got lost: stored once, the first answer.
    note_write = next(body for body, _csrf in sent if body["kind"] == "note")
    for body, csrf in sent:
        again = page.request.post(
            f"{base}/offline/api/sync/",
            data=json.dumps(body),
            headers={"Content-Type": "application/json", "X-CSRFToken": csrf},
        )
        assert again.status == 200, again.text()
        assert again.json()["duplicate"] is True and again.json()["client_id"] == body["client_id"]
    # ...and through the app itself: the note queued again in its vault, synced, answered as a duplicate.
    page.evaluate(
        f"async (w) => {{ const v = await import({VAULT}); await v.enqueue(await v.loadKey(), w); }}", note_write
    )
    assert page.evaluate("window.carepathOffline.sync()") == {"state": "done", "sent": 1, "total": 1, "conflicts": 1}

    # On the server: each write exactly once, and everything it made exactly once.
    client_ids = [body["client_id"] for body, _csrf in sent]
    assert OfflineWrite.objects.count() == 4
    assert all(OfflineWrite.objects.filter(client_id=cid).count() == 1 for cid in client_ids)
    assert ProgressNote.objects.filter(case=first, text=NOTE).count() == 1
    photos = StepAttachment.objects.filter(step=card)
    assert photos.count() == 1 and photos.get().description == PHOTO_DESCRIPTION
    assert Step.objects.get(pk=card.pk).status == Step.Status.DONE  # no conflict: applied
    # The conflicting write: both versions kept; the office's status stands until the writer resolves it.
    conflict = OfflineWrite.objects.get(kind=OfflineWrite.Kind.STEP_STATUS, record_id=timetable.pk)
    assert conflict.state == OfflineWrite.State.CONFLICT
    assert conflict.payload["status"] == Step.Status.DONE
    assert conflict.server_version["status"] == Step.Status.IN_PROGRESS
    assert conflict.server_version["version"] == office_version
    assert Step.objects.get(pk=timetable.pk).status == Step.Status.IN_PROGRESS

    # The app lists the conflict with a link to the page showing both versions side by side.
    page.locator("#offline-outcomes-list a").click()
    page.wait_for_url(f"{base}/offline/conflicts/{conflict.pk}/")
    expect(page.locator("#version-mine")).to_contain_text("Done")
    expect(page.locator("#version-theirs")).to_contain_text("Doing it")

    # Revoked at the office: the app's next contact with the server wipes everything it holds.
    _open_app(page, base)
    assert DB_NAME in page.evaluate(DATABASES)
    devices.revoke(device=device, by=worker)
    assert page.evaluate("window.carepathOffline.download()") == {"state": "stopped", "status": 410}
    expect(page.locator("#offline-status")).to_contain_text("the device was removed from your devices")
    assert DB_NAME not in page.evaluate(DATABASES)
    expect(page.locator("#offline-view")).not_to_contain_text(_person_name(first))
    page.reload()
    page.evaluate("window.carepathOffline.ready")
    expect(page.locator("#offline-view")).to_contain_text("There are no cases on this device")
    assert page.evaluate(RAW_STORE, "cases") == [] and page.evaluate(RAW_STORE, "queue") == []

    assert csp_violations(page) == [] and errors == []


def test_an_expired_cache_cannot_be_opened_in_the_browser(live_server, page, client):
    base = live_server.url
    worker = CaseFactory().signal.received_by
    sign_in(page, client, live_server, worker)
    _open_app(page, base)

    # A key valid for a minute, and a case sealed under it, as a download leaves them.
    expires_at = page.evaluate(
        f"""async () => {{
          const vault = await import({VAULT});
          const raw = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
          const key = await vault.saveKey(raw, {{expiresAt: Date.now() + 60_000, user: 1, device: 1}});
          await vault.putCase(key, {{id: 7, title: "Adult support", person: {{name: "Rūta Ozoliņa"}}}});
          return key.expiresAt;
        }}"""
    )
    assert page.evaluate(f"async () => (await import({VAULT})).caseIds()") == [7]
    page.reload()  # while the key is valid, the app opens the case without the server
    page.evaluate("window.carepathOffline.ready")
    expect(page.locator("#offline-view")).to_contain_text("Rūta Ozoliņa")

    # Once the time is up the key is never handed out: loadKey wipes the database instead.
    left = page.evaluate(
        f"""async (after) => {{
          const vault = await import({VAULT});
          const key = await vault.loadKey({{now: after}});
          return {{key, cases: await vault.caseIds(), hasKey: await vault.hasKey()}};
        }}""",
        expires_at + 1,
    )
    assert left == {"key": None, "cases": [], "hasKey": False}
    assert page.evaluate(RAW_STORE, "cases") == [] and page.evaluate(RAW_STORE, "meta") == []
    page.reload()
    page.evaluate("window.carepathOffline.ready")
    expect(page.locator("#offline-view")).to_contain_text("There are no cases on this device")


def test_a_revoked_device_hands_in_its_unsent_writes_for_review_then_wipes(live_server, page, client):
    case, worker, device = _note_waiting(page, client, live_server, "Written before the phone was reported lost.")

    devices.revoke(device=device, by=worker)  # from another computer
    result = page.evaluate("window.carepathOffline.sync()")

    assert (result["state"], result["sent"], result["total"]) == ("wiped", 1, 1)
    held = OfflineWrite.objects.get()
    assert (held.state, held.payload["text"]) == ("held", "Written before the phone was reported lost.")
    assert not ProgressNote.objects.filter(case=case).exists()  # kept for review, not applied
    assert DB_NAME not in page.evaluate(DATABASES)


def test_signing_out_asks_first_while_changes_wait_to_be_sent(live_server, page, client):
    base = live_server.url
    _note_waiting(page, client, live_server, "Not sent yet.")

    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.click("text=Sign out")
    # Declined: still signed in, and the note still waits on the device.
    assert questions and "not sent to the office yet: 1" in questions[0]
    assert page.url.startswith(f"{base}/offline/app/")
    assert page.evaluate(f"async () => (await import({VAULT})).queueLength()") == 1
