from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases import selectors as case_selectors
from carepath.referrals import selectors as referral_selectors

M = TypeVar("M", bound=Model)

# Each list shows its first rows; its own page (deadlines, signals, cases, the referral inbox) has the
# rest. A summary to act on, and a page whose cost does not grow with the unit's backlog.
LIST_LIMIT = 10


def _first(rows: QuerySet[M]) -> tuple[list[M], bool]:
    """The first LIST_LIMIT rows, and whether there are more (one row more is read to know)."""
    got = list(rows[: LIST_LIMIT + 1])
    return got[:LIST_LIMIT], len(got) > LIST_LIMIT


def _read_organisation_and_unit(user: User) -> None:
    """The greeting names the user's organisation and unit: read both with one query, not one each."""
    if user.organisation_id and user.unit_id:
        where = User.objects.select_related("organisation", "unit").only("organisation", "unit").get(pk=user.pk)
        user.organisation, user.unit = where.organisation, where.unit


def home(request: HttpRequest) -> HttpResponse:
    """The staff dashboard: deadlines, referrals waiting for an answer, signals to triage, my cases."""
    user = request.user
    assert isinstance(user, User)
    _read_organisation_and_unit(user)
    deadlines, more_deadlines = _first(case_selectors.open_deadlines_for(user))
    cases, more_cases = _first(case_selectors.caseload_for(user))
    signals, more_signals = _first(case_selectors.signals_waiting_for(user))
    to_answer, more_to_answer = _first(referral_selectors.waiting_for_answer(user))
    sent, more_sent = _first(referral_selectors.sent_and_waiting(user))
    policy.record_listed(
        user,
        [
            *((c.person_id, c) for c in cases),
            *((s.person_id, None) for s in signals),
            *((d.signal.person_id, None) for d in deadlines),
            *((r.case.person_id, r.case) for r in [*to_answer, *sent]),
        ],
    )
    context = {
        "deadlines": deadlines,
        "cases": cases,
        "signals": signals,
        "referrals_to_answer": to_answer,
        "referrals_sent": sent,
        "more": {"deadlines": more_deadlines, "cases": more_cases, "signals": more_signals,
                 "referrals_to_answer": more_to_answer, "referrals_sent": more_sent},
        "today": timezone.localdate(),
    }
    return render(request, "dashboard/home.html", context)
