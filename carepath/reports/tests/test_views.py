import datetime

import pytest
from django.urls import reverse

from carepath.accounts.models import Role
from carepath.audit.models import AuditEvent
from carepath.evaluations.models import GoalAttainment
from carepath.reports.tests.builders import case_in, evaluated, unit_with_leader
from carepath.testing import roles
from carepath.testing.factories import CitizenFactory, ProviderStaffFactory, UserFactory

pytestmark = pytest.mark.django_db
FULLY, NOT = GoalAttainment.Level.FULLY, GoalAttainment.Level.NOT
HELD = datetime.date(2026, 10, 1)  # inside the default period (the last 12 months)
URLS = [
    reverse("reports:index"),
    *(
        reverse("reports:report", args=[s])
        for s in (
            "goal-attainment",
            "quality-of-life",
            "satisfaction",
            "deadlines",
            "caseloads",
            "first-contact",
            "equass",
        )
    ),
]


@pytest.fixture
def held_in_default_period(settings):
    from django.utils import timezone

    return timezone.localdate() - datetime.timedelta(days=30)


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("role", [Role.TEAM_LEADER, Role.QUALITY_COORDINATOR, Role.ADMINISTRATOR])
def test_reporting_roles_open_every_report(client, url, role):
    client.force_login(UserFactory.create(role=role))
    response = client.get(url)
    assert response.status_code == 200
    assert b"Reports" in response.content


@pytest.mark.parametrize("url", URLS)
def test_case_workers_and_provider_staff_are_refused(client, url):
    for user in (UserFactory.create(), ProviderStaffFactory.create()):
        client.force_login(user)
        assert client.get(url).status_code == 403


def test_an_unknown_report_is_404(client):
    client.force_login(UserFactory.create(role=Role.TEAM_LEADER))
    assert client.get(reverse("reports:report", args=["nonsense"])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("reports:index"))
    assert response.status_code == 302


def test_citizen_is_kept_off_staff_pages(client):
    client.force_login(CitizenFactory.create())
    assert client.get(reverse("reports:index")).status_code in (302, 403, 404)


def test_other_organisations_cases_are_not_counted(client, held_in_default_period):
    unit, leader = unit_with_leader()
    evaluated(case_in(unit), [(FULLY, 1), (NOT, -1)], held=held_in_default_period)
    other_unit, _other_leader = unit_with_leader()
    evaluated(case_in(other_unit), [(FULLY, 1)] * 5, held=held_in_default_period)
    client.force_login(leader)

    response = client.get(reverse("reports:report", args=["goal-attainment"]))

    assert "2 goals evaluated in the period" in response.content.decode()


def test_provider_leader_counts_cases_referred_to_its_services(held_in_default_period):
    from django.utils import timezone

    from carepath.reports import outcomes
    from carepath.reports.filters import ReportFilter
    from carepath.reports.tests.builders import scope_of

    unit, _leader = unit_with_leader()
    case = case_in(unit)
    provider = roles.provider_staff_on(case)
    provider_leader = UserFactory.create(role=Role.TEAM_LEADER, unit=provider.unit)
    evaluated(case, [(FULLY, None)], held=held_in_default_period)
    today = timezone.localdate()
    period = ReportFilter(date_from=today - datetime.timedelta(days=364), date_to=today)

    assert outcomes.attainment_counts(scope_of(provider_leader, period))["total"] == 1


def test_page_shows_quotes_without_names_and_audits_each_quoted_record(client, held_in_default_period):
    unit, leader = unit_with_leader()
    case = case_in(unit)
    moment = evaluated(case, [(FULLY, None)], held=held_in_default_period)
    moment.citizen_words = "I can take the bus on my own now."
    moment.save()
    client.force_login(leader)
    before = AuditEvent.objects.count()

    response = client.get(reverse("reports:report", args=["satisfaction"]))

    page = response.content.decode()
    assert "I can take the bus on my own now." in page
    assert case.person.given_name not in page and case.reference not in page
    events = AuditEvent.objects.order_by("pk")[before:]
    goal = moment.attainments.get().goal
    assert [(e.action, e.what, e.object_id, e.case_id, e.person_id) for e in events] == [
        ("view", "evaluations.evaluationmoment", moment.pk, case.pk, case.person_id),
        ("view", "goals.goal", goal.pk, case.pk, case.person_id),
    ]


def test_an_invalid_period_shows_the_error_and_no_figures(client):
    client.force_login(UserFactory.create(role=Role.TEAM_LEADER))
    response = client.get(
        reverse("reports:report", args=["goal-attainment"]), {"date_from": "2026-05-01", "date_to": "2026-01-01"}
    )
    assert response.status_code == 200
    assert "The end of the period must be on or after its start." in response.content.decode()
    assert response.context["report"] is None


@pytest.mark.parametrize(
    "slug", ["goal-attainment", "quality-of-life", "satisfaction", "deadlines", "caseloads", "first-contact", "equass"]
)
def test_query_count_does_not_grow_with_the_number_of_goals(
    client, django_assert_max_num_queries, slug, held_in_default_period
):
    unit, leader = unit_with_leader()
    client.force_login(leader)
    url = reverse("reports:report", args=[slug])
    evaluated(case_in(unit), [(FULLY, 1)], held=held_in_default_period)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(3):
        evaluated(case_in(unit), [(FULLY, 1), (NOT, -1), (FULLY, 0)], held=held_in_default_period)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
    assert len(few.captured_queries) <= 60
