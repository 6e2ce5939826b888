from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.core.concurrency import StaleEdit
from carepath.core.views import posted, render_form, staff_user
from carepath.people import search, selectors, services
from carepath.people.forms import PersonDetailsForm, PersonSearchForm, PortalAccountForm


def person_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    """Correct the details of the person a case is about (the authority's decision)."""
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    form = PersonDetailsForm(posted(request), instance=case.person)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_details(person=case.person, case=case, by=user, **form.cleaned_data)
        except StaleEdit as error:
            stale = error
        else:
            messages.success(request, _("The personal details are corrected."))
            return redirect(case.get_absolute_url())
    return render_form(
        request,
        form,
        title=_("Correct the personal details"),
        caption=case.reference,
        intro=_("Every person has the right to have wrong details corrected. The change is logged."),
        submit_label=_("Save the details"),
        cancel_url=case.get_absolute_url(),
        stale=stale,
    )


def portal_access(request: HttpRequest, case_id: int) -> HttpResponse:
    """Who follows the person in the portal, and portal accounts for them or a relative."""
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    which = request.POST.get("which") if request.method == "POST" else None
    forms = {
        kind: PortalAccountForm(request.POST if which == kind else None, prefix=kind, initial=initial)
        for kind, initial in (
            (
                "citizen",
                {
                    "first_name": case.person.given_name,
                    "last_name": case.person.family_name,
                    "email": case.person.email,
                },
            ),
            ("relative", {}),
        )
    }
    account = case.person.portal_account if hasattr(case.person, "portal_account") else None
    opened = link = None
    status = 200
    if which in forms and forms[which].is_valid():
        if which == "citizen" and account is not None:
            status = 409  # someone opened it meanwhile
        else:
            opened, path = services.open_portal_account(
                case=case, by=user, for_person=which == "citizen", **forms[which].cleaned_data
            )
            link = request.build_absolute_uri(path)
            account = account or (opened if which == "citizen" else None)
            forms[which] = PortalAccountForm(prefix=which)
    elif which in forms:
        status = 400
    context = {
        "case": case,
        "account": account,
        "proxies": selectors.proxies_of(case.person),
        "forms": forms,
        "opened": opened,
        "link": link,
    }
    response = render(request, "people/portal_access.html", context, status=status)
    response["Cache-Control"] = "private, no-store"  # the one-time link must not be kept by a browser
    return response


def person_search(request: HttpRequest) -> HttpResponse:
    """Find a person among those the user may find. GET shows the form; the search is a POST, so
    the name typed never appears in a URL, a log line or the browser's history."""
    user = staff_user(request)
    form = PersonSearchForm(posted(request))
    found = None
    if request.method == "POST" and form.is_valid():
        found = search.find_people(
            user, name=form.cleaned_data["name"], birth_date=form.cleaned_data["birth_date"]
        )
    response = render_form(
        request,
        form,
        title=_("Find a person"),
        intro=_("Enter a name, a date of birth or both. You find the people of the cases and signals you work with."),
        submit_label=_("Search"),
        template="people/search.html",
        found=found,
        limit=search.LIMIT,
    )
    response["Cache-Control"] = "private, no-store"  # the results name people
    return response
