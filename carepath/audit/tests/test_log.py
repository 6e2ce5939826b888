import datetime

import pytest
from django.utils import timezone

from carepath.access import policy
from carepath.audit import log
from carepath.audit.chain import GENESIS, entry_hash
from carepath.audit.models import AuditEvent
from carepath.audit.tests.helpers import chain_of
from carepath.testing.factories import CaseFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_first_entry_links_to_the_genesis_hash():
    first, = chain_of(1)
    assert first.prev_hash == GENESIS


def test_each_entry_links_to_the_hash_of_the_one_before():
    entries = chain_of(3)
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    assert len({e.hash for e in entries}) == 3


def test_hash_covers_every_stored_field_as_read_back():
    entry, = chain_of(1)
    stored = AuditEvent.objects.get(pk=entry.pk)
    assert stored.hash == entry_hash(
        prev_hash=stored.prev_hash, at=stored.at, user_id=stored.user_id, action=stored.action, what=stored.what,
        object_id=stored.object_id, case_id=stored.case_id, person_id=stored.person_id,
    )
    assert len(stored.hash) == 64


def test_policy_record_appends_to_the_chain():
    before, = chain_of(1)
    case = CaseFactory()
    policy.record(case.signal.received_by, AuditEvent.Action.VIEW, case, case=case)
    written = AuditEvent.objects.order_by("-id").first()
    assert (written.what, written.object_id, written.case_id, written.person_id) == (
        "cases.case", case.pk, case.pk, case.person_id)
    assert written.prev_hash == before.hash


def test_changing_one_field_changes_the_hash():
    fields = dict(prev_hash=GENESIS, user_id=1, action="view", what="cases.case", object_id=2, case_id=2, person_id=3)
    entry, = chain_of(1)
    original = entry_hash(at=entry.at, **fields)
    for name, other in [("user_id", 9), ("action", "update"), ("what", "goals.goal"), ("object_id", None),
                        ("case_id", 8), ("person_id", None), ("prev_hash", "f" * 64)]:
        assert entry_hash(at=entry.at, **{**fields, name: other}) != original, name


def test_append_many_chains_the_entries_in_order_after_the_last_one():
    before, = chain_of(1)
    case = CaseFactory()
    user = case.signal.received_by
    people = [PersonFactory().pk for _ in range(3)]
    written = log.append_many(
        log.Entry(user.pk, AuditEvent.Action.LISTED, "people.person", pid, None, pid) for pid in people
    )
    stored = list(AuditEvent.objects.filter(pk__gt=before.pk).order_by("pk"))
    assert [e.person_id for e in stored] == people == [e.person_id for e in written]
    assert stored[0].prev_hash == before.hash
    assert [e.prev_hash for e in stored[1:]] == [e.hash for e in stored[:-1]]
    assert all(e.hash == e.computed_hash() for e in stored)


def test_append_many_with_nothing_writes_nothing():
    assert log.append_many([]) == [] and not AuditEvent.objects.exists()


def test_a_long_list_is_written_in_several_inserts_that_keep_one_chain():
    before, = chain_of(1)
    user = CaseFactory().signal.received_by
    people = [PersonFactory().pk for _ in range(log._ROWS_PER_INSERT * 2 + 5)]
    written = log.append_many(
        log.Entry(user.pk, AuditEvent.Action.LISTED, "people.person", pid, None, pid) for pid in people
    )
    stored = list(AuditEvent.objects.filter(pk__gt=before.pk).order_by("pk"))
    assert [e.pk for e in written] == [e.pk for e in stored]  # each entry knows its id, in order
    assert [e.person_id for e in stored] == people
    assert [e.prev_hash for e in stored] == [before.hash, *(e.hash for e in stored[:-1])]
    assert all(e.hash == e.computed_hash() for e in stored)
    assert [e.chained_after for e in stored] == [before.pk] + [None] * (len(people) - 1)


def test_an_entry_about_a_case_takes_the_case_authority_given_or_read_from_the_case():
    case, other = CaseFactory(), CaseFactory()
    user = case.signal.received_by
    log.append_many([
        log.Entry(user.pk, AuditEvent.Action.VIEW, "cases.case", case.pk, case.pk, case.person_id),
        log.Entry(user.pk, AuditEvent.Action.VIEW, "cases.case", other.pk, other.pk, other.person_id,
                  authority_id=other.authority_id),
        log.Entry(user.pk, AuditEvent.Action.LISTED, "people.person", case.person_id, None, case.person_id),
    ])
    stored = list(AuditEvent.objects.order_by("pk").values_list("authority_id", flat=True))
    assert stored == [case.authority_id, other.authority_id, None]
    assert case.authority_id is not None


def test_times_are_stored_as_given_on_either_database():
    user = CaseFactory().signal.received_by
    made = timezone.now() - datetime.timedelta(hours=3)
    event = log.append(user_id=user.pk, action=AuditEvent.Action.UPDATE, what="notes.progressnote", device_at=made,
                       reason=AuditEvent.Reason.HOME_VISIT)
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.at, stored.device_at) == (event.at, made)
    assert stored.hash == stored.computed_hash() == event.hash
