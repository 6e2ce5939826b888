import pytest
from django.db import DatabaseError, connection, transaction

from carepath.audit.models import AppendOnlyError, AuditEvent
from carepath.audit.tests.helpers import chain_of

pytestmark = pytest.mark.django_db


def test_saving_an_existing_entry_is_refused():
    entry, = chain_of(1)
    entry.what = "goals.goal"
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_deleting_an_entry_is_refused():
    entry, = chain_of(1)
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEvent.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("change", [
    lambda qs: qs.update(what="goals.goal"),
    lambda qs: qs.delete(),
    lambda qs: qs.bulk_update(list(qs), ["what"]),
])
def test_queryset_changes_are_refused(change):
    chain_of(2)
    with pytest.raises(AppendOnlyError):
        change(AuditEvent.objects.all())


def test_an_entry_without_the_writer_is_refused():
    entry, = chain_of(1)
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.create(user_id=entry.user_id, action="view", what="cases.case")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_create([AuditEvent(user_id=entry.user_id, action="view", what="cases.case")])


@pytest.mark.parametrize("sql", [
    "UPDATE audit_auditevent SET what = 'goals.goal' WHERE id = %s",
    "DELETE FROM audit_auditevent WHERE id = %s",
])
def test_database_refuses_raw_update_and_delete(sql):
    entry, = chain_of(1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [entry.pk])
    assert AuditEvent.objects.get(pk=entry.pk).what == "cases.case"
