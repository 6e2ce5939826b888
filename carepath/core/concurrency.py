"""Optimistic locking: a stale edit is detected, never silently overwritten.

A versioned model carries an integer `version`. A form posts the version it was shown;
`save_versioned` writes only when the row still has that version, else raises StaleEdit.
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class StaleEdit(Exception):
    """Someone else saved the record after this form was opened."""

    def __init__(self, current_version: int | None = None) -> None:
        super().__init__()
        self.current_version = current_version

    message = _(
        "Someone else changed this record while you were editing it. "
        "Your text is kept below; check the current version and save again."
    )


class Versioned(models.Model):
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


def save_versioned(instance: Versioned, *, expected_version: int, fields: list[str]) -> None:
    """Save `fields` of `instance` if nobody saved it since `expected_version` was read."""
    model = type(instance)
    values: dict[str, Any] = {f: getattr(instance, f) for f in fields}
    updated = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        version=expected_version + 1, **values
    )
    if updated != 1:
        current = model._default_manager.filter(pk=instance.pk).values_list("version", flat=True).first()
        raise StaleEdit(current_version=current)
    instance.version = expected_version + 1
