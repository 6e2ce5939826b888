"""Writing the practice library: a practice with its themes and principles, and reviewers' assessments.

After each write the practice's search index and its embedding are brought up to date, in the same
transaction for the index (`search.reindex`) and after commit for the embedding (`similar.refresh`),
so that a slow model never holds a lock.
"""

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from carepath.accounts.models import User
from carepath.core.concurrency import save_versioned
from carepath.practices import search, similar
from carepath.practices.models import (
    TEXT_FIELDS,
    Assessment,
    CriterionScore,
    Practice,
    PracticePrinciple,
    PracticeTheme,
)


@transaction.atomic
def save_practice(
    *,
    by: User,
    practice: Practice | None = None,
    seen_version: int | None = None,
    themes: Iterable[str],
    principles: Iterable[int],
    **fields: Any,
) -> Practice:
    """Create a practice documented by `by`'s organisation, or change `practice`.

    A change raises StaleEdit when someone saved the practice since `seen_version` was read.
    """
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"unknown practice fields: {sorted(unknown)}")
    values = {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}
    if practice is None or practice.pk is None:
        assert by.organisation_id is not None, "a practice is documented by an organisation"
        practice = Practice(created_by=by, owner_id=by.organisation_id)
        for name, value in values.items():
            setattr(practice, name, value)
        practice.save()
    else:
        for name, value in values.items():
            setattr(practice, name, value)
        practice.updated_at = timezone.now()  # an update() below: auto_now does not run
        save_versioned(practice, expected_version=seen_version or practice.version, fields=[*values, "updated_at"])
    _set_themes(practice, themes)
    _set_principles(practice, principles)
    search.reindex(practice)
    # robust: a model that fails after commit must not turn a saved practice into a server error;
    # `carepath practices embed` computes what is missing.
    transaction.on_commit(lambda: similar.refresh(practice), robust=True)
    return practice


def _set_themes(practice: Practice, themes: Iterable[str]) -> None:
    wanted = set(themes)
    practice.themes.exclude(theme__in=wanted).delete()
    have = set(practice.themes.values_list("theme", flat=True))
    PracticeTheme.objects.bulk_create(PracticeTheme(practice=practice, theme=t) for t in sorted(wanted - have))


def _set_principles(practice: Practice, principles: Iterable[int]) -> None:
    wanted = {int(p) for p in principles}
    practice.principles.exclude(principle__in=wanted).delete()
    have = set(practice.principles.values_list("principle", flat=True))
    PracticePrinciple.objects.bulk_create(
        PracticePrinciple(practice=practice, principle=p) for p in sorted(wanted - have)
    )


@transaction.atomic
def assess_practice(
    *,
    practice: Practice,
    by: User,
    assessed_on: datetime.date,
    scores: Mapping[int, tuple[int, str]],
) -> Assessment:
    """Record `by`'s assessment on WIT's eight criteria (criterion -> (score, comment)); a reviewer
    who assesses again replaces their earlier scores, so each reviewer counts once."""
    assessment, _created = Assessment.objects.update_or_create(
        practice=practice, reviewer=by, defaults={"assessed_on": assessed_on}
    )
    assessment.scores.all().delete()
    CriterionScore.objects.bulk_create(
        CriterionScore(assessment=assessment, criterion=criterion, score=score, comment=comment.strip())
        for criterion, (score, comment) in sorted(scores.items())
    )
    return assessment
