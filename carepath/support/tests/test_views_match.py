import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.support import matching
from carepath.support.models import SupportMatch, SupportReview
from carepath.support.tests.factories import food_bank_staff, municipality_staff, support
from carepath.testing.forms import assert_form_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def found():
    worker, volunteer = municipality_staff(), food_bank_staff()
    ours = support(worker, note="Vouchers")
    support(volunteer, family_names="Fereira", address="12 Mill Lane, flat 2", note="Parcels")
    matching.run()
    return worker, volunteer, ours, SupportMatch.objects.get()


def test_the_list_shows_the_own_record_and_of_the_other_side_only_its_institution(client, found):
    worker, volunteer, _, _ = found
    client.force_login(worker)
    body = client.get(reverse("support:match_list")).content.decode()
    assert "Ferreira" in body and volunteer.organisation.name in body
    assert "Fereira" not in body and "flat 2" not in body and "Parcels" not in body
    assert "a reason to talk, not a sanction" in body


def test_the_review_page_shows_nothing_of_the_other_record_and_the_look_is_audited(client, found):
    worker, volunteer, _, match = found
    client.force_login(volunteer)
    page = client.get(reverse("support:match_review", args=[match.pk]))
    body = page.content.decode()
    assert page.status_code == 200 and "Fereira" in body and worker.organisation.name in body
    assert "Ferreira" not in body and "Vouchers" not in body
    event = AuditEvent.objects.get(action="view", what="support.supportmatch")
    assert (event.user_id, event.object_id) == (volunteer.pk, match.pk)


def test_a_review_is_recorded_and_audited(client, found):
    worker, _, ours, match = found
    client.force_login(worker)
    response = client.post(reverse("support:match_review", args=[match.pk]), {
        "outcome": "agreed", "conversation": "We agreed she gets food at the food bank, vouchers here for bills.",
    })
    assert response.status_code == 302
    review = SupportReview.objects.get()
    assert (review.institution_id, review.record, review.reviewed_by) == (worker.organisation_id, ours, worker)
    event = AuditEvent.objects.get(action="create", what="support.supportreview")
    assert (event.user_id, event.object_id) == (worker.pk, review.pk)


def test_the_conversation_is_needed_unless_it_is_not_the_same_person(client, found):
    worker, _, _, match = found
    client.force_login(worker)
    url = reverse("support:match_review", args=[match.pk])
    missing = client.post(url, {"outcome": "agreed"})
    assert_form_error(missing, "conversation", "Write down the conversation, in your words.")
    assert client.post(url, {"outcome": "not_same"}).status_code == 302


def test_each_institution_reviews_once_and_a_stale_review_answers_409_with_the_text_kept(client, found):
    worker, volunteer, _, match = found
    url = reverse("support:match_review", args=[match.pk])
    client.force_login(worker)
    first = {"outcome": "not_talked", "conversation": "Next week.", "seen_version": ""}
    assert client.post(url, first).status_code == 302
    colleague_saw = ""  # opened the page before the first review existed
    stale = client.post(url, {"outcome": "complements", "conversation": "My own words.", "seen_version": colleague_saw})
    assert stale.status_code == 409 and "My own words." in stale.content.decode()
    assert SupportReview.objects.get().conversation == "Next week."
    client.force_login(volunteer)
    assert client.post(url, {"outcome": "person_chose", "conversation": "She chose us."}).status_code == 302
    assert SupportReview.objects.count() == 2


def test_an_institution_outside_the_match_gets_404(client, found):
    *_, match = found
    stranger = food_bank_staff()
    client.force_login(stranger)
    assert client.get(reverse("support:match_review", args=[match.pk])).status_code == 404
    assert AuditEvent.objects.filter(action="denied", what="support.supportmatch", user=stranger).exists()


def test_the_match_list_reads_the_same_number_of_queries_for_more_matches(client, django_assert_max_num_queries):
    worker, volunteer = municipality_staff(), food_bank_staff()
    support(worker)
    support(volunteer)
    matching.run()
    client.force_login(worker)
    client.get(reverse("support:match_list"))  # warm up the session and the user
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("support:match_list"))
    people = [("Bea", "Lopes"), ("Karl", "Lindgren"), ("Oona", "Virtanen"), ("Piotr", "Zielinski")]
    for number, (given, family) in enumerate(people):
        born = datetime.date(1950 + 11 * number, 1 + number, 3 + 5 * number)
        person = {"given_names": given, "family_names": family, "birth_date": born, "address": ""}
        support(worker, **person)
        support(volunteer, **person)
    assert matching.run().new == len(people)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("support:match_list"))
    assert all(family in page.content.decode() for _, family in people)
