"""Pages of the practice library. Thin: a form, a selector or a service."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.core.concurrency import StaleEdit
from carepath.core.views import posted, render_form, staff_user
from carepath.practices import exports, outcomes, selectors, services, similar
from carepath.practices.forms import AssessmentForm, LibraryFilterForm, PracticeForm
from carepath.practices.models import Assessment

SIMILAR_SHOWN = 5


def library(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = LibraryFilterForm(request.GET or None)
    filters = form.filters()
    practices = selectors.library(user, **filters)
    words = filters.get("q", "").strip()
    alike = similar.similar_to_text(words, limit=SIMILAR_SHOWN) if words else []
    context = {
        "form": form,
        "practices": practices,
        "words": words,
        "similar": alike,
        "may_document": policy.may_document_practice(user),
        "export_query": request.GET.urlencode(),
    }
    return render(request, "practices/library.html", context)


def practice_detail(request: HttpRequest, practice_id: int) -> HttpResponse:
    user = staff_user(request)
    practice = selectors.get_practice(user, practice_id)
    criteria, reviewers = selectors.assessment_summary(practice)
    context = {
        "practice": practice,
        "criteria": criteria,
        "reviewers": reviewers,
        "outcomes": outcomes.practice_outcomes(practice, user=user),
        "min_cases": outcomes.min_cases(),
        "similar": similar.similar_to_practice(practice, limit=SIMILAR_SHOWN),
        "may_edit": policy.may_edit_practice(user, practice),
        "may_assess": policy.may_assess_practices(user),
    }
    return render(request, "practices/practice_detail.html", context)


def practice_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not policy.may_document_practice(user):
        raise PermissionDenied()
    pilot = _pilot(user, request.GET.get("pilot", ""))
    initial = _pilot_initial(pilot) if pilot is not None else {"language": request.LANGUAGE_CODE}
    form = PracticeForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        practice = services.save_practice(by=user, **form.practice_fields())
        if pilot is not None:
            from carepath.pilots import services as pilot_services

            pilot_services.link_practice(pilot=pilot, practice=practice, by=user)
        messages.success(request, _("The practice is in the library."))
        return redirect("practices:practice_detail", practice.pk)
    return _form_page(request, form, title=_("Document a practice"), cancel_url=reverse("practices:library"))


def _pilot(user: User, pilot_id: str) -> Any:
    """The pilot a practice is made from (`?pilot=`), through the pilots' own access rule."""
    if not pilot_id.isdigit():
        return None
    from carepath.pilots import selectors as pilot_selectors

    return pilot_selectors.get_pilot(user, int(pilot_id))


def _pilot_initial(pilot: Any) -> dict[str, Any]:
    from carepath.pilots import services as pilot_services

    return pilot_services.practice_initial(pilot)


def practice_edit(request: HttpRequest, practice_id: int) -> HttpResponse:
    user = staff_user(request)
    practice = selectors.get_practice(user, practice_id)
    if not policy.may_edit_practice(user, practice):
        raise PermissionDenied()
    form = PracticeForm(posted(request), instance=practice)
    stale = None
    if request.method == "POST" and form.is_valid():
        fields = form.practice_fields()
        try:
            services.save_practice(by=user, practice=practice, seen_version=form.cleaned_data["seen_version"], **fields)
        except StaleEdit as error:
            stale = error
        else:
            messages.success(request, _("The practice is saved."))
            return redirect("practices:practice_detail", practice.pk)
    cancel = reverse("practices:practice_detail", args=[practice.pk])
    return _form_page(
        request, form, title=_("Change the practice"), caption=practice.title, cancel_url=cancel, stale=stale
    )


def _form_page(request: HttpRequest, form: PracticeForm, **page: Any) -> HttpResponse:
    return render_form(
        request,
        form,
        submit_label=_("Save the practice"),
        intro=_(
            "The fields of the European Social Network's good-practice form. The summary has at most three "
            "sentences, the activities at most 300 words."
        ),
        **page,
    )


def practice_assess(request: HttpRequest, practice_id: int) -> HttpResponse:
    user = staff_user(request)
    practice = selectors.get_practice(user, practice_id)
    if not policy.may_assess_practices(user):
        raise PermissionDenied()
    earlier = Assessment.objects.filter(practice=practice, reviewer=user).first()
    form = AssessmentForm(posted(request), assessment=earlier)
    if request.method == "POST" and form.is_valid():
        services.assess_practice(
            practice=practice, by=user, assessed_on=form.cleaned_data["assessed_on"], scores=form.scores()
        )
        messages.success(request, _("Your assessment is saved."))
        return redirect("practices:practice_detail", practice.pk)
    return render_form(
        request,
        form,
        title=_("Assess the practice"),
        caption=practice.title,
        intro=_(
            "Score the practice on each of WIT's eight criteria, from 1 (not met) to 5 (fully met), and say why. "
            "If you assessed it before, your new scores replace your earlier ones."
        ),
        submit_label=_("Save the assessment"),
        cancel_url=reverse("practices:practice_detail", args=[practice.pk]),
    )


def practice_pdf(request: HttpRequest, practice_id: int) -> HttpResponse:
    user = staff_user(request)
    practice = selectors.get_practice(user, practice_id)
    response = HttpResponse(exports.esn_form_pdf(practice), content_type="application/pdf")
    name = slugify(practice.title)[:60] or f"practice-{practice.pk}"
    response["Content-Disposition"] = f'attachment; filename="esn-form-{name}.pdf"'
    return response


def library_csv(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    response = HttpResponse(exports.library_csv(selectors.all_for_export(user)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="practice-library.csv"'
    return response
