"""The example files shipped with docs/import.md: the same rows in CSV and XLSX, importable as they are."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from carepath.accounts.models import User
from carepath.imports.reading import read_table
from carepath.imports.services import import_caseload
from carepath.imports.tests.helpers import Town
from carepath.testing import factories as f

EXAMPLES = Path(__file__).parent.parent / "examples"


def test_the_csv_and_xlsx_examples_hold_the_same_rows():
    from_csv = read_table(name="caseload.csv", content=(EXAMPLES / "caseload.csv").read_bytes())
    from_xlsx = read_table(name="caseload.xlsx", content=(EXAMPLES / "caseload.xlsx").read_bytes())

    assert from_csv.headings == from_xlsx.headings
    as_text = [(n, {k: str(v) for k, v in values.items()}) for n, values in from_xlsx.rows]
    assert from_csv.rows == as_text


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["caseload.csv", "caseload.xlsx"])
def test_each_example_imports_into_the_demo_municipality(town: Town, name: str):
    f.DeadlineRuleFactory.create(case_type=town.adult_support)  # the demo's units and case types, as in `carepath demo`

    outcome = import_caseload(name=name, content=(EXAMPLES / name).read_bytes(), by=town.leader, dry_run=False)

    assert outcome.errors == []
    assert (len(outcome.new_cases), outcome.people, outcome.goals) == (3, 3, 3)


@pytest.mark.django_db
def test_the_example_checks_clean_against_carepath_demo():
    call_command("demo", stdout=StringIO())
    leader = User.objects.get(username="teamleader")

    outcome = import_caseload(
        name="caseload.csv", content=(EXAMPLES / "caseload.csv").read_bytes(), by=leader, dry_run=True
    )

    assert outcome.errors == [] and len(outcome.new_cases) == 3
