"""The download of a report: headers, file name, who may, and the audit entry when it holds quotes."""

import io
from dataclasses import replace

import openpyxl
import pytest
from django.urls import reverse

from carepath.accounts.models import Role
from carepath.audit.models import AuditEvent
from carepath.reports import selectors
from carepath.reports.tests.test_exports import seed_000_report
from carepath.testing.factories import CitizenFactory, UserFactory

pytestmark = pytest.mark.django_db


def _url(fmt: str, slug: str = "goal-attainment", query: str = "") -> str:
    return reverse("reports:export", kwargs={"slug": slug, "fmt": fmt}) + (f"?{query}" if query else "")


@pytest.fixture
def leader(client):
    user = UserFactory(role=Role.TEAM_LEADER)
    client.force_login(user)
    return user


@pytest.fixture
def stub(monkeypatch):
    """build_report returns the hand-made seed 000 report; the calls are kept for the test to read."""
    calls = []

    def build_report(slug, user, filter_data, *, audit_action=AuditEvent.Action.VIEW):
        calls.append((slug, user, dict(filter_data.items()), audit_action))
        return seed_000_report()

    monkeypatch.setattr(selectors, "build_report", build_report)
    return calls


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("csv", "text/csv; charset=utf-8"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("pdf", "application/pdf"),
    ],
)
def test_each_format_downloads_with_slug_and_date_as_its_name(client, leader, stub, fmt, content_type):
    response = client.get(_url(fmt))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="carepath-goal-attainment-20')
    assert disposition.endswith(f'.{fmt}"')
    assert response["Cache-Control"] == "private, no-store"


def test_the_filter_is_passed_on_and_quoted_records_are_audited_as_exported(client, leader, stub):
    client.get(_url("csv", query="unit=3&date_from=2026-01-01"))
    [(slug, user, data, action)] = stub
    assert (slug, user, data, action) == ("goal-attainment", leader, {"unit": "3", "date_from": "2026-01-01"}, "export")


def test_a_report_with_quotes_writes_one_export_entry(client, leader, stub):
    client.get(_url("xlsx"))
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (event.user, event.what, event.person_id, event.case_id) == (leader, "reports.goal-attainment", None, None)


def test_a_report_of_figures_only_writes_no_entry(client, leader, monkeypatch):
    monkeypatch.setattr(selectors, "build_report", lambda *args, **kwargs: replace(seed_000_report(), voices=[]))
    assert client.get(_url("pdf")).status_code == 200
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


def test_an_unknown_format_is_not_found(client, leader, stub):
    assert client.get("/reports/goal-attainment/export.docx").status_code == 404
    assert stub == []


def test_the_real_report_exports_for_a_team_leader(client, leader):
    response = client.get(_url("xlsx"))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book["About"]["A1"].value == "Goal attainment"


def test_an_invalid_filter_goes_back_to_the_report_page(client, leader):
    response = client.get(_url("pdf", query="date_from=not-a-date"))
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:report", args=["goal-attainment"]) + "?date_from=not-a-date"


def test_an_unknown_report_is_not_found(client, leader):
    assert client.get(_url("csv", slug="no-such-report")).status_code == 404


def test_a_case_worker_may_not_export(client):
    client.force_login(UserFactory(role=Role.CASE_WORKER))
    assert client.get(_url("csv")).status_code == 403


def test_a_citizen_may_not_export(client):
    client.force_login(CitizenFactory())
    assert client.get(_url("csv")).status_code == 403


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get(_url("csv")).status_code == 302
