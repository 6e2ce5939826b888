"""The demo's focus group after the visit to the bank and its After Action Review."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from carepath.accounts.models import User
from carepath.learning.models import AfterActionReview, FocusGroup

pytestmark = pytest.mark.django_db


def test_the_key_worker_opens_the_bank_focus_group_with_both_residents_and_the_picture(client):
    call_command("demo", stdout=StringIO())
    group = FocusGroup.objects.get(activity="The residents' visit to the bank")
    assert sorted(group.cases.values_list("person__given_name", flat=True)) == ["Aistė", "Tomas"]
    client.force_login(User.objects.get(username="living"))
    body = client.get(reverse("learning:focus_group_detail", args=[group.pk])).content.decode()
    assert "Tomas" in body and "Aistė" in body and "savings jar" in body
    material = group.materials.get()
    assert client.get(reverse("learning:material_file", args=[material.pk])).status_code == 200
    review = AfterActionReview.objects.get()
    client.force_login(User.objects.get(username="quality"))
    assert client.get(reverse("learning:review_detail", args=[review.pk])).status_code == 200
    assert client.get(reverse("learning:focus_group_detail", args=[group.pk])).status_code == 404  # the provider's
