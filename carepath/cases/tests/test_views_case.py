import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.testing.factories import (
    AgreementActionFactory,
    AssessmentFactory,
    CaseFactory,
    ConsentFactory,
    EvaluationMomentFactory,
    GoalFactory,
    ProgressNoteFactory,
    ReferralFactory,
    SavingsPlanFactory,
    StepFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _full_case():
    case = CaseFactory()
    ConsentFactory(case=case)
    AssessmentFactory(case=case)
    goal = GoalFactory(case=case)
    StepFactory(goal=goal)
    SavingsPlanFactory(goal=goal)
    AgreementActionFactory(version__case=case)
    ReferralFactory(case=case)
    ProgressNoteFactory(case=case, goal=goal)
    EvaluationMomentFactory(case=case)
    return case


def test_case_page_shows_every_section(client):
    case = _full_case()
    client.force_login(case.signal.received_by)
    response = client.get(reverse("cases:case_detail", args=[case.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for text in ["Travel to Riga by bus", "I want to travel abroad.", "Get a passport", "Takes the children",
                 "Signal received", "Maria Silva", "Loves music.", "We talked about the trip."]:
        assert text in body


def test_case_page_query_count_does_not_grow_with_content_or_other_cases(client, django_assert_max_num_queries):
    case = _full_case()
    client.force_login(case.signal.received_by)
    url = reverse("cases:case_detail", args=[case.pk])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for _ in range(5):
        goal = GoalFactory(case=case)
        StepFactory.create_batch(3, goal=goal)
        ProgressNoteFactory(case=case, goal=goal)
        ReferralFactory(case=case)
        EvaluationMomentFactory(case=case)
        _full_case()  # other cases in the database change nothing either
    with django_assert_max_num_queries(len(before)):
        client.get(url)
    # On PostgreSQL 29: 22 for the page itself (the case with its person, type and unit, then its
    # signal and household apart, see policy.get_case; one query is the services' loads, until the
    # cache keeps them: see referrals/load.py), plus what trust costs on every request: the session
    # and the user, the units the user leads and their organisation's services (once per request,
    # for the access policy), the two-factor device, the chained audit entry (lock, last hash,
    # insert; SQLite needs no lock). The session is not written: the idle timeout is pushed forward
    # at most once a minute (accounts/idle_sessions.py).
    assert len(before) <= 29  # 28 before network meetings joined the page


def test_stranger_gets_404(client):
    case = CaseFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 404
