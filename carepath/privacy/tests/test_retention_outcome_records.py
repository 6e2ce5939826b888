"""Retention of the outcome records: quality-of-life ratings, focus groups and the photos they reviewed."""

import datetime

import pytest
from django.utils import timezone

from carepath.cases.models import Case
from carepath.evaluations.models import QualityOfLifeRating
from carepath.learning.models import FocusGroup, FocusGroupMaterial
from carepath.learning.tests.factories import focus_group_of, material_of
from carepath.organisations.authority import add_links
from carepath.privacy.registry import HOLDERS
from carepath.privacy.retention import SPECS
from carepath.privacy.services import apply_retention, what_is_due
from carepath.testing import factories as f
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def years_ago(years: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=365.25 * years)


def closed_case(years: float) -> Case:
    return f.CaseFactory.create(status=Case.Status.CLOSED, closed_at=years_ago(years), opened_at=years_ago(years + 1))


def rating_of(case: Case) -> QualityOfLifeRating:
    evaluation = f.EvaluationMomentFactory.create(case=case)
    return QualityOfLifeRating.objects.create(evaluation=evaluation, domain="leisure", score=4)


@pytest.fixture
def groups():
    old, other_old, recent = closed_case(11), closed_case(11), closed_case(0.5)
    long_ago = years_ago(12).date()
    gone = focus_group_of(old, held_on=long_ago, other_participants="Ana's sister")
    add_links(gone.cases, other_old)
    with_a_kept_case = focus_group_of(old, held_on=long_ago)
    add_links(with_a_kept_case.cases, recent)
    held_lately = focus_group_of(old, held_on=years_ago(0.5).date())
    return {
        "gone": gone,
        "gone_photo": material_of(gone),
        "kept_photo": material_of(with_a_kept_case),
        "with_a_kept_case": with_a_kept_case,
        "held_lately": held_lately,
        "lately_photo": material_of(held_lately),
        "old_rating": rating_of(old),
        "recent_rating": rating_of(recent),
    }


def due() -> dict[str, list[int]]:
    return {d.record_type.value: d.ids for d in what_is_due(now=NOW)}


def test_a_focus_group_is_due_only_when_held_long_ago_and_no_participant_case_is_kept(groups):
    listed = due()
    assert listed["focus_group"] == [groups["gone"].pk]
    assert listed["focus_group_material"] == [groups["gone_photo"].pk]
    assert listed["quality_of_life"] == [groups["old_rating"].pk]


def test_applying_blanks_the_focus_group_and_deletes_its_photos(groups, django_capture_on_commit_callbacks):
    photo = groups["gone_photo"].file
    assert photo.storage.exists(photo.name)
    with django_capture_on_commit_callbacks(execute=True):
        apply_retention(by=administrator(), now=NOW)

    gone = FocusGroup.objects.get(pk=groups["gone"].pk)
    assert (gone.impressions, gone.recommendations, gone.other_participants, gone.activity) == ("", "", "", "")
    assert gone.held_on == groups["gone"].held_on  # the date stays, for the count of sessions
    assert not FocusGroupMaterial.objects.filter(pk=groups["gone_photo"].pk).exists()
    assert not photo.storage.exists(photo.name)
    kept = groups["kept_photo"].file
    assert FocusGroupMaterial.objects.filter(pk__in=[groups["kept_photo"].pk, groups["lately_photo"].pk]).count() == 2
    assert kept.storage.exists(kept.name)
    assert FocusGroup.objects.get(pk=groups["with_a_kept_case"].pk).impressions != ""
    assert list(QualityOfLifeRating.objects.values_list("pk", flat=True)) == [groups["recent_rating"].pk]
    assert all(ids == [] for ids in due().values())


def test_erasing_a_focus_group_deletes_its_photos_files_too(groups, django_capture_on_commit_callbacks):
    from carepath.privacy.models import RetentionRule

    RetentionRule.objects.filter(record_type="focus_group").update(action=RetentionRule.Action.ERASE)
    RetentionRule.objects.filter(record_type="focus_group_material").delete()  # the group's rule alone must do it
    photo = groups["gone_photo"].file
    with django_capture_on_commit_callbacks(execute=True):
        apply_retention(by=administrator(), now=NOW)
    assert not FocusGroup.objects.filter(pk=groups["gone"].pk).exists()
    assert not photo.storage.exists(photo.name)


# Personal-data models that no rule of their own needs, each with the reason (a child of a rule counts as ruled).
COVERED_OTHERWISE = {
    "cases.deadline": "dates of a signal's deadlines: no free text, kept for deadline statistics",
    "cases.caseteammember": "who worked on the case: staff accounts, kept with the anonymised case",
    "plans.savingsdeposit": "amounts and dates; erased with its savings plan (cascade)",
    "audit.auditevent": "the append-only audit log: ids only, kept as the proof of who did what",
}


def test_every_model_holding_personal_data_has_a_retention_rule_or_a_reason():
    ruled = {spec.label for spec in SPECS.values()} | {child for s in SPECS.values() for child, _, _ in s.children}
    for holder in HOLDERS:
        assert holder.label in ruled or holder.label in COVERED_OTHERWISE, holder.label
