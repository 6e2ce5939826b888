import datetime

import pytest
from django.utils import timezone

from carepath.cases.models import Case
from carepath.core.keyset import cursor, keyset_page
from carepath.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_pages_walk_every_row_once_newest_first_even_when_times_tie():
    moment = timezone.now()
    cases = [CaseFactory(opened_at=moment - datetime.timedelta(days=n // 2)) for n in range(7)]  # pairs tie
    expected = sorted(cases, key=lambda c: (c.opened_at, c.pk), reverse=True)
    seen, after = [], None
    while True:
        page = keyset_page(Case.objects.all(), order="-opened_at", after=after, size=3)
        seen += page.items
        if page.next_after is None:
            break
        after = page.next_after
    assert [c.pk for c in seen] == [c.pk for c in expected]


def test_pages_walk_every_row_once_earliest_first_when_ascending():
    moment = timezone.now()
    cases = [CaseFactory(opened_at=moment - datetime.timedelta(days=n // 3)) for n in range(8)]  # triples tie
    expected = sorted(cases, key=lambda c: (c.opened_at, c.pk))
    seen, after = [], None
    while True:
        page = keyset_page(Case.objects.all(), order="opened_at", after=after, size=3)
        seen += page.items
        if page.next_after is None:
            break
        after = page.next_after
    assert [c.pk for c in seen] == [c.pk for c in expected]


def test_a_cursor_outside_the_queryset_starts_at_the_first_page():
    mine, other = CaseFactory(), CaseFactory()
    page = keyset_page(Case.objects.filter(pk=mine.pk), order="-opened_at", after=other.pk, size=5)
    assert page.items == [mine] and page.next_after is None


@pytest.mark.parametrize(("raw", "expected"), [(None, None), ("", None), ("12", 12), ("0", None), ("-3", None),
                                                ("x1", None)])
def test_cursor_accepts_only_a_positive_id(raw, expected):
    assert cursor(raw) == expected


def test_a_later_page_costs_one_query_more_than_the_first(django_assert_num_queries):
    cases = [CaseFactory() for _ in range(4)]
    with django_assert_num_queries(1):
        first = keyset_page(Case.objects.all(), order="-opened_at", after=None, size=2)
    with django_assert_num_queries(2):
        keyset_page(Case.objects.all(), order="-opened_at", after=first.next_after, size=2)
    assert len(cases) == 4
