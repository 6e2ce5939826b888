"""After Action Reviews and Appreciative Inquiries: list, new, detail for a unit of one's own organisation."""

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.learning.models import AfterActionReview, AppreciativeInquiry
from carepath.learning.tests.factories import AfterActionReviewFactory, AppreciativeInquiryFactory
from carepath.testing.factories import ProviderStaffFactory, UnitFactory, UserFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db

KINDS = [
    ("review", AfterActionReviewFactory, AfterActionReview,
     {"planned": "Three evenings", "happened": "Two evenings", "why_different": "Staff left", "lessons": "Plan ahead"}),
    ("inquiry", AppreciativeInquiryFactory, AppreciativeInquiry,
     {"discover": "Breakfast works", "dream": "Own breakfast", "design": "A rota", "destiny": "Rasa, May"}),
]


@pytest.mark.parametrize(("kind", "factory", "model", "texts"), KINDS, ids=["review", "inquiry"])
def test_staff_record_one_for_their_unit_and_read_it_back(client, kind, factory, model, texts):
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse(f"learning:{kind}_new")).status_code == 200
    data = {"unit": user.unit_id, "subject": "Evening support pilot", "held_on": timezone.localdate().isoformat()}
    response = client.post(reverse(f"learning:{kind}_new"), data | texts)
    saved = model.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(f"learning:{kind}_detail", args=[saved.pk])
    assert (saved.unit, saved.created_by) == (user.unit, user)
    assert AuditEvent.objects.filter(user=user, action="create", what=model._meta.label_lower).exists()
    body = client.get(response["Location"]).content.decode()
    assert all(text in body for text in texts.values())
    listing = client.get(reverse(f"learning:{kind}_list")).content.decode()
    assert "Evening support pilot" in listing


@pytest.mark.parametrize(("kind", "factory", "model", "texts"), KINDS, ids=["review", "inquiry"])
def test_a_refused_record_keeps_the_input(client, kind, factory, model, texts):
    user = UserFactory()
    client.force_login(user)
    first = next(iter(texts))
    data = {"unit": user.unit_id, "subject": "Evening support pilot", "held_on": timezone.localdate().isoformat()}
    response = client.post(reverse(f"learning:{kind}_new"), data | texts | {first: ""})
    assert_form_error(response, first, "This field is required.", kept=['value="Evening support pilot"'])
    assert not model.objects.exists()


@pytest.mark.parametrize(("kind", "factory", "model", "texts"), KINDS, ids=["review", "inquiry"])
def test_only_the_units_organisation_sees_it(client, kind, factory, model, texts):
    record = factory()
    detail = reverse(f"learning:{kind}_detail", args=[record.pk])
    colleague = ProviderStaffFactory(unit=UnitFactory(organisation=record.unit.organisation), role="team_leader")
    client.force_login(colleague)
    assert client.get(detail).status_code == 200
    for outsider in (UserFactory(), ProviderStaffFactory(), administrator()):
        client.force_login(outsider)
        assert client.get(detail).status_code == 404
        assert record.subject not in client.get(reverse(f"learning:{kind}_list")).content.decode()
    assert AuditEvent.objects.filter(action="denied", what=model._meta.label_lower, object_id=record.pk).count() == 3


@pytest.mark.parametrize(("kind", "factory", "model", "texts"), KINDS, ids=["review", "inquiry"])
def test_the_list_filters_by_unit(client, kind, factory, model, texts):
    user = UserFactory()
    mine = factory(unit=user.unit, subject="Ours")
    factory(unit=UnitFactory(organisation=user.organisation), subject="Next door")
    client.force_login(user)
    body = client.get(reverse(f"learning:{kind}_list"), {"unit": mine.unit_id}).content.decode()
    assert "Ours" in body and "Next door" not in body


def test_an_administrator_outside_any_organisation_records_none(client):
    client.force_login(administrator())
    assert client.get(reverse("learning:review_new")).status_code == 403
    assert client.get(reverse("learning:inquiry_new")).status_code == 403
