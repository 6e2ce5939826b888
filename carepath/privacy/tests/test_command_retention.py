"""`carepath retention`: --dry-run prints counts and ids, never names; applying needs an administrator."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from carepath.cases.models import Case
from carepath.notes.models import ProgressNote
from carepath.testing.factories import CaseFactory, ProgressNoteFactory
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_note() -> ProgressNote:
    long_ago = timezone.now() - datetime.timedelta(days=365 * 12)
    case = CaseFactory.create(status=Case.Status.CLOSED, closed_at=long_ago, signal__person__given_name="Zigmas")
    return ProgressNoteFactory.create(case=case, text="Zigmas was at home.")


def run(*args: str) -> str:
    out = StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def test_dry_run_lists_ids_and_no_names_and_changes_nothing(old_note):
    out = run("--dry-run")
    assert f"note: 1 would be erased (ids: {old_note.pk})" in out
    assert f"person: 1 would be anonymised (ids: {old_note.case.person_id})" in out
    assert "Zigmas" not in out
    assert "nothing was changed" in out
    assert ProgressNote.objects.filter(pk=old_note.pk).exists()


def test_applying_needs_an_administrator(old_note):
    with pytest.raises(CommandError):
        run()
    with pytest.raises(CommandError):
        run("--by", old_note.written_by.username)
    assert ProgressNote.objects.filter(pk=old_note.pk).exists()


def test_applying_erases_and_says_so(old_note):
    out = run("--by", administrator().username)
    assert f"note: 1 were erased (ids: {old_note.pk})" in out
    assert not ProgressNote.objects.filter(pk=old_note.pk).exists()
