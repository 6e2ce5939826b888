"""The demo's staff sign in in two steps like everyone else; their authenticator is shared and known.

Every demo staff login gets a confirmed TOTP device with the same published key, so a newcomer can
add it to an authenticator app, or ask `carepath demo_code <username>` for the code of the moment.
The key is as public as the demo password: never load the demo into a real installation.
"""

import base64

from django_otp.plugins.otp_totp.models import TOTPDevice

from carepath.accounts import two_factor
from carepath.accounts.models import User

# Base32 of this key, for an authenticator app: see authenticator_key().
DEMO_KEY_HEX = "3132333435363738393031323334353637383930"  # RFC 6238's own test key


def give_authenticators(users: list[User]) -> None:
    for user in users:
        if two_factor.requires_second_factor(user):
            TOTPDevice.objects.create(user=user, name="Demo authenticator", key=DEMO_KEY_HEX, confirmed=True)


def authenticator_key() -> str:
    """The key as an authenticator app asks for it (base32)."""
    return base64.b32encode(bytes.fromhex(DEMO_KEY_HEX)).decode()


def current_code(user: User) -> str:
    """The code the demo authenticator shows now."""
    return two_factor.code_shown_by(TOTPDevice.objects.get(user=user, name="Demo authenticator"))
