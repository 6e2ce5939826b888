from carepath.support.encodings import check_secret


def test_a_malformed_secret_fails_the_system_check(settings):
    settings.CAREPATH_LINKAGE_SECRET = "abcd"  # two bytes
    assert [message.id for message in check_secret()] == ["support.E001"]
    settings.CAREPATH_LINKAGE_SECRET = "zz" * 16
    assert [message.id for message in check_secret()] == ["support.E001"]


def test_a_missing_secret_and_a_good_one_pass_the_check(settings):
    settings.CAREPATH_LINKAGE_SECRET = ""
    assert check_secret() == []
    settings.CAREPATH_LINKAGE_SECRET = "00" * 16
    assert check_secret() == []
