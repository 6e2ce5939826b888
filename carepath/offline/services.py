"""Marking the cases a device takes along on a home visit (issue 11)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from carepath.access import policy
from carepath.accounts.models import User
from carepath.offline import devices
from carepath.offline.models import Device, TakeAlong


class TooMany(ValueError):
    """More cases than a device may take along."""


@transaction.atomic
def take_along(*, device: Device, user: User, case_ids: list[int]) -> list[int]:
    """The device will hold exactly these cases, each one `user` may take along, and a new key:
    what it held before can no longer be opened. Returns the ids taken (others are left out)."""
    limit = settings.CAREPATH_OFFLINE_MAX_CASES
    wanted = sorted(set(case_ids))
    if len(wanted) > limit:
        raise TooMany(
            ngettext("Take at most %(limit)d case along.", "Take at most %(limit)d cases along.", limit)
            % {"limit": limit}
        )
    if device.is_revoked or device.user_id != user.pk:
        raise ValueError(_("This device was revoked."))
    allowed = list(policy.cases_to_take_along(user).filter(pk__in=wanted).values_list("pk", "authority_id"))
    TakeAlong.objects.filter(device=device).delete()
    now = timezone.now()
    TakeAlong.objects.bulk_create(
        TakeAlong(device=device, case_id=pk, authority_id=authority, taken_at=now) for pk, authority in allowed
    )
    devices.new_key(device, now=now)
    return [pk for pk, _authority in allowed]
