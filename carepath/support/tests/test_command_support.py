from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from carepath.support.models import SupportEncoding, SupportMatch
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


def test_support_encode_makes_every_encoding_again_under_a_new_secret(settings):
    records = [support(municipality_staff()), support(food_bank_staff(), family_names="Fereira")]
    before = {e.link_key: bytes(e.clk) for e in SupportEncoding.objects.all()}
    settings.CAREPATH_LINKAGE_SECRET = "ab" * 32  # the network changed its secret
    out = StringIO()
    call_command("support", "encode", stdout=out)
    assert "Encoded 2 support record(s) again." in out.getvalue()
    after = {e.link_key: bytes(e.clk) for e in SupportEncoding.objects.all()}
    assert set(after) == {r.link_key for r in records} == set(before)
    assert all(after[key] != before[key] for key in after)


def test_support_encode_refuses_without_a_secret_and_keeps_the_encodings(settings):
    support(municipality_staff())
    settings.CAREPATH_LINKAGE_SECRET = ""
    with pytest.raises(CommandError, match="not configured"):
        call_command("support", "encode", stdout=StringIO())
    assert SupportEncoding.objects.count() == 1
