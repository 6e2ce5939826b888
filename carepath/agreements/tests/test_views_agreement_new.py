import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.agreements import services
from carepath.agreements.models import AgreementVersion
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.testing.factories import AgreementActionFactory, CaseFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import DECISION_PAGE_ANSWERS, someone

pytestmark = pytest.mark.django_db

LATER = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()


def _url(case):
    return reverse("agreements:agreement_new", args=[case.pk])


def _data(rows, *, seen_version=0, **changes):
    data = {
        "summary": "Mornings are hard; school first.",
        "accepted_by_family": "Maria Silva",
        "accepted_on": timezone.localdate().isoformat(),
        "seen_version": str(seen_version),
        "actions-TOTAL_FORMS": str(len(rows)),
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "30",
    }
    for i, (who, what, by_when) in enumerate(rows):
        data |= {f"actions-{i}-who": who, f"actions-{i}-what": what, f"actions-{i}-by_when": by_when}
    return data | changes


EMPTY = ("", "", "")


def test_first_agreement_form_has_empty_action_rows(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.get(_url(case))
    assert response.status_code == 200
    assert response.context["actions"].total_form_count() == 3
    assert "Record the agreement" in response.content.decode()


def test_case_worker_records_the_first_version(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    rows = [("Maria", "Wakes the children at 7.", LATER), EMPTY, EMPTY]
    response = client.post(_url(case), _data(rows), follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/cases/{case.pk}/#agreement")
    assert "The agreement is saved as a new version." in response.content.decode()
    version = AgreementVersion.objects.get(case=case)
    assert version.number == 1
    assert [a.what for a in version.actions.all()] == ["Wakes the children at 7."]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what="agreements.agreementversion").exists()


def test_renegotiating_starts_from_the_previous_actions(client):
    action = AgreementActionFactory(who="João", what="Calls the school on Mondays.")
    case = action.version.case
    client.force_login(case.signal.received_by)
    response = client.get(_url(case))
    actions = response.context["actions"]
    assert actions.total_form_count() == 4  # one carried over, three empty
    assert actions.forms[0].initial["what"] == "Calls the school on Mondays."
    assert response.context["form"].initial["seen_version"] == 1
    assert response.context["form"].initial["accepted_by_family"] == "Maria Silva"
    assert 'value="João"' in response.content.decode()


def test_renegotiated_version_is_number_two_and_drops_emptied_rows(client):
    action = AgreementActionFactory()
    case = action.version.case
    client.force_login(case.signal.received_by)
    rows = [EMPTY, ("Ana (teacher)", "Sends a note each Friday.", LATER)]
    assert client.post(_url(case), _data(rows, seen_version=1)).status_code == 302
    new = AgreementVersion.objects.get(case=case, number=2)
    assert [a.who for a in new.actions.all()] == ["Ana (teacher)"]
    assert action.version.actions.count() == 1  # the old version is never edited


def test_no_action_answers_400_with_message_and_kept_input(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data([EMPTY, EMPTY], accepted_by_family="Rita Vaz"))
    assert_form_error(response, None, "Add at least one action: who does what by when.", kept=['value="Rita Vaz"'])
    assert not AgreementVersion.objects.exists()


def test_half_filled_row_answers_400_with_the_row_named(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data([("Maria", "", LATER), EMPTY]))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Action 1: Say what they do." in body
    assert 'id="actions-0-what-error"' in body
    assert 'aria-describedby="actions-0-what-error"' in body
    assert not AgreementVersion.objects.exists()


def test_missing_family_acceptance_answers_400(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data([("Maria", "Cooks", LATER)], accepted_by_family=""))
    assert_form_error(response, "accepted_by_family", "Enter who accepted the agreement for the family.")


def test_double_submit_answers_409_keeps_input_and_can_be_saved_again(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    rows = [("Maria", "Wakes the children at 7.", LATER)]
    assert client.post(_url(case), _data(rows)).status_code == 302
    response = client.post(_url(case), _data([("Maria", "My second text", LATER)]))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone saved a new version of the agreement meanwhile." in body
    assert "My second text" in body
    assert 'name="seen_version" value="1"' in body
    assert AgreementVersion.objects.filter(case=case).count() == 1
    again = client.post(_url(case), _data([("Maria", "My second text", LATER)], seen_version=1))
    assert again.status_code == 302


def test_race_on_the_unique_number_answers_409_not_500(client, monkeypatch):
    case = CaseFactory()
    AgreementActionFactory(version__case=case)
    monkeypatch.setattr(services, "latest_number", lambda case: 0)
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data([("Maria", "Cooks", LATER)]))
    assert response.status_code == 409
    assert AgreementVersion.objects.filter(case=case).count() == 1


@pytest.mark.parametrize(("who", "get", "post"), DECISION_PAGE_ANSWERS)
def test_only_who_manages_the_case_records_the_agreement(client, who, get, post):
    case = CaseFactory()
    client.force_login(someone(who, case))
    assert client.get(_url(case)).status_code == get
    assert client.post(_url(case), _data([("Maria", "Cooks", LATER)])).status_code == post
    assert AgreementVersion.objects.exists() == (post == 302)


def test_closed_case_takes_no_new_version(client):
    case = CaseFactory(status=Case.Status.CLOSED)
    client.force_login(case.signal.received_by)
    assert client.get(_url(case)).status_code == 403
