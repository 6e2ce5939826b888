import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from carepath.audit.models import AuditEvent
from carepath.consents.models import Consent
from carepath.offline import bundle, services
from carepath.offline.models import TakeAlong
from carepath.offline.tests.factories import device_with
from carepath.referrals.models import Referral
from carepath.testing import roles
from carepath.testing.factories import (
    AgreementVersionFactory,
    AssessmentFactory,
    CaseFactory,
    CitizenFactory,
    EvaluationMomentFactory,
    GoalFactory,
    ProgressNoteFactory,
    ProviderStaffFactory,
    StepFactory,
    StepPictureFactory,
)

pytestmark = pytest.mark.django_db

# Who may take the case along: exactly who may open its whole file (the case page).
EVERY_ROLE = [
    ("case worker", True),
    ("team leader", True),
    ("provider, accepted referral", True),
    ("provider, pending referral", True),
    ("provider without consent to share", False),
    ("provider without a referral", False),
    ("quality coordinator", False),
    ("administrator", False),
    ("stranger", False),
    ("citizen", False),
]


def _someone(who, case):
    if who == "provider without consent to share":
        return roles.provider_staff_on(case, Referral.Status.ACCEPTED, consent=False)
    if who == "provider without a referral":
        return ProviderStaffFactory()
    if who == "quality coordinator":
        return roles.quality_coordinator_of(case)
    if who == "administrator":
        return roles.administrator()
    if who == "citizen":
        return CitizenFactory(person=case.person)
    return roles.someone(who, case)


@pytest.mark.parametrize(("who", "may"), EVERY_ROLE)
def test_the_take_along_never_holds_a_case_the_user_may_not_see(who, may):
    case, elsewhere = CaseFactory(), CaseFactory()
    user = _someone(who, case)
    device, _token = device_with(user, [case, elsewhere])
    taken = [c["id"] for c in bundle.build(device, user)["cases"]]
    assert taken == ([case.pk] if may else [])
    assert set(TakeAlong.objects.filter(device=device).values_list("case_id", flat=True)) == set(taken)


def test_a_case_whose_consent_to_share_is_withdrawn_is_left_behind_at_the_next_download():
    case = CaseFactory()
    provider = roles.provider_staff_on(case, Referral.Status.ACCEPTED)
    device, _token = device_with(provider, [case])
    assert [c["id"] for c in bundle.build(device, provider)["cases"]] == [case.pk]
    Consent.objects.filter(case=case, scope=Consent.Scope.SHARE_PROVIDERS).update(withdrawn_on="2026-01-01")
    assert bundle.build(device, provider)["cases"] == []
    assert not TakeAlong.objects.filter(device=device).exists()


def test_a_closed_case_is_not_taken_along():
    case = CaseFactory(status="closed")
    worker = case.signal.received_by
    device, _token = device_with(worker, [case])
    assert bundle.build(device, worker)["cases"] == []


@override_settings(CAREPATH_OFFLINE_MAX_CASES=2)
def test_at_most_the_configured_number_of_cases_is_taken_along():
    worker = CaseFactory().signal.received_by
    cases = [CaseFactory(signal__unit=worker.unit, signal__received_by=worker) for _ in range(3)]
    device, _token = device_with(worker, cases[:2])
    with pytest.raises(services.TooMany):
        services.take_along(device=device, user=worker, case_ids=[c.pk for c in cases])
    assert TakeAlong.objects.filter(device=device).count() == 2  # what it held before stays


def test_taking_a_case_along_is_an_audited_read_for_a_home_visit():
    case = CaseFactory()
    worker = case.signal.received_by
    device, _token = device_with(worker, [case])
    bundle.build(device, worker)
    entry = AuditEvent.objects.get(case=case, action=AuditEvent.Action.VIEW)
    assert (entry.user, entry.person_id, entry.reason) == (worker, case.person_id, AuditEvent.Reason.HOME_VISIT)


def test_the_take_along_holds_the_essentials_of_the_case_and_nothing_else():
    case = CaseFactory()
    worker = case.signal.received_by
    goal = GoalFactory(case=case, citizen_words="I want to go to the sea with my sister")
    step = StepFactory(goal=goal, what="Look up the train times")
    taken, left = StepPictureFactory(step=step, for_offline=True), StepPictureFactory(step=step)
    AgreementVersionFactory(case=case, summary="We meet every Tuesday")
    AssessmentFactory(case=case)
    notes = [ProgressNoteFactory(case=case, text=f"note {n}") for n in range(12)]
    EvaluationMomentFactory(case=case)
    other = CaseFactory(signal__unit=worker.unit, signal__received_by=worker)
    GoalFactory(case=other, citizen_words="Not on this visit")
    device, _token = device_with(worker, [case])

    data = bundle.build(device, worker)
    (held,) = data["cases"]
    assert held["person"]["name"] == f"{case.person.given_name} {case.person.family_name}"
    assert [g["citizen_words"] for g in held["goals"]] == ["I want to go to the sea with my sister"]
    assert [s["what"] for s in held["steps"]] == ["Look up the train times"]
    pictures = {a["id"]: a["data_url"] for a in held["steps"][0]["attachments"]}
    assert pictures[taken.pk].startswith("data:image/png;base64,") and pictures[left.pk] is None
    assert held["agreement"]["text"] == "We meet every Tuesday"
    assert [n["id"] for n in held["notes"]] == [n.pk for n in reversed(notes)][:10]
    assert len(held["assessment"]["dimensions"]) == 3
    assert len(held["evaluations"]) == 1
    assert "Not on this visit" not in str(data)


def test_the_take_along_reads_a_fixed_number_of_queries_whatever_the_number_of_cases():
    worker = CaseFactory().signal.received_by

    def take(n):
        cases = [CaseFactory(signal__unit=worker.unit, signal__received_by=worker) for _ in range(n)]
        for case in cases:
            StepFactory(goal=GoalFactory(case=case))
            ProgressNoteFactory(case=case)
        device, _token = device_with(worker, cases, name=f"device {n}")
        with CaptureQueriesContext(connection) as queries:
            assert len(bundle.build(device, worker)["cases"]) == n
        return len(queries)

    assert take(2) == take(6)


def test_only_the_responsible_authority_takes_evaluations_to_record_along():
    case = CaseFactory()
    EvaluationMomentFactory(case=case)
    worker = case.signal.received_by
    provider = roles.provider_staff_on(case, Referral.Status.ACCEPTED)
    for user, expected in ((worker, 1), (provider, 0)):
        device, _token = device_with(user, [case], name=user.username)
        assert len(bundle.build(device, user)["cases"][0]["evaluations"]) == expected
