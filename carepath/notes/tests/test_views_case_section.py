import pytest
from django.urls import reverse

from carepath.cases.models import Case
from carepath.testing.factories import CaseFactory, ProgressNoteFactory, StepFactory, UserFactory
from carepath.testing.pages import case_page
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def test_section_lists_notes_with_author_goal_step_and_restriction(client):
    step = StepFactory(what="Buy a bus ticket")
    case = step.goal.case
    author = UserFactory(first_name="Ona", last_name="Petraitė")
    ProgressNoteFactory(case=case, goal=step.goal, step=step, written_by=author, text="Bought it alone.",
                        is_restricted=True, restriction_reason="Concerns a third person")
    body = case_page(client, case)
    assert "Bought it alone." in body and "Ona Petraitė" in body
    assert "Travel to Riga by bus" in body and "Buy a bus ticket" in body
    assert "Restricted" in body and "Concerns a third person" in body


def test_note_link_for_who_sees_an_open_case(client):
    case = CaseFactory()
    url = reverse("notes:note_new", args=[case.pk])
    assert url in case_page(client, case)
    assert url in case_page(client, case, provider_staff_on(case))


def test_no_note_link_on_a_closed_case(client):
    case = CaseFactory()
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    assert reverse("notes:note_new", args=[case.pk]) not in case_page(client, case)
