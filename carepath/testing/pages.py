"""Pages as tests read them."""

from django.test import Client
from django.urls import reverse

from carepath.accounts.models import User
from carepath.cases.models import Case


def case_page(client: Client, case: Case, user: User | None = None) -> str:
    """The HTML of the case page as `user` (by default the case manager) sees it; the page must answer 200."""
    client.force_login(user or case.signal.received_by)
    response = client.get(reverse("cases:case_detail", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()
