"""Applying the retention rules: list what is due (dry run), then anonymise or erase it in one transaction."""

import datetime
from dataclasses import dataclass
from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.core.concurrency import Versioned
from carepath.privacy.models import RetentionRule
from carepath.privacy.retention import SPECS, Cutoffs, Spec, kept_cases

Action = RetentionRule.Action


@dataclass(frozen=True)
class Due:
    """The records of one type that are past their period: ids only, never content."""

    record_type: RetentionRule.RecordType
    action: str
    ids: list[int]


def years_before(moment: datetime.datetime, years: int) -> datetime.datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February in a year without one
        return moment.replace(year=moment.year - years, day=28)


def cutoffs_for(rule: RetentionRule, now: datetime.datetime) -> Cutoffs:
    after_signal = rule.years_after_signal if rule.years_after_signal is not None else rule.years_after_case
    return Cutoffs(case=years_before(now, rule.years_after_case), signal=years_before(now, after_signal))


def holds_data(spec: Spec) -> Q:
    """Rows that still hold something anonymising would blank: so a second run finds nothing."""
    rule = Q()
    for name, blank in spec.blank.items():
        rule |= Q(**{f"{name}__isnull": False}) if blank is None else ~Q(**{name: blank})
    return rule


def due_rows(rule: RetentionRule, now: datetime.datetime) -> QuerySet:
    spec = SPECS[RetentionRule.RecordType(rule.record_type)]
    manager = spec.model._default_manager
    if (rule.action == Action.ERASE and not spec.erasable) or (rule.action == Action.ANONYMISE and not spec.blank):
        return manager.none()  # a rule the admin form would refuse; never guess what was meant
    cut = cutoffs_for(rule, now)
    rows = manager.filter(spec.due(cut))
    if spec.shared_cases:
        rows = rows.exclude(**{f"{spec.shared_cases}__in": kept_cases(cut)})
    if rule.action == Action.ANONYMISE:
        rows = rows.filter(holds_data(spec))
    return rows


def what_is_due(*, now: datetime.datetime | None = None) -> list[Due]:
    """Per record type with a rule, the ids of the records past their period (the dry run)."""
    now = now or timezone.now()
    plan = []
    for rule in RetentionRule.objects.all():
        ids = sorted(set(due_rows(rule, now).values_list("pk", flat=True)))
        plan.append(Due(RetentionRule.RecordType(rule.record_type), rule.action, ids))
    return sorted(plan, key=lambda due: list(SPECS).index(due.record_type))


@transaction.atomic
def apply_retention(*, by: User, now: datetime.datetime | None = None) -> list[Due]:
    """Anonymise or erase everything due, audited per record as done by `by`; files go after commit."""
    plan = what_is_due(now=now)
    for due in plan:
        if not due.ids:
            continue
        spec = SPECS[due.record_type]
        _audit(spec, due.ids, by)
        if spec.release is not None:
            spec.release(due.ids)
        if due.action == Action.ERASE:
            _erase(spec, due.ids)
        else:
            _anonymise(spec, due.ids)
    return plan


def _audit(spec: Spec, ids: list[int], by: User) -> None:
    # Ids only. The log has no "erased" action: an erasure is recorded as a change of the record.
    lookups = [spec.audit_case or "pk", spec.audit_person or "pk"]
    rows = spec.model._default_manager.filter(pk__in=ids).values_list("pk", *lookups)
    for pk, case_id, person_id in rows:
        policy.record(
            by,
            AuditEvent.Action.UPDATE,
            what=spec.model._meta.label_lower,
            object_id=pk,
            case_id=case_id if spec.audit_case else None,
            person_id=person_id if spec.audit_person else None,
        )


def _anonymise(spec: Spec, ids: list[int]) -> None:
    _delete_files_after_commit(spec, ids, own_only=True)
    values = dict(spec.blank)
    if issubclass(spec.model, Versioned):
        values["version"] = F("version") + 1  # an edit form opened before cannot overwrite the blanks
    spec.model._default_manager.filter(pk__in=ids).update(**values)
    for label, path, blank in spec.children:
        child = apps.get_model(label)
        child._default_manager.filter(**{f"{path}__in": ids}).update(**blank)


def _erase(spec: Spec, ids: list[int]) -> None:
    _delete_files_after_commit(spec, ids, own_only=False)
    spec.model._default_manager.filter(pk__in=ids).delete()


def _delete_files_after_commit(spec: Spec, ids: list[int], *, own_only: bool) -> None:
    """Files leave storage only once the rows are gone for good: a rolled-back run keeps them."""
    for label, path, field_name in spec.files:
        if own_only and path != "pk":
            continue
        model = apps.get_model(label)
        storage = model._meta.get_field(field_name).storage  # type: ignore[union-attr]
        names = model._default_manager.filter(**{f"{path}__in": ids}).exclude(**{field_name: ""})
        for name in names.values_list(field_name, flat=True):
            transaction.on_commit(partial(storage.delete, name))
