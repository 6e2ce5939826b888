import uuid

from django.test import override_settings

from carepath.directory import ids


def test_an_id_is_a_uuid5_of_the_kind_and_key_in_the_documented_namespace():
    assert ids.DEFAULT_NAMESPACE == uuid.uuid5(uuid.NAMESPACE_URL, "urn:carepath:hsds")
    value = ids.hsds_id(ids.SERVICE, 7)
    assert value == str(uuid.uuid5(ids.DEFAULT_NAMESPACE, "service:7"))
    assert uuid.UUID(value).version == 5


def test_the_same_record_always_gets_the_same_id_and_kinds_do_not_collide():
    assert ids.hsds_id(ids.SERVICE, 7) == ids.hsds_id(ids.SERVICE, 7)
    assert ids.hsds_id(ids.SERVICE, 7) != ids.hsds_id(ids.ORGANIZATION, 7)
    assert ids.hsds_id(ids.SERVICE, 7) != ids.hsds_id(ids.SERVICE, 8)


def test_an_installation_can_have_its_own_namespace():
    mine = "0b6f3a8e-2f1c-4c55-9a43-6f0d3c9a1e21"
    with override_settings(CAREPATH_HSDS_NAMESPACE=mine):
        assert ids.hsds_id(ids.SERVICE, 7) == str(uuid.uuid5(uuid.UUID(mine), "service:7"))
    assert ids.hsds_id(ids.SERVICE, 7) != str(uuid.uuid5(uuid.UUID(mine), "service:7"))
