"""Reads of the support register and of the matches, each starting from the access policy.

List pages write one "listed" audit entry per record they show (ids only). A match is shown to an
institution with its own record beside it and, of the other side, only the other institution's
name, the kind, the month and the score (docs/privacy-linkage.md, threat model).
"""

from dataclasses import dataclass

from django.http import Http404

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit import log
from carepath.audit.models import AuditEvent
from carepath.core.keyset import KeysetPage, keyset_page
from carepath.organisations.models import Organisation
from carepath.support.models import SupportMatch, SupportRecord, SupportReview

PAGE = 50


def _listed(user: User, records: list[SupportRecord]) -> None:
    log.append_many(
        log.Entry(user.pk, AuditEvent.Action.LISTED, "support.supportrecord", r.pk, None, r.person_id, None)
        for r in records
    )


def register_page(user: User, *, after: int | None) -> KeysetPage[SupportRecord]:
    """A page of the user's institution's register, newest first; each record shown is audited as listed."""
    records = policy.support_records_visible_to(user).select_related("recorded_by")
    page = keyset_page(records, order="-recorded_at", after=after, size=PAGE)
    _listed(user, page.items)
    return page


@dataclass(frozen=True)
class MatchView:
    """A match as one institution sees it: its own record, and the other side's institution only."""

    match: SupportMatch
    own: SupportRecord
    other_institution: Organisation
    review: SupportReview | None


def _views(user: User, matches: list[SupportMatch]) -> list[MatchView]:
    mine = user.organisation_id
    keys = [m.side_of(mine)[0] for m in matches]
    own = {r.link_key: r for r in policy.support_records_visible_to(user).filter(link_key__in=keys)}
    reviews = {
        r.match_id: r
        for r in SupportReview.objects.filter(match__in=[m.pk for m in matches], institution_id=mine)
    }
    views = []
    for match in matches:
        key = match.side_of(mine)[0]
        if key not in own:  # the record was deleted since: nothing to talk about on this side
            continue
        other = match.right_institution if match.left_institution_id == mine else match.left_institution
        views.append(MatchView(match, own[key], other, reviews.get(match.pk)))
    return views


def matches_for(user: User, *, after: int | None) -> tuple[list[MatchView], KeysetPage[SupportMatch]]:
    """A page of the matches of the user's institution, newest first, with its own records (audited as listed)."""
    matches = policy.support_matches_visible_to(user).select_related("left_institution", "right_institution")
    page = keyset_page(matches, order="-found_at", after=after, size=PAGE)
    views = _views(user, page.items)
    _listed(user, [v.own for v in views])
    return views, page


def match_view(user: User, match_id: int) -> MatchView:
    """One match for the review page (404 unless one side is the user's institution; the look audited)."""
    match = policy.get_support_match(user, match_id)
    views = _views(user, [match])
    if not views:
        raise Http404()
    return views[0]

