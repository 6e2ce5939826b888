"""Login in two steps: user name and password (Django's LoginView, throttled by django-axes), then a code."""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from carepath.accounts import two_factor
from carepath.accounts.forms import CodeForm
from carepath.core.views import posted, staff_user


class LoginView(auth_views.LoginView):
    """The first step. Whoever needs a second factor goes on to the code (or to setting up an app)."""

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        if two_factor.requires_second_factor(user):
            return second_step(user, next_url=self.get_success_url())
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if settings.CAREPATH_OIDC_ENABLED:
            context["eid_name"] = settings.CAREPATH_OIDC["name"]
        return context


def second_step(user: Any, *, next_url: str) -> HttpResponseRedirect:
    """Where a user who still owes a second factor goes: the code page, or setting up an app."""
    name = "two_factor" if two_factor.has_authenticator(user) else "two_factor_setup"
    return redirect(f"{reverse(name)}?{urlencode({'next': next_url})}")


def two_factor_code(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not two_factor.has_authenticator(user):
        return second_step(user, next_url=_next_url(request))
    if two_factor.second_factor_done(request):
        return redirect(_next_url(request))
    form = CodeForm(posted(request))
    if form.is_valid():
        result = two_factor.check_code(request=request, user=user, code=form.cleaned_data["code"])
        if result.accepted:
            return redirect(_next_url(request))
        form.add_error("code", result.error)
    return render(request, "registration/two_factor.html", {"form": form, "next": _next_url(request)})


def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if two_factor.has_authenticator(user):
        return second_step(user, next_url=_next_url(request))
    device = two_factor.pending_authenticator(user)
    form = CodeForm(posted(request))
    if form.is_valid():
        result = two_factor.confirm_authenticator(request=request, user=user, code=form.cleaned_data["code"])
        if result.accepted:
            messages.success(request, _("Two-step login is on. Next time, have your authenticator app ready."))
            return redirect(_next_url(request))
        form.add_error("code", result.error)
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_code": two_factor.qr_code_svg(device, label=_("QR code to scan with your authenticator app")),
        "secret": two_factor.secret_for_typing(device),
        "required": not user.is_citizen,
    }
    return render(request, "registration/two_factor_setup.html", context)


def _next_url(request: HttpRequest) -> str:
    """Where to go after the second step: the page asked for, if it is one of ours."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def locked_out(request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None) -> HttpResponse:
    """django-axes' lockout page: plain words, no user name, 429 Too Many Requests."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)),
    }
    return render(request, "registration/locked_out.html", context, status=429)
