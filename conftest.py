import pytest

pytest_plugins = ["carepath.testing.browser"]


@pytest.fixture(autouse=True)
def _english(settings):
    """Tests read English strings regardless of the machine's locale."""
    settings.LANGUAGE_CODE = "en"
