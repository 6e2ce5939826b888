from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.goals.models import Goal
from carepath.imports.tests.helpers import Town, csv_bytes, good_rows, row, xlsx_bytes
from carepath.people.models import Person

pytestmark = pytest.mark.django_db


def command(*args: str) -> str:
    out = StringIO()
    call_command("import_caseload", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "caseload.xlsx"
    path.write_bytes(xlsx_bytes(good_rows()))
    return path


def test_dry_run_prints_the_cases_and_writes_nothing(town: Town, good_file: Path):
    out = command(str(good_file), "--by", "teamleader", "--dry-run")

    assert "new cases: 3, people in them: 2, goals in them: 3" in out
    assert "2, 3\tR-1\tAdult social services\tAdult support\t2\twill be created" in out
    assert "Dry run: nothing was imported." in out
    assert not Case.objects.exists() and not AuditEvent.objects.exists()


def test_import_creates_everything_and_a_second_run_nothing(town: Town, good_file: Path):
    out = command(str(good_file), "--by", "teamleader")

    assert (Person.objects.count(), Case.objects.count(), Goal.objects.count()) == (2, 3, 3)
    assert "Imported 3 case(s)." in out
    assert f"created as {Case.objects.get(imported_from__reference='R-3').reference}" in out
    assert AuditEvent.objects.filter(user=town.leader, action="create").count() == 2 + 3 * 4 + 3

    again = command(str(good_file), "--by", "teamleader")
    assert "Imported 0 case(s)." in again and again.count("imported before: left as it is") == 3
    assert Case.objects.count() == 3


def test_a_bad_row_prints_its_row_and_column_and_fails(town: Town, tmp_path: Path):
    path = tmp_path / "caseload.csv"
    path.write_bytes(csv_bytes([row(), row(reference="R-2", email="not-an-address")]))
    out = StringIO()

    with pytest.raises(CommandError, match="Nothing was imported: 1 problem"):
        call_command("import_caseload", str(path), "--by", "teamleader", stdout=out)

    assert "3\temail\tEnter an e-mail address like name@example.org." in out.getvalue()
    assert "not-an-address" not in out.getvalue()
    assert not Case.objects.exists()


def test_only_an_administrator_or_team_leader_may_run_it(town: Town, good_file: Path):
    with pytest.raises(CommandError, match="administrator or team leader"):
        command(str(good_file), "--by", "caseworker")
    with pytest.raises(CommandError, match="administrator or team leader"):
        command(str(good_file), "--by", "nobody")
    assert not Case.objects.exists()


def test_a_missing_file_is_an_error(town: Town, tmp_path: Path):
    with pytest.raises(CommandError, match="Cannot read the file"):
        command(str(tmp_path / "missing.csv"), "--by", "teamleader")
