"""The demo's catalogue, every page and record, validates against the shipped HSDS schemas."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from carepath.accounts.models import User
from carepath.directory.tests.helpers import get_json, walk
from carepath.organisations.models import Organisation, Service
from carepath.people.models import Person

pytestmark = pytest.mark.django_db


def test_the_demo_export_validates_holds_every_record_and_names_no_one():
    call_command("demo", stdout=StringIO())
    bodies = walk(Client(), per_page=3)  # every page and record, each validated on the way

    pages = [b for b in bodies if "contents" in b]
    services = [s for p in pages for s in p["contents"] if "status" in s]
    organisations = [o for p in pages for o in p["contents"] if "status" not in o]
    assert len(services) == Service.objects.count() > 0
    assert len(organisations) == Organisation.objects.count() > 0
    assert any(detail.get("service_at_locations") for detail in bodies if "status" in detail)

    text = json.dumps(bodies, ensure_ascii=False)
    staff = [f"{u.first_name} {u.last_name}" for u in User.objects.exclude(last_name="")]
    people = [f"{p.given_name} {p.family_name}" for p in Person.objects.all()]
    assert staff and people
    for name in staff + people:
        assert name not in text


def test_the_root_tells_the_hsds_version():
    body = get_json(Client(), "/")
    assert body["version"] == "3.0"
    assert "no personal data" in body["description"]
