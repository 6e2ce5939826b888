"""Two-step login: who needs a second factor, setting up an authenticator app, checking its codes.

Staff always need a second factor; a citizen only once they have turned it on. The second factor
is a TOTP code from an authenticator app (django-otp), or an eID login at eIDAS level substantial
or high (see carepath/accounts/oidc.py). django-otp throttles wrong codes: each failure doubles
the wait before the next try.
"""

import base64
import datetime
import time
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from carepath.accounts.models import User

DEVICE_NAME = "Authenticator app"
# Set on the session by an eID login at a level that counts as a second factor (see oidc.py).
EID_SESSION_KEY = "carepath_eid_second_factor"


@dataclass(frozen=True)
class CodeCheck:
    accepted: bool
    retry_after: datetime.datetime | None = None

    @property
    def error(self) -> str:
        if self.retry_after is None:
            return _("The code is not right. Enter the 6-digit code your authenticator app shows now.")
        seconds = max(1, int((self.retry_after - timezone.now()).total_seconds()) + 1)
        return _("Too many wrong codes. Wait %(seconds)s seconds, then enter the newest code.") % {"seconds": seconds}


def has_authenticator(user: User) -> bool:
    """Whether the user has finished setting up an authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def requires_second_factor(user: User) -> bool:
    """Staff always; a citizen or relative once they have turned two-step login on."""
    return not user.is_citizen or has_authenticator(user)


def second_factor_done(request: HttpRequest) -> bool:
    """Whether this session has passed a second factor (a TOTP code or a strong eID login)."""
    is_verified = getattr(request.user, "is_verified", None)  # installed by django-otp's middleware
    return bool((is_verified and is_verified()) or request.session.get(EID_SESSION_KEY))


def pending_authenticator(user: User) -> TOTPDevice:
    """The authenticator being set up: the same secret on every visit, so a scanned code stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def check_code(*, request: HttpRequest, user: User, code: str) -> CodeCheck:
    """Check a code from the user's authenticator; on success the session counts as two-step verified."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()
    if device is None:
        return CodeCheck(accepted=False)
    return _verify(request=request, device=device, code=code)


@transaction.atomic
def confirm_authenticator(*, request: HttpRequest, user: User, code: str) -> CodeCheck:
    """Finish setting up: the first right code confirms the app, and this session is verified."""
    device = pending_authenticator(user)
    result = _verify(request=request, device=device, code=code)
    if result.accepted:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        otp_login(request, device)
    return result


def reset_two_factor(*, users: list[User]) -> int:
    """Forget the users' authenticator apps (a lost phone): they set one up again at their next login."""
    deleted, _details = TOTPDevice.objects.filter(user__in=users).delete()
    return deleted


def _verify(*, request: HttpRequest, device: TOTPDevice, code: str) -> CodeCheck:
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return CodeCheck(accepted=False, retry_after=(details or {}).get("locked_until"))
    if not device.verify_token(code):  # counts the failure for django-otp's throttling
        return CodeCheck(accepted=False)
    if device.confirmed:
        otp_login(request, device)
    return CodeCheck(accepted=True)


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for people who cannot scan the QR code."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice, *, label: str) -> SafeString:
    """The otpauth:// link as an inline SVG QR code (no image file, no inline style)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
    svg = image.to_string(encoding="unicode")
    # qrcode writes only its own markup, no user input: safe to mark. The label is escaped.
    attributes = format_html(' class="cp-qr-code" role="img" aria-label="{}" ', label)
    return mark_safe(svg.replace("<svg ", "<svg" + attributes, 1))  # noqa: S308


def code_shown_by(device: TOTPDevice) -> str:
    """The code the device's app shows now; the next one if this one was already used (codes work
    once, and the device accepts one step of drift). For tests and the demo, never for a real login."""
    device.refresh_from_db()
    now = (int(time.time()) - device.t0) // device.step + device.drift
    step = max(now, device.last_t + 1)
    return str(hotp(device.bin_key, step, digits=device.digits)).zfill(device.digits)
