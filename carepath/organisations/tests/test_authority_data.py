"""The demo and the synthetic generator write every row with its chain's authority."""

from io import StringIO

import pytest
from django.core.management import call_command

from carepath.cases.models import Case
from carepath.organisations.tests.chains import chains, wrong_authority

pytestmark = pytest.mark.django_db


def wrong_rows() -> dict[str, int]:
    """Per model of case data, the rows whose authority is not their chain's end (none, we hope)."""
    found = {model._meta.label_lower: wrong_authority(model, path) for model, path in chains().items()}
    return {label: count for label, count in found.items() if count}


def test_every_row_of_the_demo_carries_its_chains_authority():
    call_command("demo", stdout=StringIO())
    assert wrong_rows() == {}


def test_every_generated_row_carries_its_chains_authority():
    call_command("generate", citizens=300, stdout=StringIO())
    assert Case.objects.exists()
    assert wrong_rows() == {}
