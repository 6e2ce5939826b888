import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from carepath.accounts.models import Role
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.goals.models import Goal
from carepath.imports.tests.helpers import Town, csv_bytes, good_rows, row, xlsx_bytes
from carepath.people.models import Person
from carepath.testing import factories as f
from carepath.testing.forms import assert_form_error

pytestmark = pytest.mark.django_db
URL = reverse("imports:caseload_import")


def upload(content: bytes, name: str = "caseload.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture
def leader_client(client, town: Town):
    client.force_login(town.leader)
    return client


@pytest.mark.parametrize("who", ["leader", "administrator"])
def test_the_page_opens_for_team_leaders_and_administrators(client, town: Town, who: str):
    client.force_login(getattr(town, who))

    page = client.get(URL)

    assert page.status_code == 200
    body = page.content.decode()
    assert 'enctype="multipart/form-data"' in body and 'name="check"' in body and 'name="import"' in body
    assert "<code>goal_life_domain</code>" in body  # the columns are explained on the page
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    "make",
    [
        lambda town: town.caseworker,
        lambda town: f.ProviderStaffFactory.create(),
        lambda town: f.UserFactory.create(role=Role.QUALITY_COORDINATOR, unit=town.adults),
    ],
    ids=["case worker", "provider staff", "quality coordinator"],
)
def test_other_staff_get_403_and_import_nothing(client, town: Town, make):
    client.force_login(make(town))

    assert client.get(URL).status_code == 403
    assert client.post(URL, {"file": upload(csv_bytes(good_rows())), "import": "1"}).status_code == 403
    assert not Case.objects.exists()


def test_a_citizen_gets_403_and_a_stranger_is_sent_to_sign_in(client, town: Town):
    assert client.get(URL).status_code == 302
    client.force_login(f.CitizenFactory.create())
    assert client.get(URL).status_code == 403


def test_check_only_shows_what_would_be_created_and_writes_nothing(leader_client):
    page = leader_client.post(URL, {"file": upload(csv_bytes(good_rows())), "check": "1"})

    assert page.status_code == 200
    body = page.content.decode()
    assert "this is what importing it would do" in body
    assert body.count("Will be created") == 3
    assert "R-1" in body and "Adult social services" in body
    assert not Case.objects.exists() and not AuditEvent.objects.exists()


def test_import_creates_the_cases_and_says_so(leader_client):
    page = leader_client.post(URL, {"file": upload(xlsx_bytes(good_rows()), "caseload.xlsx"), "import": "1"})

    assert page.status_code == 200
    assert (Person.objects.count(), Case.objects.count(), Goal.objects.count()) == (2, 3, 3)
    body = page.content.decode()
    assert "3 cases imported." in body
    for case in Case.objects.all():
        assert f"Created as {case.reference}" in body

    again = leader_client.post(URL, {"file": upload(csv_bytes(good_rows())), "import": "1"})
    assert again.content.decode().count("Imported before: left as it is") == 3
    assert Case.objects.count() == 3


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_bad_row_is_named_by_row_and_column_and_nothing_is_imported(leader_client, kind: str):
    rows = [*good_rows(), row(reference="R-9", unit="Nowhere")]
    content = csv_bytes(rows) if kind == "csv" else xlsx_bytes(rows)

    page = leader_client.post(URL, {"file": upload(content, f"caseload.{kind}"), "import": "1"})

    assert_form_error(page, "file", "The file has 1 problem, so nothing was imported.")
    body = page.content.decode()
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">6</td>' in body
    assert "<code>unit</code>" in body and "Carepath has no unit of this name." in body
    assert not Case.objects.exists() and not Person.objects.exists() and not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("caseload.pdf", b"%PDF-1.4", "The file must be a CSV or XLSX file."),
        ("caseload.xlsx", b"given_name\n", "The file is not what its name says."),
        ("caseload.csv", b"PK\x03\x04....", "The file is not what its name says."),
    ],
)
def test_a_file_of_another_kind_is_refused(leader_client, name: str, content: bytes, message: str):
    page = leader_client.post(URL, {"file": upload(content, name), "check": "1"})

    assert_form_error(page, "file", message)


def test_posting_no_file_asks_for_one_in_a_summary_linked_to_the_field(leader_client):
    page = leader_client.post(URL, {"check": "1"})

    assert_form_error(page, "file", "Choose the file to check or import.")
    body = page.content.decode()
    assert '<a href="#id_file">' in body and 'id="id_file"' in body
    assert body.index("govuk-error-summary") < body.index('<form method="post" enctype')


def test_a_file_that_cannot_be_read_is_reported_for_the_whole_file(leader_client):
    page = leader_client.post(URL, {"file": upload("given_name\nÖ".encode("latin-1")), "check": "1"})

    assert page.status_code == 400
    assert "The whole file" in page.content.decode()


def test_an_imported_case_opens_for_its_case_manager_and_the_team_leader(client, town: Town):
    client.force_login(town.leader)
    client.post(URL, {"file": upload(csv_bytes(good_rows())), "import": "1"})
    case = Case.objects.get(imported_from__reference="R-2")

    assert client.get(case.get_absolute_url()).status_code == 200
    client.force_login(town.caseworker)  # named as its case manager
    page = client.get(case.get_absolute_url())
    assert page.status_code == 200 and "Vaitė" in page.content.decode()


def test_a_case_worker_with_no_relation_to_an_imported_case_gets_404(client, town: Town):
    client.force_login(town.leader)
    client.post(URL, {"file": upload(csv_bytes(good_rows())), "import": "1"})
    case = Case.objects.get(imported_from__reference="R-1")

    client.force_login(f.UserFactory.create())
    assert client.get(case.get_absolute_url()).status_code == 404
