import datetime
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse

from carepath.access import policy
from carepath.accounts.models import Role, User
from carepath.cases.models import Case, Signal
from carepath.demo.catalogue import DEFAULT_PASSWORD
from carepath.demo.consistency import problems
from carepath.demo.synthetic.digest import data_digest
from carepath.demo.synthetic.generator import ANCHOR, generate
from carepath.demo.synthetic.names import LANGUAGES
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.people.models import Household, Person
from carepath.plans.models import Step
from carepath.referrals.models import Referral

pytestmark = pytest.mark.django_db

CITIZENS = 200


@pytest.fixture
def generated():
    return generate(citizens=CITIZENS, seed=1)


def digest_of(*, citizens: int, seed: int, batch: int = 5000) -> str:
    """Generate into the (empty) test database, take the digest, and roll everything back."""
    with transaction.atomic():
        generate(citizens=citizens, seed=seed, batch=batch)
        digest = data_digest()
        transaction.set_rollback(True)
    return digest


def test_same_seed_gives_the_same_data_and_another_seed_differs():
    first = digest_of(citizens=CITIZENS, seed=1)
    assert Person.objects.count() == 0  # rolled back: the second run starts from the same empty state
    assert digest_of(citizens=CITIZENS, seed=1) == first
    assert digest_of(citizens=CITIZENS, seed=2) != first


def test_batch_size_does_not_change_the_data():
    assert digest_of(citizens=CITIZENS, seed=3, batch=7) == digest_of(citizens=CITIZENS, seed=3, batch=5000)


def test_creates_the_requested_number_of_citizens_and_reports_counts(generated):
    assert Person.objects.count() == CITIZENS == generated.counts["people.Person"]
    assert generated.counts["cases.Case"] == Case.objects.count()


def test_every_stage_of_the_pathway_is_present(generated):
    assert all(generated.stages.values()), generated.stages
    assert Signal.objects.filter(status=Signal.Status.NEW).exists()
    assert Signal.objects.filter(status=Signal.Status.CLOSED).exists()
    open_cases = Case.objects.filter(status=Case.Status.OPEN)
    assert open_cases.filter(consents__isnull=False, assessments__isnull=False, goals__steps__isnull=False).exists()
    assert Referral.objects.filter(status=Referral.Status.PENDING, case__status=Case.Status.OPEN).exists()
    assert Referral.objects.filter(status=Referral.Status.ACCEPTED, case__status=Case.Status.OPEN).exists()
    assert ProgressNote.objects.filter(case__status=Case.Status.OPEN).exists()
    assert EvaluationMoment.objects.filter(held_on__isnull=False, case__status=Case.Status.OPEN).exists()
    closed = Case.objects.filter(status=Case.Status.CLOSED)
    assert closed.exists() and not closed.filter(outcome="").exists()
    assert set(GoalAttainment.objects.values_list("level", flat=True)) == {"fully", "partially", "not"}
    assert Goal.objects.exclude(citizen_words="").count() == Goal.objects.count() > 0
    assert Step.objects.filter(status=Step.Status.DONE).exists()


def test_data_is_consistent_with_the_services(generated):
    assert problems() == []


def test_nothing_happens_after_the_anchor_date(generated):
    end = datetime.datetime.combine(ANCHOR, datetime.time(23, 59), datetime.UTC)
    assert not Signal.objects.filter(received_at__gt=end).exists()
    assert not EvaluationMoment.objects.filter(held_on__gt=ANCHOR).exists()
    assert not ProgressNote.objects.filter(written_at__gt=end).exists()


def test_names_have_diacritics_from_several_languages(generated):
    names = [f"{g} {f}" for g, f in Person.objects.values_list("given_name", "family_name")]
    assert any(re.search(r"[^\x00-\x7f]", name) for name in names)
    assert Person.objects.values("preferred_language").distinct().count() >= 5
    cyrillic = [lang for lang in LANGUAGES if re.search("[\u0400-\u04ff]", lang.male[0])]
    assert cyrillic, "Bulgarian is also written in Cyrillic"


def test_households_share_family_name_and_address(generated):
    for household in Household.objects.prefetch_related("members"):
        members = list(household.members.all())
        assert len(members) >= 2
        assert {m.address for m in members} == {household.address}
        # Gendered forms differ at the end only: Kowalski / Kowalska, Kazlauskas / Kazlauskienė.
        stem = household.name.removeprefix("The ")[:4]
        assert all(m.family_name.startswith(stem) for m in members), household.name


def test_a_synthetic_team_leader_logs_in_and_sees_the_units_cases(generated, client):
    leader = User.objects.get(username="s1-leader1")
    assert client.login(username="s1-leader1", password=DEFAULT_PASSWORD)
    unit = leader.led_units.get()
    assert set(policy.visible_cases(leader)) == set(Case.objects.filter(unit=unit))
    worker = User.objects.filter(role=Role.CASE_WORKER, unit=unit).first()
    assert all(case.team.filter(user=worker).exists() for case in policy.visible_cases(worker))


def test_case_pages_of_generated_cases_open_for_their_case_manager(generated, client):
    for status in (Case.Status.OPEN, Case.Status.CLOSED):
        for case in Case.objects.filter(status=status)[:3]:
            client.force_login(case.team.get(is_case_manager=True).user)
            assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 200
    client.force_login(User.objects.get(username="s1-leader1"))
    assert client.get(reverse("dashboard:home")).status_code == 200


def test_running_the_same_seed_twice_is_refused(generated):
    with pytest.raises(CommandError, match="exists already"):
        call_command("generate", citizens=10, seed=1, stdout=StringIO())


def test_runs_after_the_demo_without_touching_it():
    call_command("demo", stdout=StringIO())
    worker = User.objects.get(username="caseworker")
    before = set(policy.visible_cases(worker).values_list("pk", flat=True))
    out = StringIO()
    call_command("generate", citizens=50, seed=5, check=True, stdout=out)
    assert set(policy.visible_cases(worker).values_list("pk", flat=True)) == before
    assert "all invariants hold" in out.getvalue()
    assert problems() == []


def test_demo_can_follow_a_generated_municipality(generated):
    call_command("demo", stdout=StringIO())
    assert User.objects.filter(username="caseworker").exists()
    assert problems() == []


def test_command_prints_counts_seconds_and_digest():
    out = StringIO()
    call_command("generate", citizens=30, seed=9, digest=True, stdout=out)
    text = out.getvalue()
    assert "people.Person" in text and re.search(r"Generated in \d+\.\d s", text)
    assert re.search(r"Digest: [0-9a-f]{64}", text)
