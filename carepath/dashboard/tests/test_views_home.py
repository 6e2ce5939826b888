import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from carepath.cases.models import CaseTeamMember, Deadline
from carepath.referrals.models import Referral
from carepath.testing.factories import (
    CaseFactory,
    ProviderStaffFactory,
    ReferralFactory,
    ServiceFactory,
    SignalFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HOME = reverse("dashboard:home")


def _deadline(signal, days, label="Social information"):
    due = timezone.localdate() + datetime.timedelta(days=days)
    return Deadline.objects.create(signal=signal, label=label, due_on=due)


def _section(body, start, end):
    return body[body.index(start) : body.index(end)]


def test_shows_my_cases(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    body = client.get(HOME).content.decode()
    assert case.reference in body
    assert reverse("cases:case_detail", args=[case.pk]) in body


def test_shows_open_deadlines_earliest_first_and_tags_only_the_overdue(client):
    case = CaseFactory()
    _deadline(case.signal, 4, "Plan agreed")
    _deadline(case.signal, -3, "Social information")
    met = _deadline(case.signal, -10, "Consent obtained")
    met.done_on = timezone.localdate()
    met.save()
    client.force_login(case.signal.received_by)
    body = client.get(HOME).content.decode()
    deadlines = _section(body, "Deadlines", "Referrals waiting for an answer")
    overdue, due = deadlines.split("</li>")[:2]
    assert "Social information" in overdue and "cp-deadline--overdue" in overdue
    assert "Plan agreed" in due and "cp-deadline--overdue" not in due
    assert "Consent obtained" not in body
    assert reverse("cases:deadline_list") not in body  # all are shown: no link to more


def test_each_list_shows_its_first_ten_and_links_to_the_rest(client):
    worker = UserFactory()
    _world_of(worker, 12)  # 12 cases with 2 deadlines each, 12 signals waiting with one each
    client.force_login(worker)
    response = client.get(HOME)
    body = response.content.decode()
    assert len(response.context["deadlines"]) == len(response.context["cases"]) == 10
    assert len(response.context["signals"]) == 10 and len(response.context["referrals_sent"]) == 10
    earliest = sorted(Deadline.objects.filter(done_on__isnull=True).values_list("due_on", "pk"))[:10]
    assert [(d.due_on, d.pk) for d in response.context["deadlines"]] == earliest
    for page in ("cases:deadline_list", "cases:case_list", "cases:signal_list"):
        assert f'href="{reverse(page)}"' in body
    assert "Only the referrals waiting longest are shown." in body


def test_deadlines_of_signals_waiting_for_triage_link_to_the_signal(client):
    signal = SignalFactory()
    _deadline(signal, 2)
    client.force_login(UserFactory(unit=signal.unit))
    body = client.get(HOME).content.decode()
    assert reverse("cases:signal_detail", args=[signal.pk]) in body


def test_provider_sees_referrals_waiting_for_its_answer(client):
    staff = ProviderStaffFactory()
    referral = ReferralFactory(service=ServiceFactory(provider=staff.organisation, name="Day centre"))
    ReferralFactory(service=ServiceFactory(provider=staff.organisation), status=Referral.Status.ACCEPTED)
    client.force_login(staff)
    body = client.get(HOME).content.decode()
    referrals = _section(body, "Referrals waiting for an answer", "My cases")
    assert "Day centre" in referrals
    assert "your answer is needed" in referrals
    assert referrals.count("<li>") == 1
    assert str(referral.case.person) in referrals


def test_authority_sees_referrals_sent_and_waiting(client):
    referral = ReferralFactory(service=ServiceFactory(name="Supported employment"))
    client.force_login(referral.case.signal.received_by)
    body = client.get(HOME).content.decode()
    referrals = _section(body, "Referrals waiting for an answer", "My cases")
    assert "Supported employment" in referrals
    assert "waiting for the provider" in referrals


def test_answered_referrals_are_not_waiting(client):
    referral = ReferralFactory(status=Referral.Status.DECLINED)
    client.force_login(referral.case.signal.received_by)
    assert "No referrals are waiting." in client.get(HOME).content.decode()


def test_sees_none_of_another_units_cases_deadlines_or_referrals(client):
    mine = CaseFactory()
    other = CaseFactory()
    _deadline(other.signal, -1, "Foreign deadline")
    ReferralFactory(case=other, service=ServiceFactory(name="Foreign service"))
    other_signal = SignalFactory()
    client.force_login(mine.signal.received_by)
    body = client.get(HOME).content.decode()
    assert other.reference not in body
    assert str(other.person) not in body
    assert "Foreign deadline" not in body
    assert "Foreign service" not in body
    assert str(other_signal.person) not in body


def _world_of(worker, cases):
    """Cases of `worker` with an overdue and a due deadline, a waiting signal and a pending referral each."""
    for _ in range(cases):
        case = CaseFactory(signal__received_by=worker)
        _deadline(case.signal, -2)
        _deadline(case.signal, 5)
        ReferralFactory(case=case)
        _deadline(SignalFactory(received_by=worker), 3)


def _count(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HOME)
    assert response.status_code == 200
    return len(queries)


def test_query_count_is_bounded_and_independent_of_the_number_of_cases(client, django_assert_max_num_queries):
    worker = UserFactory()
    _world_of(worker, 1)
    client.force_login(worker)
    # 10 for the page, 1 for trust on every request (the two-step check; the session is not written
    # within a minute of the last refresh), 3 for the "listed" audit entries of the names shown
    # (PostgreSQL's lock, the last hash, one insert).
    with django_assert_max_num_queries(14):
        client.get(HOME)
    one = _count(client)
    _world_of(worker, 29)
    assert CaseTeamMember.objects.filter(user=worker).count() == 30
    assert _count(client) == one


def test_provider_query_count_is_independent_of_the_number_of_referrals(client, django_assert_max_num_queries):
    staff = ProviderStaffFactory()
    service = ServiceFactory(provider=staff.organisation)
    ReferralFactory(service=service)
    client.force_login(staff)
    # 10 for the page, 1 for trust on every request (the two-step check; the session is not written
    # within a minute of the last refresh), 3 for the "listed" audit entries of the names shown
    # (PostgreSQL's lock, the last hash, one insert).
    with django_assert_max_num_queries(14):
        client.get(HOME)
    one = _count(client)
    ReferralFactory.create_batch(29, service=service)
    ReferralFactory.create_batch(5, service=service, status=Referral.Status.ACCEPTED)
    assert _count(client) == one


def test_the_dashboard_writes_one_listed_entry_per_person_it_names(client):
    from carepath.audit.models import AuditEvent

    case = CaseFactory()
    other = CaseFactory(signal__received_by=case.signal.received_by)
    worker = case.signal.received_by
    client.force_login(worker)
    assert client.get(reverse("dashboard:home")).status_code == 200
    listed = AuditEvent.objects.filter(user=worker, action="listed")
    assert sorted(listed.values_list("person_id", flat=True)) == sorted([case.person_id, other.person_id])
