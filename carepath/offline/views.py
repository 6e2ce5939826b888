"""Home visits offline: marking cases to take along, devices, conflicts, and the JSON the app syncs with."""

import base64
import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from carepath.access import policy
from carepath.accounts.models import Role, User
from carepath.core.keyset import cursor, keyset_page
from carepath.core.views import posted, private_inline_file, render_form, staff_user
from carepath.offline import bundle as take_along_bundle
from carepath.offline import devices, services, sync
from carepath.offline.forms import DeviceForm
from carepath.offline.models import Device, OfflineWrite, TakeAlong

CASE_PAGE = 50
COOKIE_AGE = 400 * 24 * 3600  # the most a browser keeps a cookie; the device stays known until revoked


def _device(request: HttpRequest, user: User) -> Device | None:
    return devices.of_request(user, request.COOKIES.get(devices.COOKIE))


def take_along(request: HttpRequest) -> HttpResponse:
    """Register this browser as a device, then mark the cases it takes along."""
    user = staff_user(request)
    device = _device(request, user)
    if device is None or device.is_revoked:
        return _register(request, user)
    if request.method == "POST":
        try:
            taken = services.take_along(device=device, user=user, case_ids=_ids(request.POST.getlist("cases")))
        except ValueError as error:
            messages.error(request, str(error))
            return redirect("offline:take_along")
        messages.success(request, _("%(count)d cases are ready. Open the home-visit app and download them.")
                         % {"count": len(taken)})
        return redirect("offline:app")
    page = keyset_page(
        policy.cases_to_take_along(user).select_related("person", "case_type"),
        order="-opened_at", after=cursor(request.GET.get("after")), size=CASE_PAGE,
    )
    taken_ids = set(TakeAlong.objects.filter(device=device).values_list("case_id", flat=True))
    policy.record_listed(user, ((c.person_id, c) for c in page.items))
    return render(request, "offline/take_along.html", {
        "device": device, "page": page, "taken": taken_ids,
        "limit": settings.CAREPATH_OFFLINE_MAX_CASES, "key_hours": settings.CAREPATH_OFFLINE_KEY_HOURS,
    })


def _register(request: HttpRequest, user: User) -> HttpResponse:
    form = DeviceForm(posted(request))
    if request.method == "POST" and form.is_valid():
        _device_, token = devices.register(user=user, name=form.cleaned_data["name"])
        response = redirect("offline:take_along")
        response.set_cookie(devices.COOKIE, token, max_age=COOKIE_AGE, httponly=True,
                            secure=request.is_secure(), samesite="Strict")
        return response
    return render_form(
        request, form, title=_("Register this device for home visits"),
        intro=_("Name this phone, tablet or laptop once. You can revoke it at any time, from any device."),
        submit_label=_("Register this device"),
    )


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()]


def device_list(request: HttpRequest) -> HttpResponse:
    """My devices, with their last sync; an administrator sees everyone's (`?all=1`)."""
    user = staff_user(request)
    everyone = request.GET.get("all") == "1" and user.role == Role.ADMINISTRATOR
    shown = Device.objects.select_related("user") if everyone else Device.objects.filter(user=user)
    return render(request, "offline/devices.html", {
        "devices": shown.order_by("revoked_at", "-last_sync_at", "-pk")[:500], "everyone": everyone,
        "this_device": _device(request, user), "is_administrator": user.role == Role.ADMINISTRATOR,
    })


@require_POST
def device_revoke(request: HttpRequest, device_id: int) -> HttpResponse:
    user = staff_user(request)
    mine = Device.objects.filter(pk=device_id, user=user)
    device = (Device.objects.filter(pk=device_id) if user.role == Role.ADMINISTRATOR else mine).first()
    if device is None:
        raise Http404()
    devices.revoke(device=device, by=user)
    messages.success(request, _("The device is revoked. It wipes what it holds the next time it connects."))
    return redirect(reverse("offline:devices") + ("?all=1" if device.user_id != user.pk else ""))


def _own_write(request: HttpRequest, write_id: int) -> tuple[User, OfflineWrite, Any]:
    """A write the user made offline, through the access policy (the look is audited); others get 404."""
    user = staff_user(request)
    if not OfflineWrite.objects.filter(pk=write_id, user=user).exists():
        raise Http404()
    write, case = policy.get_in_case(user, OfflineWrite, write_id, policy.Do.VIEW)
    return user, write, case


def conflict(request: HttpRequest, write_id: int) -> HttpResponse:
    """Both versions side by side; the writer keeps theirs or the office's. Neither is deleted."""
    user, write, case = _own_write(request, write_id)
    if request.method == "POST" and write.state == OfflineWrite.State.CONFLICT:
        choice = request.POST.get("keep")
        if choice not in ("mine", "theirs"):
            messages.error(request, _("Choose which version to keep."))
        else:
            sync.resolve(write=write, case=case, by=user, keep_mine=choice == "mine")
            messages.success(request, _("Resolved. Both versions stay in the record of this change."))
            return redirect("offline:conflict", write_id=write.pk)
    return render(request, "offline/conflict.html", {"write": write, "case": case})


def held(request: HttpRequest) -> HttpResponse:
    """Changes my revoked devices sent, and changes refused or in conflict: nothing is lost."""
    user = staff_user(request)
    waiting = list(
        OfflineWrite.objects.filter(user=user, state__in=[OfflineWrite.State.HELD, OfflineWrite.State.CONFLICT,
                                                          OfflineWrite.State.REFUSED])
        .select_related("case__person", "device").order_by("-received_at")[:200]
    )
    policy.record_listed(user, ((w.case.person_id, w.case) for w in waiting))
    return render(request, "offline/held.html", {"writes": waiting})


@require_GET
def write_photo(request: HttpRequest, write_id: int) -> FileResponse:
    """The photo a write carries, for its writer to review before it is applied; the look is audited."""
    _user, write, _case = _own_write(request, write_id)
    return private_inline_file(write.photo)


@require_POST
def held_apply(request: HttpRequest, write_id: int) -> HttpResponse:
    user, write, case = _own_write(request, write_id)
    if write.state != OfflineWrite.State.HELD:
        raise PermissionDenied()
    sync.apply_held(write=write, case=case, by=user)
    write.refresh_from_db()
    messages.success(request, _("Sent: %(state)s.") % {"state": write.get_state_display()})
    return redirect("offline:held")


# The JSON the offline app talks to. Answers to a revoked or expired device tell it to wipe.

def _wipe(reason: str, **extra: Any) -> JsonResponse:
    return JsonResponse({"wipe": True, "reason": reason, **extra}, status=410)


def _api_device(request: HttpRequest) -> tuple[User, Device | None]:
    user = staff_user(request)
    return user, _device(request, user)


@require_GET
def api_key(request: HttpRequest) -> JsonResponse:
    user, device = _api_device(request)
    if device is None:
        return JsonResponse({"error": "no_device"}, status=403)
    try:
        key = devices.release_key(device)
    except devices.Wipe as wipe:
        # A revoked device may still hand in its queued writes (kept for review) before it wipes.
        return _wipe(wipe.reason, **({"csrf": get_token(request)} if wipe.reason == "revoked" else {}))
    assert device.key_expires_at is not None
    return JsonResponse({
        "key": base64.b64encode(key).decode(), "expires_at": device.key_expires_at.isoformat(),
        "device": device.pk, "user": user.pk, "csrf": get_token(request),
        "cases": list(TakeAlong.objects.filter(device=device).values_list("case_id", flat=True)),
    }, headers={"Cache-Control": "no-store"})


@require_GET
def api_bundle(request: HttpRequest) -> JsonResponse:
    user, device = _api_device(request)
    if device is None:
        return JsonResponse({"error": "no_device"}, status=403)
    try:
        devices.release_key(device)  # the same checks: revoked or expired devices get nothing
    except devices.Wipe as wipe:
        return _wipe(wipe.reason)
    data = take_along_bundle.build(device, user)
    data["generated_at"] = device.last_contact_at.isoformat() if device.last_contact_at else None
    data["expires_at"] = device.key_expires_at.isoformat() if device.key_expires_at else None
    return JsonResponse(data, headers={"Cache-Control": "no-store"})


@require_POST
def api_sync(request: HttpRequest) -> JsonResponse:
    user, device = _api_device(request)
    if device is None:
        return JsonResponse({"error": "no_device"}, status=403)
    try:
        incoming = sync.parse(json.loads(request.body or b"null"))
        write, duplicate = sync.receive(device=device, user=user, incoming=incoming)
    except (ValueError, sync.BadWrite) as error:
        if device.is_revoked:
            return _wipe("revoked", kept=False)
        message = str(error) if isinstance(error, sync.BadWrite) else _("The change could not be read.")
        return JsonResponse({"error": message}, status=400)
    if device.is_revoked:
        return _wipe("revoked", kept=True)
    answer: dict[str, Any] = {"client_id": str(write.client_id), "state": _answer_state(write)}
    if duplicate:
        answer["duplicate"] = True
    if write.state == OfflineWrite.State.CONFLICT:
        answer["conflict_url"] = reverse("offline:conflict", kwargs={"write_id": write.pk})
    if write.message:
        answer["message"] = write.message
    return JsonResponse(answer)


def _answer_state(write: OfflineWrite) -> str:
    """What the device needs to know: done, a conflict to resolve, or refused (kept for review)."""
    if write.state in (OfflineWrite.State.APPLIED, OfflineWrite.State.KEPT_MINE, OfflineWrite.State.KEPT_THEIRS):
        return "applied"
    return "refused" if write.state in (OfflineWrite.State.REFUSED, OfflineWrite.State.HELD) else "conflict"
