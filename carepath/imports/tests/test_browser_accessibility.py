"""The import page passes axe-core's WCAG 2.2 AA checks in a real browser: empty, with the problems
of a bad file, after a check and after an import, each done with the keyboard's buttons."""

from pathlib import Path

import pytest
from django.urls import reverse

from carepath.imports.tests.helpers import build_town, csv_bytes, good_rows, row
from carepath.testing.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_import_page_and_its_results_are_accessible(page, client, live_server, tmp_path: Path):
    town = build_town()
    sign_in(page, client, live_server, town.leader)
    page.goto(live_server.url + reverse("imports:caseload_import"))
    assert_accessible(page)

    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([row(), row(reference="R-2", email="x", unit="Nowhere")]))
    page.get_by_label("Caseload file").set_input_files(bad)
    page.get_by_role("button", name="Check only").click()
    assert page.locator(".govuk-error-summary").get_by_text("The file has 2 problems").is_visible()
    assert page.locator("#problems").is_visible()
    assert_accessible(page)

    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes(good_rows()))
    page.get_by_label("Caseload file").set_input_files(good)
    page.get_by_role("button", name="Check only").click()
    assert page.get_by_text("Will be created").first.is_visible()
    assert_accessible(page)

    page.get_by_label("Caseload file").set_input_files(good)
    page.get_by_role("button", name="Import", exact=True).click()
    assert page.get_by_text("3 cases imported.").is_visible()
    assert_accessible(page)
