import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from carepath.audit.models import AuditEvent
from carepath.audit.tests.helpers import as_dba, chain_of, skip_ids
from carepath.testing.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


def _verify(*args: str) -> str:
    out = StringIO()
    call_command("audit", "verify", "--chunk-size", "2", *args, stdout=out)
    return out.getvalue()


def _broken_at(*args: str) -> str:
    with pytest.raises(CommandError) as refused:
        _verify(*args)
    assert refused.value.returncode == 1
    return str(refused.value)


def test_an_empty_log_is_whole():
    assert "Checked 0 entries: the chain is whole." in _verify()


def test_a_clean_log_is_whole_and_its_head_is_printed():
    entries = chain_of(5)
    out = _verify()
    assert "Checked 5 entries: the chain is whole." in out
    assert f"Head: {entries[-1].pk}:{entries[-1].hash}" in out


def _other_values():
    other_case = CaseFactory()
    return {
        "at": datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
        "user_id": UserFactory().pk,
        "action": "update",
        "what": "goals.goal",
        "object_id": 999,
        "case_id": other_case.pk,
        "person_id": other_case.person_id,
        "prev_hash": "f" * 64,
        "hash": "e" * 64,
    }


@pytest.mark.parametrize("column", ["at", "user_id", "action", "what", "object_id", "case_id", "person_id",
                                    "prev_hash", "hash"])
def test_changing_any_field_of_a_stored_entry_is_found(column):
    entries = chain_of(5)
    changed = entries[2]
    as_dba(f"UPDATE audit_auditevent SET {column} = %s WHERE id = %s", [_other_values()[column], changed.pk])  # noqa: S608
    assert f"broken at entry {changed.pk}: hash mismatch" in _broken_at()


def test_deleting_an_entry_in_the_middle_is_found_at_the_next_one():
    entries = chain_of(5)
    as_dba("DELETE FROM audit_auditevent WHERE id = %s", [entries[2].pk])
    assert f"broken at entry {entries[3].pk}: previous-hash mismatch" in _broken_at()


def test_a_forged_entry_slipped_into_a_gap_is_found_even_with_a_correct_own_hash():
    before_gap = chain_of(2)
    skip_ids(10)
    after_gap = chain_of(2)
    # A forger with database access takes a free id between genuine entries and links it to some
    # earlier entry: the entry after it in id order then no longer links to its predecessor.
    forged = AuditEvent(id=before_gap[-1].pk + 1, at=before_gap[-1].at, user_id=before_gap[0].user_id,
                        action="view", what="people.person", prev_hash="b" * 64)
    forged.hash = forged.computed_hash()
    forged.save(force_insert=True)
    assert forged.pk < after_gap[0].pk
    assert f"broken at entry {forged.pk}: previous-hash mismatch" in _broken_at()


def test_a_second_write_after_the_same_entry_is_refused():
    entries = chain_of(3)
    assert entries[2].chained_after == entries[1].pk
    fork = AuditEvent(id=entries[-1].pk + 100, at=entries[-1].at, user_id=entries[0].user_id, action="view",
                      what="people.person", prev_hash=entries[1].hash, chained_after=entries[1].pk)
    fork.hash = fork.computed_hash()
    with pytest.raises(IntegrityError), transaction.atomic():
        fork.save(force_insert=True)


def test_a_forged_fork_without_the_guard_is_found():
    entries = chain_of(3)
    forged = AuditEvent(id=entries[-1].pk + 100, at=entries[-1].at, user_id=entries[0].user_id, action="view",
                        what="people.person", prev_hash=entries[0].hash)
    forged.hash = forged.computed_hash()
    forged.save(force_insert=True)
    assert f"broken at entry {forged.pk}: previous-hash mismatch" in _broken_at()


def test_a_forged_entry_with_a_made_up_hash_is_found():
    entries = chain_of(2)
    forged = AuditEvent(id=entries[-1].pk + 100, at=entries[-1].at, user_id=entries[0].user_id, action="view",
                        what="people.person", prev_hash=entries[-1].hash, hash="a" * 64)
    forged.save(force_insert=True)
    assert f"broken at entry {forged.pk}: hash mismatch" in _broken_at()


def test_entries_before_the_break_are_counted():
    entries = chain_of(4)
    as_dba("UPDATE audit_auditevent SET what = 'x' WHERE id = %s", [entries[3].pk])
    with pytest.raises(CommandError):
        call_command("audit", "verify", stdout=(out := StringIO()))
    assert "Checked 3 entries before the first broken link." in out.getvalue()


def test_a_kept_anchor_matches_a_whole_log():
    entries = chain_of(3)
    assert "1 anchor(s) match." in _verify("--anchor", f"{entries[1].pk}:{entries[1].hash}")


def test_a_rewritten_tail_is_found_through_the_anchor():
    entries = chain_of(3)
    anchor = f"{entries[2].pk}:{entries[2].hash}"
    # Rewrite the last entry and rechain it: the chain alone cannot tell.
    as_dba("DELETE FROM audit_auditevent WHERE id = %s", [entries[2].pk])
    rewritten = AuditEvent(id=entries[2].pk, at=entries[2].at, user_id=entries[2].user_id, action="view",
                           what="cases.case", object_id=None, prev_hash=entries[1].hash)
    rewritten.hash = rewritten.computed_hash()
    rewritten.save(force_insert=True)
    assert "Checked 3 entries: the chain is whole." in _verify()
    assert f"broken at entry {entries[2].pk}: anchor mismatch" in _broken_at("--anchor", anchor)


def test_a_malformed_anchor_is_refused():
    with pytest.raises(CommandError):
        _verify("--anchor", "12:not-a-hash")
