"""New passwords are hashed with Argon2; old PBKDF2 hashes still verify and are upgraded."""

import pytest
from django.contrib.auth.hashers import make_password

from carepath.settings import base
from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_new_password_is_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    user = UserFactory()
    user.set_password("correct horse battery staple")
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password("correct horse battery staple")


def test_an_old_pbkdf2_hash_still_verifies_and_is_upgraded(settings):
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    user = UserFactory()
    user.password = make_password("old secret", hasher="pbkdf2_sha256")
    user.save()
    assert user.check_password("old secret")
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
