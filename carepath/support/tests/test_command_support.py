from io import StringIO

import pytest
from django.core.management import call_command

from carepath.support.models import SupportMatch
from carepath.support.tests.factories import food_bank_staff, municipality_staff, support

pytestmark = pytest.mark.django_db


def test_support_match_finds_the_pair_and_can_run_again():
    support(municipality_staff())
    support(food_bank_staff(), family_names="Fereira")
    out = StringIO()
    call_command("support", "match", stdout=out)
    assert "2 encoding(s): 1 pair(s), 1 new." in out.getvalue()
    call_command("support", "match", stdout=out)
    assert "1 pair(s), 0 new." in out.getvalue()
    assert SupportMatch.objects.count() == 1


def test_support_match_says_when_the_secret_is_not_configured(settings):
    settings.CAREPATH_LINKAGE_SECRET = ""
    out = StringIO()
    call_command("support", "match", stdout=out)
    assert "not configured" in out.getvalue()
