from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from carepath.access import policy
from carepath.accounts.models import User
from carepath.core.concurrency import StaleEdit
from carepath.core.keyset import cursor
from carepath.core.views import posted, render_form, staff_user, uploaded
from carepath.support import encodings, importing, selectors, services
from carepath.support.forms import EditSupportRecordForm, ReviewForm, SupportFileForm, SupportRecordForm
from carepath.support.models import SupportReview


def _keeper(request: HttpRequest) -> User:
    """Staff of an institution; anyone else has no register here (404)."""
    user = staff_user(request)
    if not policy.keeps_support_register(user):
        raise Http404()
    return user


@require_GET
def register(request: HttpRequest) -> HttpResponse:
    """The institution's support register, newest first."""
    user = _keeper(request)
    page = selectors.register_page(user, after=cursor(request.GET.get("after")))
    return render(request, "support/register.html", {
        "records": page.items, "page": page, "institution": user.organisation,
        "encoding_configured": encodings.is_configured(),
    })


@require_http_methods(["GET", "POST"])
def record_new(request: HttpRequest) -> HttpResponse:
    user = _keeper(request)
    form = SupportRecordForm(posted(request))
    if request.method == "POST" and form.is_valid():
        support = services.record_support(by=user, **form.cleaned_data)
        messages.success(request, _("The support is recorded."))
        return redirect("support:record_detail", record_id=support.pk)
    return render_form(
        request, form, title=_("Record support given"), caption=str(user.organisation),
        submit_label=_("Record the support"), cancel_url=reverse("support:register"),
        intro=_("Only your institution sees this record. Names, date of birth and address never leave it: "
                "for matching, only a keyed encoding does."),
    )


@require_GET
def record_detail(request: HttpRequest, record_id: int) -> HttpResponse:
    user = _keeper(request)
    support = policy.get_support_record(user, record_id)
    return render(request, "support/record_detail.html", {"record": support})


@require_http_methods(["GET", "POST"])
def record_edit(request: HttpRequest, record_id: int) -> HttpResponse:
    user = _keeper(request)
    support = policy.get_support_record(user, record_id)
    form = EditSupportRecordForm(posted(request), instance=support)
    stale = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        seen = data.pop("seen_version")
        try:
            services.update_support(support=support, by=user, expected_version=seen, **data)
        except StaleEdit as error:
            stale = error
        else:
            messages.success(request, _("The support record is saved."))
            return redirect("support:record_detail", record_id=support.pk)
    return render_form(
        request, form, title=_("Correct the support record"), caption=str(user.organisation),
        submit_label=_("Save the record"), cancel_url=reverse("support:record_detail", args=[support.pk]), stale=stale,
    )


@require_http_methods(["GET", "POST"])
def support_import(request: HttpRequest) -> HttpResponse:
    """Check a file of support records ("Check only") or import it ("Import"): every problem by row and column."""
    user = _keeper(request)
    form = SupportFileForm(posted(request), uploaded(request))
    outcome = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        outcome = importing.import_support(
            name=upload.name, content=upload.read(), by=user, dry_run="import" not in request.POST
        )
        if outcome.errors:
            count = len(outcome.errors)
            message = ngettext(
                "The file has %(count)d problem, so nothing was imported. See “Problems in the file” below.",
                "The file has %(count)d problems, so nothing was imported. See “Problems in the file” below.",
                count,
            )
            form.add_error("file", message % {"count": count})
    return render_form(
        request, form, title=_("Import support records"), template="support/import.html",
        outcome=outcome, columns=importing.COLUMNS,
    )


@require_GET
def match_list(request: HttpRequest) -> HttpResponse:
    """Matches that involve a record of the user's institution, with only the other institution's name."""
    user = _keeper(request)
    views, page = selectors.matches_for(user, after=cursor(request.GET.get("after")))
    return render(request, "support/match_list.html", {
        "views": views, "page": page, "encoding_configured": encodings.is_configured(),
    })


@require_http_methods(["GET", "POST"])
def match_review(request: HttpRequest, match_id: int) -> HttpResponse:
    """The institution's review of one match: what came of the conversation with the person."""
    user = _keeper(request)
    view = selectors.match_view(user, match_id)
    review = view.review
    initial = (
        {"outcome": review.outcome, "conversation": review.conversation, "seen_version": review.version}
        if review else {}
    )
    form = ReviewForm(posted(request), initial=initial)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.review_match(
                match=view.match, support=view.own, by=user, outcome=form.cleaned_data["outcome"],
                conversation=form.cleaned_data["conversation"], expected_version=form.cleaned_data["seen_version"],
            )
        except StaleEdit as error:
            stale = error
        else:
            messages.success(request, _("The review is saved."))
            return redirect("support:match_list")
    return render_form(
        request, form, title=_("Review a possible double support"), template="support/match_review.html",
        submit_label=_("Save the review"), cancel_url=reverse("support:match_list"), stale=stale, view=view,
        current=SupportReview.objects.filter(pk=review.pk).first() if stale and review else None,
    )

