import pytest

from carepath.linkage.text import fold
from carepath.people.search import fold as people_fold


@pytest.mark.parametrize("text", ["Søren Ågård", "Łukasz Dąbrowski", "Keßler", "Œuvre Þór", "Jonas"])
def test_fold_is_the_people_search_fold(text):
    assert fold(text) == people_fold(text)
