import pytest

pytest_plugins = ["carepath.testing.browser"]


@pytest.fixture(autouse=True)
def _english(settings):
    """Tests read English strings regardless of the machine's locale."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: services' loads are kept there (carepath/referrals/load.py)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def client():
    """A test client whose force_login/login also pass the second step of the login (carepath/testing/auth.py).

    Tests of the login itself build a plain django.test.Client.
    """
    from carepath.testing.auth import TwoStepClient

    return TwoStepClient()
