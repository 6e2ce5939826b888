from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.support import importing
from carepath.support.models import SupportEncoding, SupportRecord
from carepath.support.tests.factories import municipality_staff

pytestmark = pytest.mark.django_db

EXAMPLE = Path(importing.__file__).parent / "examples" / "support.csv"
HEADINGS = "given_names,family_names,birth_date,address,kind,given_on,amount,unit,place,note\n"


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("support.csv", text.encode(), content_type="text/csv")


def test_a_check_names_the_row_and_column_of_each_problem_and_imports_nothing(client):
    client.force_login(municipality_staff())
    text = HEADINGS + (
        "Ana,Ferreira,12.06.1984,12 Mill Lane,food,2026-03-01,60,EUR,Town hall,\n"
        "Marek,Kowalczyk,,,shoes,2026-03-02,,,,\n"
    )
    for button in ("check", "import"):
        response = client.post(reverse("support:support_import"), {"file": upload(text), button: "1"})
        assert response.status_code == 400
        body = response.content.decode()
        assert "<code>kind</code>" in body and ">3<" in body and "Use one of these codes" in body
        assert "shoes" not in body  # the value itself is never repeated
    assert not SupportRecord.objects.exists()


def test_a_check_of_a_good_file_imports_nothing_and_the_import_records_every_row(client):
    worker = municipality_staff()
    client.force_login(worker)
    content = EXAMPLE.read_text(encoding="utf-8")
    checked = client.post(reverse("support:support_import"), {"file": upload(content), "check": "1"})
    assert checked.status_code == 200 and not SupportRecord.objects.exists()
    rows = len(content.strip().splitlines()) - 1
    imported = client.post(reverse("support:support_import"), {"file": upload(content), "import": "1"})
    assert imported.status_code == 200
    records = SupportRecord.objects.filter(institution_id=worker.organisation_id, source="import")
    assert records.count() == rows
    assert SupportEncoding.objects.count() == rows
    assert AuditEvent.objects.filter(action="create", what="support.supportrecord").count() == rows


def test_a_missing_required_column_is_reported_on_the_heading_row(client):
    client.force_login(municipality_staff())
    response = client.post(
        reverse("support:support_import"), {"file": upload("given_names,family_names\nAna,Ferreira\n"), "check": "1"}
    )
    assert response.status_code == 400 and "<code>kind</code>" in response.content.decode()
