"""A small authority to import into, and files built from rows, for the import's tests."""

import csv
import datetime
import io
from dataclasses import dataclass

from openpyxl import Workbook

from carepath.accounts.models import Role, User
from carepath.cases.models import CaseType
from carepath.imports.columns import COLUMNS
from carepath.organisations.models import Unit
from carepath.testing import factories as f

HEADINGS = [column.name for column in COLUMNS]


@dataclass
class Town:
    """The demo's names, so the shipped example files import into it too."""

    adults: Unit
    children: Unit
    leader: User  # leads both units
    caseworker: User
    administrator: User
    adult_support: CaseType
    child_and_family: CaseType


def build_town() -> Town:
    municipality = f.AuthorityFactory.create(name="Municipality of Rivertown")
    adults = f.UnitFactory.create(organisation=municipality, name="Adult social services")
    children = f.UnitFactory.create(organisation=municipality, name="Children and families")
    leader = f.UserFactory.create(username="teamleader", role=Role.TEAM_LEADER, unit=adults)
    for unit in (adults, children):
        unit.leader = leader
        unit.save(update_fields=["leader"])
    return Town(
        adults=adults,
        children=children,
        leader=leader,
        caseworker=f.UserFactory.create(username="caseworker", unit=children),
        administrator=f.UserFactory.create(role=Role.ADMINISTRATOR, unit=None, organisation=None, is_staff=True),
        adult_support=f.CaseTypeFactory.create(name="Adult support"),
        child_and_family=f.CaseTypeFactory.create(name="Child and family"),
    )


def row(**changes: object) -> dict[str, object]:
    """A good row (one goal of case R-1 of Ona Vaitė), with `changes`."""
    values: dict[str, object] = {
        "given_name": "Ona",
        "family_name": "Vaitė",
        "birth_date": "1985-03-02",
        "address": "Willow Street 4",
        "phone": "+370 600 00000",
        "email": "ona@example.org",
        "preferred_language": "lt",
        "case_type": "Adult support",
        "unit": "Adult social services",
        "opened_on": "2024-10-01",
        "reference": "R-1",
        "case_manager": "",
        "goal_citizen_words": "I want to swim again.",
        "goal_title": "Swim once a week",
        "goal_life_domain": "leisure",
        "goal_due_on": "2026-06-30",
        "goal_indicator": "Swims",
        "goal_target": "Weekly",
        "goal_proposed_by": "citizen",
    }
    values.update(changes)
    return values


def good_rows() -> list[dict[str, object]]:
    """Three cases of two people: Ona has two goals in R-1 and a case R-2 without goals; Mikas one goal."""
    return [
        row(),
        row(goal_citizen_words="I want to cook.", goal_title="Cook twice a week", goal_life_domain="daily_living"),
        row(reference="R-2", case_type="Child and family", unit="Children and families", case_manager="caseworker",
            **{name: "" for name in HEADINGS if name.startswith("goal_")}),
        row(given_name="Mikas", family_name="Jonaitis", birth_date="01.02.2001", reference="R-3", email=""),
    ]  # fmt: skip


def csv_bytes(rows: list[dict[str, object]], *, delimiter: str = ",", bom: bool = False) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=list(rows[0]) if rows else HEADINGS, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + text.getvalue()).encode()


def xlsx_bytes(rows: list[dict[str, object]], *, dates: bool = True) -> bytes:
    """A spreadsheet of the rows; ISO dates become real date cells, as a spreadsheet program makes them."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    headings = list(rows[0]) if rows else HEADINGS
    sheet.append(headings)
    for values in rows:
        sheet.append([_cell(values[name], dates) for name in headings])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _cell(value: object, dates: bool) -> object:
    if dates and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value or None
    return value or None
