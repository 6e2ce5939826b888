import pytest
from django.test import RequestFactory

from carepath.cases.forms import CloseCaseForm
from carepath.core.concurrency import StaleEdit, save_versioned
from carepath.core.views import render_form
from carepath.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_save_with_current_version_bumps_it():
    case = CaseFactory()
    case.closure_reason = "first"
    save_versioned(case, expected_version=1, fields=["closure_reason"])
    case.refresh_from_db()
    assert (case.version, case.closure_reason) == (2, "first")


def test_stale_save_is_refused_and_tells_the_current_version():
    case = CaseFactory()
    save_versioned(case, expected_version=1, fields=["closure_reason"])
    case.closure_reason = "overwritten?"
    with pytest.raises(StaleEdit) as refused:
        save_versioned(case, expected_version=1, fields=["closure_reason"])
    assert refused.value.current_version == 2
    case.refresh_from_db()
    assert case.closure_reason == ""


def test_after_a_stale_warning_the_form_carries_the_current_version_and_the_typed_text():
    case = CaseFactory()
    form = CloseCaseForm(
        {"outcome": "goals_reached", "closure_reason": "My text", "seen_version": "1"}, instance=case
    )
    assert form.is_valid()
    request = RequestFactory().post("/")
    request.user = case.signal.received_by
    response = render_form(request, form, title="Close", stale=StaleEdit(current_version=3))
    assert response.status_code == 409
    assert form.data["seen_version"] == "3"
    assert "My text" in response.content.decode()
