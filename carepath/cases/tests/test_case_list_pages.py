"""The case list pages by keyset, and a page costs the same queries however many cases there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.cases import views
from carepath.testing import roles
from carepath.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db


def _unit_cases(count, unit=None):
    first = CaseFactory(**({"signal__unit": unit} if unit else {}))
    return [first, *(CaseFactory(signal__unit=first.unit) for _ in range(count - 1))]


def test_the_team_leader_pages_through_every_case_of_the_unit(client, monkeypatch):
    monkeypatch.setattr(views, "LIST_PAGE", 2)
    cases = _unit_cases(5)
    client.force_login(roles.team_leader_of(cases[0]))
    url, shown = reverse("cases:case_list"), []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        page = response.context["page"]
        shown += [c.pk for c in page.items]
        url = f"{reverse('cases:case_list')}?status=open&after={page.next_after}" if page.next_after else None
    assert sorted(shown) == sorted(c.pk for c in cases) and len(shown) == len(set(shown))


def test_the_next_page_link_is_offered_only_when_there_is_more(client, monkeypatch):
    monkeypatch.setattr(views, "LIST_PAGE", 2)
    cases = _unit_cases(3)
    client.force_login(roles.team_leader_of(cases[0]))
    first = client.get(reverse("cases:case_list")).content.decode()
    assert 'rel="next"' in first
    last = client.get(reverse("cases:case_list"), {"after": cases[1].pk}).content.decode()
    assert 'rel="next"' not in last and 'rel="first"' in last


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("page", ["cases:case_list", "dashboard:home"])
def test_a_list_page_costs_the_same_queries_with_3_or_12_cases(client, monkeypatch, page):
    monkeypatch.setattr(views, "LIST_PAGE", 50)
    cases = _unit_cases(3)
    leader = roles.team_leader_of(cases[0])
    client.force_login(leader)
    url = reverse(page)
    client.get(url)  # the first request loads the session and per-user caches
    few = _queries(client, url)
    _unit_cases(9, unit=cases[0].unit)
    assert _queries(client, url) == few
