from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases import selectors as case_selectors
from carepath.referrals import selectors as referral_selectors

LIST_LIMIT = 50


def home(request: HttpRequest) -> HttpResponse:
    """The staff dashboard: my cases, deadlines due and overdue, referrals waiting for an answer."""
    user = request.user
    assert isinstance(user, User)
    today = timezone.localdate()
    deadlines = list(case_selectors.open_deadlines_for(user)[:LIST_LIMIT])
    cases = list(case_selectors.caseload_for(user)[:LIST_LIMIT])
    signals = list(case_selectors.signals_waiting_for(user)[:LIST_LIMIT])
    to_answer = list(referral_selectors.waiting_for_answer(user)[:LIST_LIMIT])
    sent = list(referral_selectors.sent_and_waiting(user)[:LIST_LIMIT])
    policy.record_listed(
        user,
        [
            *((c.person_id, c.pk) for c in cases),
            *((s.person_id, None) for s in signals),
            *((d.signal.person_id, None) for d in deadlines),
            *((r.case.person_id, r.case_id) for r in [*to_answer, *sent]),
        ],
    )
    context = {
        "cases": cases,
        "signals": signals,
        "overdue": [d for d in deadlines if d.due_on < today],
        "due": [d for d in deadlines if d.due_on >= today],
        "referrals_to_answer": to_answer,
        "referrals_sent": sent,
        "today": today,
    }
    return render(request, "dashboard/home.html", context)
