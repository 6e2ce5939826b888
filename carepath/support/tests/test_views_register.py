import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.support.tests.factories import colleague_of, food_bank_staff, municipality_staff, support
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db


def test_staff_see_their_institutions_register_and_each_record_shown_is_audited(client):
    worker = municipality_staff()
    mine = support(colleague_of(worker))
    support(food_bank_staff(), family_names="Elsewhere")
    client.force_login(worker)
    page = client.get(reverse("support:register"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Ferreira" in body and "Elsewhere" not in body
    listed = AuditEvent.objects.filter(action="listed", what="support.supportrecord", user=worker)
    assert list(listed.values_list("object_id", flat=True)) == [mine.pk]


@pytest.mark.parametrize("stranger", ["food bank", "other municipality", "no organisation"])
def test_another_institution_gets_404_for_a_record_and_the_refusal_is_audited(client, stranger):
    record = support(municipality_staff())
    user = {
        "food bank": food_bank_staff,
        "other municipality": municipality_staff,
        "no organisation": lambda: f.UserFactory(unit=None, organisation=None),
    }[stranger]()
    client.force_login(user)
    for name in ("support:record_detail", "support:record_edit"):
        assert client.get(reverse(name, args=[record.pk])).status_code == 404
    # A user of no organisation is turned away before any record is looked up: nothing to refuse.
    refusals = 0 if stranger == "no organisation" else 2
    assert AuditEvent.objects.filter(action="denied", what="support.supportrecord", user=user).count() == refusals


def test_a_user_of_no_organisation_has_no_register(client):
    client.force_login(f.UserFactory(unit=None, organisation=None))
    assert client.get(reverse("support:register")).status_code == 404


def test_a_citizen_never_reaches_the_register(client):
    client.force_login(f.CitizenFactory())
    assert client.get(reverse("support:register")).status_code == 403


def test_the_record_page_is_audited(client):
    worker = municipality_staff()
    record = support(worker)
    client.force_login(worker)
    page = client.get(reverse("support:record_detail", args=[record.pk]))
    assert page.status_code == 200 and "12 Mill Lane" in page.content.decode()
    looked = AuditEvent.objects.filter(action="view", what="support.supportrecord", object_id=record.pk, user=worker)
    assert looked.exists()


def test_the_register_reads_the_same_number_of_queries_for_more_records(client, django_assert_max_num_queries):
    worker = municipality_staff()
    support(worker)
    client.force_login(worker)
    client.get(reverse("support:register"))  # warm up the session and the user
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("support:register"))
    for number in range(12):
        support(colleague_of(worker), given_names=f"Person{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("support:register")).status_code == 200


def test_support_register_is_in_the_navigation_of_staff_of_an_institution(client):
    client.force_login(municipality_staff())
    assert f'href="{reverse("support:register")}"' in client.get(reverse("support:register")).content.decode()
