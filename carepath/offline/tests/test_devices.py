import base64
import datetime
import os

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.test import override_settings
from django.utils import timezone

from carepath.offline import devices, services
from carepath.offline.models import Device, TakeAlong
from carepath.offline.tests.factories import device_with
from carepath.testing import roles
from carepath.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db


def _encrypt(key: bytes, text: bytes) -> tuple[bytes, bytes]:
    """What the device does with Web Crypto: AES-GCM, a random 96-bit IV per record."""
    iv = os.urandom(12)
    return iv, AESGCM(key).encrypt(iv, text, None)


def test_the_key_is_released_to_its_own_user_while_it_lives():
    case = CaseFactory()
    worker = case.signal.received_by
    device, token = device_with(worker, [case])
    assert devices.of_request(worker, token) == device
    assert devices.of_request(roles.stranger(), token) is None  # someone else's session gets no device
    assert len(devices.release_key(device)) == 32


@override_settings(CAREPATH_OFFLINE_KEY_HOURS=72)
def test_an_expired_cache_cannot_be_decrypted():
    case = CaseFactory()
    worker = case.signal.received_by
    device, _token = device_with(worker, [case])
    key = devices.release_key(device)
    iv, sealed = _encrypt(key, b'{"name": "Jonas"}')

    later = timezone.now() + datetime.timedelta(hours=72, seconds=1)
    with pytest.raises(devices.Wipe) as wipe:
        devices.release_key(device, now=later)
    assert wipe.value.reason == "expired"
    device.refresh_from_db()
    assert device.key is None  # destroyed: the server can never release it again
    with pytest.raises(devices.Wipe):
        devices.release_key(device, now=later)
    # Taking cases along again makes a new key, which does not open what was sealed before.
    services.take_along(device=device, user=worker, case_ids=[case.pk])
    device.refresh_from_db()
    with pytest.raises(InvalidTag):
        AESGCM(bytes(device.key)).decrypt(iv, sealed, None)


def test_a_new_take_along_gives_a_new_key():
    case = CaseFactory()
    worker = case.signal.received_by
    device, _token = device_with(worker, [case])
    first = devices.release_key(device)
    services.take_along(device=device, user=worker, case_ids=[case.pk])
    assert devices.release_key(device) != first


def test_a_revoked_device_gets_no_key_and_holds_no_case():
    case = CaseFactory()
    worker = case.signal.received_by
    device, _token = device_with(worker, [case])
    devices.revoke(device=device, by=roles.administrator())
    device.refresh_from_db()
    assert device.is_revoked and device.key is None
    assert not TakeAlong.objects.filter(device=device).exists()
    with pytest.raises(devices.Wipe) as wipe:
        devices.release_key(device)
    assert wipe.value.reason == "revoked"
    with pytest.raises(ValueError):
        services.take_along(device=device, user=worker, case_ids=[case.pk])


def test_signing_out_destroys_the_key_of_this_browser_only(client):
    case = CaseFactory()
    worker = case.signal.received_by
    here, token = device_with(worker, [case], name="here")
    there, _other = device_with(worker, [case], name="there")
    client.force_login(worker)
    client.cookies[devices.COOKIE] = token
    response = client.post("/accounts/logout/")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert Device.objects.get(pk=here.pk).key is None
    assert Device.objects.get(pk=there.pk).key is not None
    with pytest.raises(devices.Wipe) as wipe:
        devices.release_key(here)
    assert wipe.value.reason == "logged_out"


def test_the_key_answer_carries_the_key_and_a_wipe_when_it_expired(client):
    case = CaseFactory()
    worker = case.signal.received_by
    device, token = device_with(worker, [case])
    client.force_login(worker)
    client.cookies[devices.COOKIE] = token
    answer = client.get("/offline/api/key/")
    assert answer.status_code == 200
    assert base64.b64decode(answer.json()["key"]) == bytes(Device.objects.get(pk=device.pk).key)
    assert answer.json()["cases"] == [case.pk]
    Device.objects.filter(pk=device.pk).update(key_expires_at=timezone.now() - datetime.timedelta(seconds=1))
    expired = client.get("/offline/api/key/")
    assert (expired.status_code, expired.json()) == (410, {"wipe": True, "reason": "expired"})


def test_a_browser_without_a_device_and_a_signed_out_one_get_no_key(client):
    worker = CaseFactory().signal.received_by
    assert client.get("/offline/api/key/").status_code == 401
    client.force_login(worker)
    assert client.get("/offline/api/key/").json() == {"error": "no_device"}
