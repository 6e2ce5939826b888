import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.testing.factories import CaseFactory
from carepath.testing.files import PNG, scan
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import DECISION_PAGE_ANSWERS, someone

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("consents:consent_new", args=[case.pk])


def _data(**changes):
    data = {
        "given_by": "Maria Silva",
        "relation": "mother",
        "scope": Consent.Scope.INTERVENTION,
        "scope_details": "",
        "method": Consent.Method.IN_PERSON,
        "given_on": timezone.localdate().isoformat(),
    }
    return data | changes


def test_case_worker_sees_the_form(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.get(_url(case))
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_case_worker_records_consent_in_person(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(), follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/cases/{case.pk}/#consent")
    assert "The consent is recorded." in response.content.decode()
    consent = Consent.objects.get(case=case)
    assert (consent.given_by, consent.recorded_by) == ("Maria Silva", case.signal.received_by)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what="consents.consent").count() == 1


@pytest.mark.parametrize(("name", "content", "kind"), [("scan.pdf", None, ".pdf"), ("photo.PNG", PNG, ".png")])
def test_paper_consent_is_recorded_with_its_scan(client, name, content, kind):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    upload = scan(name) if content is None else scan(name, content, "image/png")
    response = client.post(_url(case), _data(method=Consent.Method.PAPER, document=upload))
    assert response.status_code == 302
    assert Consent.objects.get(case=case).document.name.endswith(kind)


def test_paper_consent_without_scan_answers_400_with_message_and_kept_input(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(method=Consent.Method.PAPER, given_by="Rita Vaz"))
    assert_form_error(response, "document", "Upload the scan of the signed paper.", kept=['value="Rita Vaz"'])
    assert not Consent.objects.exists()


def test_scan_of_the_wrong_kind_is_refused(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    fake = scan("scan.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(_url(case), _data(method=Consent.Method.PAPER, document=fake))
    assert_form_error(response, "document", "not a real PDF file")
    assert not Consent.objects.exists()


def test_scan_over_20_mb_is_refused(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    big = scan("scan.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024))
    response = client.post(_url(case), _data(method=Consent.Method.PAPER, document=big))
    assert_form_error(response, "document", "The file must be 20 MB or smaller.")


def test_a_scan_with_consent_in_person_is_refused(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(document=scan()))
    assert_form_error(response, "document", "A scan is only kept for consent signed on paper.")


def test_other_errors_ask_to_choose_the_scan_again(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(method=Consent.Method.PAPER, document=scan(), given_by=""))
    assert_form_error(response, "given_by", "Enter who consented.")
    assert "Choose the scan again" in response.content.decode()


def test_consent_date_in_the_future_is_refused(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(_url(case), _data(given_on=tomorrow.isoformat()))
    assert_form_error(response, "given_on", "cannot be in the future")


@pytest.mark.parametrize(("who", "get", "post"), DECISION_PAGE_ANSWERS)
def test_only_who_manages_the_case_records_consent(client, who, get, post):
    case = CaseFactory()
    client.force_login(someone(who, case))
    assert client.get(_url(case)).status_code == get
    assert client.post(_url(case), _data()).status_code == post
    assert Consent.objects.filter(recorded_by__organisation=case.unit.organisation, scope="intervention").exists() == (
        post == 302
    )


def test_closed_case_takes_no_new_consent(client):
    case = CaseFactory(status=Case.Status.CLOSED)
    client.force_login(case.signal.received_by)
    assert client.get(_url(case)).status_code == 403
