import pytest

from carepath.imports.tests.helpers import Town, build_town


@pytest.fixture
def town(db) -> Town:
    return build_town()
