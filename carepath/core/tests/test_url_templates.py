import uuid

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse, set_script_prefix

from carepath.core import url_templates
from carepath.core.url_templates import reverse_ids


def _named_patterns(resolver: URLResolver | None = None, namespace: str = "") -> list[tuple[str, int]]:
    """Every named URL of the project as (namespaced name, number of arguments)."""
    found: list[tuple[str, int]] = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _named_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((f"{namespace}{entry.name}", entry.pattern.regex.groups))
    return found


PATTERNS = _named_patterns()


def test_the_projects_urls_are_found():
    assert len([name for name, count in PATTERNS if count]) > 50


@pytest.mark.parametrize(("name", "count"), [p for p in PATTERNS if p[1]], ids=lambda v: str(v))
def test_every_url_with_ids_is_what_django_reverses(name: str, count: int):
    for ids in ([1] * count, list(range(7, 7 + count)), [0] * count, [2**31 + 5] * count, [123456] * count):
        try:
            expected = reverse(name, args=ids)
        except NoReverseMatch:  # takes no numbers (a UUID, a token): the tag must refuse the same way
            with pytest.raises(NoReverseMatch):
                reverse_ids(name, ids)
            continue
        assert reverse_ids(name, ids) == expected


def test_anything_but_ids_goes_through_django():
    token = uuid.uuid4()
    assert reverse_ids("directory:hsds_service", [token]) == reverse("directory:hsds_service", args=[token])
    assert reverse_ids("reports:report", ["caseload"]) == reverse("reports:report", args=["caseload"])
    with pytest.raises(NoReverseMatch):
        reverse_ids("cases:case_detail", [-1])
    with pytest.raises(NoReverseMatch):
        reverse_ids("cases:case_detail", [True])


def test_a_view_whose_url_does_not_split_is_marked_and_reversed_each_time():
    url_templates._splits.clear()
    token = "ab12"
    assert reverse_ids("reminders:feed", [token]) == reverse("reminders:feed", args=[token])
    with pytest.raises(NoReverseMatch):
        reverse_ids("directory:hsds_service", [5])  # a UUID converter takes no number
    marked = [parts for key, parts in url_templates._splits.items() if key[0] == "directory:hsds_service"]
    assert marked == [url_templates._NOT_SPLITTABLE]
    assert reverse_ids("cases:case_detail", [3]) == reverse("cases:case_detail", args=[3])
    assert [parts for key, parts in url_templates._splits.items() if key[0] == "cases:case_detail"] == [
        ("/cases/", "/")
    ]


def test_the_script_prefix_is_part_of_the_link():
    set_script_prefix("/carepath/")
    try:
        assert reverse_ids("cases:case_detail", [42]) == reverse("cases:case_detail", args=[42])
        assert reverse_ids("cases:case_detail", [42]).startswith("/carepath/")
    finally:
        set_script_prefix("/")
    assert reverse_ids("cases:case_detail", [42]) == reverse("cases:case_detail", args=[42])


@override_settings(ROOT_URLCONF="carepath.urls")
def test_the_template_tag_keeps_djangos_syntax_and_errors():
    rendered = Template(
        "{% url 'cases:case_detail' case_id %}|{% url 'cases:case_detail' case_id=case_id %}|"
        "{% url 'dashboard:home' %}|{% url 'nowhere' 1 as missing %}[{{ missing }}]|"
        "{% url 'cases:case_detail' 9 as link %}{{ link }}"
    ).render(Context({"case_id": 5}))
    assert rendered == "|".join(
        [
            reverse("cases:case_detail", args=[5]),
            reverse("cases:case_detail", kwargs={"case_id": 5}),
            reverse("dashboard:home"),
            "[]",
            reverse("cases:case_detail", args=[9]),
        ]
    )
    with pytest.raises(NoReverseMatch):
        Template("{% url 'nowhere' 1 %}").render(Context())
