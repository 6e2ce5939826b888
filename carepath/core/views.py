"""Helpers shared by every form page, so each view stays a few lines long."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.datastructures import MultiValueDict

from carepath.accounts.models import User
from carepath.core import uploads
from carepath.core.concurrency import StaleEdit


def render_form(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    title: str,
    caption: str = "",
    submit_label: str = "",
    cancel_url: str = "",
    intro: str = "",
    stale: StaleEdit | None = None,
    template: str = "components/form_page.html",
    **extra: Any,
) -> HttpResponse:
    """Render a form page; a form with errors answers 400 (409 for a stale edit) and keeps the input."""
    status = 200
    if form.is_bound and form.errors:
        status = 400
    if stale is not None:
        status = 409
        _rebase(form, stale)
    context = {
        "form": form,
        "title": title,
        "caption": caption,
        "submit_label": submit_label,
        "cancel_url": cancel_url,
        "intro": intro,
        "stale": stale.message if stale else "",
        **extra,
    }
    return render(request, template, context, status=status)


def _rebase(form: forms.BaseForm, stale: StaleEdit) -> None:
    """The user has now seen that the record changed: their next save applies to the current version."""
    key = form.add_prefix("seen_version")
    if stale.current_version is not None and key in form.data:
        data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict when bound to a request
        data[key] = str(stale.current_version)
        form.data = data


def staff_user(request: HttpRequest) -> User:
    """The signed-in professional (LoginRequiredMiddleware has already turned anonymous users away)."""
    user = request.user
    assert isinstance(user, User)
    return user


def posted(request: HttpRequest) -> QueryDict | None:
    """The posted data, even when empty: an empty post is a form with errors, not a blank page."""
    return request.POST if request.method == "POST" else None


def uploaded(request: HttpRequest) -> MultiValueDict[str, UploadedFile] | None:
    return request.FILES if request.method == "POST" else None


def private_inline_file(stored: FieldFile) -> FileResponse:
    """A stored picture or video shown inline, never cached; 404 when the file is missing.

    Callers have checked the access policy and audited the look: this only serves the bytes.
    """
    if not stored:
        raise Http404()
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404() from missing
    response = FileResponse(handle, content_type=uploads.content_type(stored.name or ""))
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    return response
