import pytest
from django.urls import reverse
from django.utils.html import escape

from carepath.accounts.models import Role
from carepath.core.concurrency import StaleEdit
from carepath.practices.choices import Criterion, Status, Theme
from carepath.practices.models import Assessment, Practice
from carepath.practices.tests.factories import PracticeFactory
from carepath.practices.tests.test_forms import valid_data
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(client):
    user = f.UserFactory()
    client.force_login(user)
    return user


def posted(data):
    """The form data as a browser posts it (lists stay lists)."""
    return {k: v for k, v in data.items()}


def test_library_lists_practices_with_filters(client, worker):
    kept = PracticeFactory(title="Early intervention", country="LT", themes=[Theme.CHILDREN_FAMILIES])
    PracticeFactory(title="Social broker", country="IT", themes=[Theme.COMMUNITY_CARE], principles=[3])
    page = client.get(reverse("practices:library"), {"country": "LT", "theme": Theme.CHILDREN_FAMILIES})
    assert page.status_code == 200
    assert list(page.context["practices"]) == [kept]
    assert "Social broker" not in page.content.decode()
    page = client.get(reverse("practices:library"), {"principle": "3"})
    assert [p.title for p in page.context["practices"]] == ["Social broker"]
    page = client.get(reverse("practices:library"), {"status": Status.PILOT})
    assert page.context["practices"] == []


def test_library_query_count_does_not_grow_with_the_practices(client, worker, django_assert_max_num_queries):
    for _ in range(12):
        PracticeFactory()
    with django_assert_max_num_queries(12):
        client.get(reverse("practices:library"))


def test_detail_shows_every_esn_field(client, worker):
    practice = PracticeFactory(
        objective_2="Educate the public.",
        links="https://www.valakampusn.lt/en/",
        comments_and_tips="Start with small dreams.",
        themes=[Theme.DISABILITY, Theme.PERSON_CENTRED],
        principles=[17],
    )
    page = client.get(reverse("practices:practice_detail", args=[practice.pk]))
    html = page.content.decode()
    for text in (
        practice.title,
        practice.organisations,
        "Lithuania",
        practice.contact,
        "Disability",
        "Person-Centred Care",
        "17. Inclusion of people with disabilities",
        "Established and ongoing practice",
        practice.summary,
        practice.context,
        practice.objective_1,
        "Educate the public.",
        practice.activities,
        practice.outcomes,
        practice.evaluation,
        "https://www.valakampusn.lt/en/",
        "Start with small dreams.",
    ):
        assert text in html, text


def test_detail_query_count(client, worker, django_assert_max_num_queries):
    practice = PracticeFactory()
    reviewer = f.UserFactory(role=Role.QUALITY_COORDINATOR)
    from carepath.practices.services import assess_practice

    assess_practice(
        practice=practice,
        by=reviewer,
        assessed_on=practice.created_at.date(),
        scores={c.value: (4, "Fine") for c in Criterion},
    )
    with django_assert_max_num_queries(20):
        client.get(reverse("practices:practice_detail", args=[practice.pk]))


def test_new_practice_is_documented_by_the_users_organisation(client, worker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("practices:practice_new"), valid_data())
    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("practices:practice_detail", args=[practice.pk])
    assert practice.owner == worker.organisation
    assert practice.created_by == worker
    assert sorted(practice.themes.values_list("theme", flat=True)) == [Theme.DISABILITY, Theme.PERSON_CENTRED]
    assert list(practice.principles.values_list("principle", flat=True)) == [17]


def test_a_form_with_errors_answers_400_and_keeps_what_was_typed(client, worker):
    data = valid_data(summary="One. Two. Three. Four.", context="Kept context")
    response = client.post(reverse("practices:practice_new"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 3 sentences" in html
    assert "Kept context" in html
    assert "One. Two. Three. Four." in html
    assert not Practice.objects.exists()


def test_only_the_documenting_organisation_edits_and_a_stale_edit_is_409(client, worker):
    practice = PracticeFactory(owner=worker.organisation)
    other = PracticeFactory()
    assert client.get(reverse("practices:practice_edit", args=[other.pk])).status_code == 403
    url = reverse("practices:practice_edit", args=[practice.pk])
    assert client.get(url).status_code == 200
    Practice.objects.filter(pk=practice.pk).update(version=practice.version + 1)  # someone else saved
    data = valid_data(title="My new title", seen_version=practice.version)
    response = client.post(url, data)
    assert response.status_code == 409
    assert "My new title" in response.content.decode()
    practice.refresh_from_db()
    assert practice.title != "My new title"
    assert StaleEdit.message  # the page shows the shared message
    response = client.post(url, {**data, "seen_version": practice.version})
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title == "My new title"


def test_a_reviewer_assesses_on_the_eight_criteria_and_the_page_shows_them(client):
    practice = PracticeFactory()
    url = reverse("practices:practice_assess", args=[practice.pk])
    case_worker = f.UserFactory()
    client.force_login(case_worker)
    assert client.get(url).status_code == 403
    reviewers = [f.UserFactory(role=Role.QUALITY_COORDINATOR), f.UserFactory(role=Role.TEAM_LEADER)]
    for reviewer, score in zip(reviewers, (3, 5), strict=True):
        client.force_login(reviewer)
        data = {"assessed_on": "2026-11-01"}
        for c in Criterion:
            data[f"score_{c.value}"] = str(score)
            data[f"comment_{c.value}"] = f"{reviewer.last_name} on {c.value}"
        assert client.post(url, data).status_code == 302
    assert Assessment.objects.filter(practice=practice).count() == 2
    page = client.get(reverse("practices:practice_detail", args=[practice.pk]))
    criteria = page.context["criteria"]
    assert [row.criterion for row in criteria] == list(Criterion)
    assert all(row.mean == 4.0 and row.reviewers == 2 for row in criteria)
    html = page.content.decode()
    for c in Criterion:
        assert escape(str(c.label)) in html
    assert f"{reviewers[0].last_name} on 6" in html
    # Assessing again replaces the reviewer's scores: each reviewer counts once.
    data = {"assessed_on": "2026-11-02", **{f"score_{c.value}": "1" for c in Criterion}}
    client.post(url, data)
    assert Assessment.objects.filter(practice=practice).count() == 2
    page = client.get(reverse("practices:practice_detail", args=[practice.pk]))
    assert page.context["criteria"][0].mean == 2.0


def test_exports_answer_with_a_pdf_and_a_csv(client, worker):
    practice = PracticeFactory(title="Tikiu neįtikėtinu")
    pdf = client.get(reverse("practices:practice_pdf", args=[practice.pk]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    csv = client.get(reverse("practices:library_csv"))
    assert csv.status_code == 200
    assert "Tikiu neįtikėtinu" in csv.content.decode("utf-8-sig")


def test_citizens_never_reach_the_library(client):
    client.force_login(f.CitizenFactory())
    assert client.get(reverse("practices:library")).status_code == 403
