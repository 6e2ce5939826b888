"""Pages of focus groups, After Action Reviews and Appreciative Inquiries. Thin: a form, a selector or a service."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import BaseForm
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from carepath.access import policy
from carepath.accounts.models import User
from carepath.core.views import posted, private_inline_file, render_form, staff_user, uploaded
from carepath.learning import selectors, services
from carepath.learning.forms import FocusGroupForm, InquiryForm, MaterialForm, PeriodFilterForm, ReviewForm
from carepath.learning.models import AfterActionReview, AppreciativeInquiry, FocusGroup

LIST_LIMIT = 200


def _may_write(user: User) -> None:
    """Only someone with a unit to record for may open a "new" page (an administrator outside any
    organisation has none)."""
    if not policy.visible_learning_units(user).exists():
        raise PermissionDenied()


def focus_group_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = PeriodFilterForm(request.GET or None, user=user)
    groups = list(selectors.focus_group_list(user, **form.filters())[:LIST_LIMIT])
    return render(request, "learning/focus_group_list.html", {"form": form, "groups": groups})


def focus_group_detail(request: HttpRequest, focus_group_id: int) -> HttpResponse:
    user = staff_user(request)
    group, named, others = selectors.open_focus_group(user, focus_group_id)
    context = {"group": group, "named": named, "others": others, **selectors.focus_group_details(group, named)}
    return render(request, "learning/focus_group_detail.html", context)


def focus_group_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    _may_write(user)
    form = FocusGroupForm(posted(request), user=user)
    return _focus_group_form(request, user, form, None, title=_("Record a focus group"))


def focus_group_edit(request: HttpRequest, focus_group_id: int) -> HttpResponse:
    user = staff_user(request)
    group, named, _others = selectors.open_focus_group(user, focus_group_id)
    form = FocusGroupForm(posted(request), instance=group, user=user)
    return _focus_group_form(
        request, user, form, group, title=_("Change the focus group"), caption=group.activity, viewed=named
    )


def _focus_group_form(
    request: HttpRequest, user: User, form: FocusGroupForm, group: FocusGroup | None, *, title: str, **page: Any
) -> HttpResponse:
    viewed = page.pop("viewed", [])
    if request.method == "POST" and form.is_valid():
        saved = services.record_focus_group(by=user, focus_group=group, **form.cleaned_data)
        messages.success(request, _("The focus group is saved."))
        return redirect("learning:focus_group_detail", saved.pk)
    # The form names the people it offers as participants: a list of people, audited as such.
    selectors.record_choices_listed(user, form.offered_cases, except_case_ids=[case.pk for case in viewed])
    cancel = reverse("learning:focus_group_detail", args=[group.pk]) if group else reverse("learning:focus_group_list")
    return render_form(request, form, title=title, cancel_url=cancel, submit_label=_("Save the focus group"), **page)


def material_new(request: HttpRequest, focus_group_id: int) -> HttpResponse:
    user = staff_user(request)
    group, _named, _others = selectors.open_focus_group(user, focus_group_id)
    form = MaterialForm(posted(request), uploaded(request))
    if request.method == "POST" and form.is_valid():
        services.add_material(focus_group=group, by=user, **form.cleaned_data)
        messages.success(request, _("The photo or video is added to the focus group."))
        return redirect("learning:focus_group_detail", group.pk)
    return render_form(
        request,
        form,
        title=_("Add a photo or video"),
        caption=group.activity,
        intro=_("Something the focus group looked at together. Describe it for people who cannot see it."),
        submit_label=_("Add it"),
        cancel_url=reverse("learning:focus_group_detail", args=[group.pk]),
    )


def material_file(request: HttpRequest, material_id: int) -> FileResponse:
    """A focus group's photo or video, only for who may see the focus group; every look is audited."""
    material = selectors.get_material(staff_user(request), material_id)
    return private_inline_file(material.file)


# After Action Reviews and Appreciative Inquiries: the same three pages each.

KINDS: dict[str, dict[str, Any]] = {
    "review": {
        "model": AfterActionReview,
        "form": ReviewForm,
        "save": services.record_review,
        "list_title": gettext_lazy("After Action Reviews"),
        "new_title": gettext_lazy("Record an After Action Review"),
        "intro": gettext_lazy("What was planned, what happened, why it was different, and what we learn."),
    },
    "inquiry": {
        "model": AppreciativeInquiry,
        "form": InquiryForm,
        "save": services.record_inquiry,
        "list_title": gettext_lazy("Appreciative Inquiries"),
        "new_title": gettext_lazy("Record an Appreciative Inquiry"),
        "intro": gettext_lazy(
            "Discover what works at its best, dream what could be, design it and agree who does what."
        ),
    },
}


def record_list(request: HttpRequest, kind: str) -> HttpResponse:
    user = staff_user(request)
    form = PeriodFilterForm(request.GET or None, user=user)
    records = list(selectors.learning_records(user, KINDS[kind]["model"], **form.filters())[:LIST_LIMIT])
    context = {"form": form, "records": records, "kind": kind, "title": KINDS[kind]["list_title"]}
    return render(request, "learning/record_list.html", context)


def record_new(request: HttpRequest, kind: str) -> HttpResponse:
    user = staff_user(request)
    _may_write(user)
    spec = KINDS[kind]
    pilot = selectors.pilot_of_query(user, request.GET.get("pilot", ""))
    initial = {"pilot": pilot.pk, "unit": pilot.unit_id, "subject": pilot.title} if pilot else {}
    form: BaseForm = spec["form"](posted(request), user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = spec["save"](by=user, **form.cleaned_data)
        messages.success(request, _("The record is saved."))
        return redirect(f"learning:{kind}_detail", saved.pk)
    cancel = reverse("pilots:pilot_detail", args=[pilot.pk]) if pilot else reverse(f"learning:{kind}_list")
    return render_form(
        request,
        form,
        title=spec["new_title"],
        caption=pilot.title if pilot else "",
        intro=spec["intro"],
        submit_label=_("Save"),
        cancel_url=cancel,
    )


def review_detail(request: HttpRequest, review_id: int) -> HttpResponse:
    return record_detail(request, "review", review_id)


def inquiry_detail(request: HttpRequest, inquiry_id: int) -> HttpResponse:
    return record_detail(request, "inquiry", inquiry_id)


def record_detail(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    """A review or an inquiry names no service user: nothing personal to audit beyond a refusal."""
    found = selectors.get_learning_record(staff_user(request), KINDS[kind]["model"], record_id)
    fields = [(found._meta.get_field(name).verbose_name, getattr(found, name)) for name in _TEXT_FIELDS[kind]]
    return render(request, "learning/record_detail.html", {"record": found, "kind": kind, "fields": fields})


_TEXT_FIELDS = {
    "review": ["planned", "happened", "why_different", "lessons"],
    "inquiry": ["discover", "dream", "design", "destiny"],
}
