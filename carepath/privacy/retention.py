"""Retention: which records are past their period, and anonymising or erasing them.

Persons, households, signals and cases are anonymised in place, never deleted: the append-only
audit log refers to them. Dependent records may be erased. Nothing of a person with an open case
or a signal waiting for triage is touched, nor a group goal while any case sharing it is kept.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db.models import CharField, F, Model, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat

from carepath.cases.models import Case, Signal
from carepath.people.models import Household, Person
from carepath.privacy.models import RetentionRule

Type = RetentionRule.RecordType
CLOSED, OPEN = Case.Status.CLOSED, Case.Status.OPEN


@dataclass(frozen=True)
class Cutoffs:
    """Records whose matter ended on or before these moments are due."""

    case: datetime.datetime
    signal: datetime.datetime


@dataclass(frozen=True)
class Spec:
    """How one record type is found, anonymised and erased.

    `due` builds the filter of rows past their period. `blank` is what anonymising writes.
    `files` are (model, lookup to this record, file field): files that go with an erased row.
    `children` are (model, lookup to this record, blank values) anonymised together with it.
    `shared_cases` is the lookup to the cases a group goal is shared with.
    `release` deletes what is linked to the rows by value rather than by a foreign key.
    """

    label: str
    due: Callable[[Cutoffs], Q]
    blank: dict[str, Any] = field(default_factory=dict)
    erasable: bool = True
    files: tuple[tuple[str, str, str], ...] = ()
    children: tuple[tuple[str, str, dict[str, Any]], ...] = ()
    shared_cases: str = ""
    audit_case: str = ""  # lookup to the case id, for the audit entry
    audit_person: str = ""  # lookup to the person id, for the audit entry
    release: Callable[[list[int]], None] | None = None  # what goes with these rows, anonymised or erased


    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.label)


def busy_persons() -> QuerySet[Person, Any]:
    """Persons with an open case or a signal waiting for triage, themselves or in their household."""
    busy = Q(cases__status=OPEN) | Q(signals__status=Signal.Status.NEW)
    busy |= Q(household__cases__status=OPEN) | Q(household__signals__status=Signal.Status.NEW)
    return Person.objects.filter(busy).values("pk")


def kept_cases(cut: Cutoffs) -> QuerySet[Case, Any]:
    """Cases whose records must stay: open, closed too recently, or of a busy person."""
    kept = Q(status=OPEN) | Q(closed_at__isnull=True) | Q(closed_at__gt=cut.case) | Q(person__in=busy_persons())
    return Case.objects.filter(kept).values("pk")


def in_closed_case(path: str) -> Callable[[Cutoffs], Q]:
    """Records of a case that closed before the cutoff, of a person without an open case."""

    def at(name: str) -> str:
        return f"{path}__{name}" if path else name

    def due(cut: Cutoffs) -> Q:
        return Q(**{at("status"): CLOSED, at("closed_at__lte"): cut.case}) & ~Q(**{at("person__in"): busy_persons()})

    return due


def _signal_due(cut: Cutoffs) -> Q:
    ended = Q(case__status=CLOSED, case__closed_at__lte=cut.case) | Q(
        status=Signal.Status.CLOSED, triaged_at__lte=cut.signal
    )
    return ended & ~Q(person__in=busy_persons())


def _ended_recently(cut: Cutoffs, path: str) -> Q:
    """Whose case or signal (through `path`: person or household) ended after the cutoff."""
    # Without NULLs: NOT IN over a list holding NULL is never true, which would keep every row.
    known = {f"{path}__isnull": False}
    recent_cases = Case.objects.filter(Q(closed_at__gt=cut.case) | Q(closed_at__isnull=True), **known).values(path)
    recent_signals = Signal.objects.filter(
        Q(triaged_at__gt=cut.signal) | Q(triaged_at__isnull=True), status=Signal.Status.CLOSED, **known
    ).values(path)
    return Q(pk__in=recent_cases) | Q(pk__in=recent_signals)


def _person_due(cut: Cutoffs) -> Q:
    had_a_matter = Q(pk__in=Case.objects.values("person")) | Q(pk__in=Signal.objects.values("person"))
    return had_a_matter & ~Q(pk__in=busy_persons()) & ~_ended_recently(cut, "person")


def _household_due(cut: Cutoffs) -> Q:
    """A household goes with its own cases and signals and those of its members, all ended long enough."""
    own = Q(pk__in=Case.objects.values("household")) | Q(pk__in=Signal.objects.values("household"))
    members = Person.objects.filter(Q(cases__isnull=False) | Q(signals__isnull=False)).values("pk")
    busy = Q(cases__status=OPEN) | Q(signals__status=Signal.Status.NEW) | Q(members__in=busy_persons())
    recent_members = Person.objects.filter(_ended_recently(cut, "person")).values("pk")
    return (
        (own | Q(members__in=members))
        & ~Q(pk__in=Household.objects.filter(busy).values("pk"))
        & ~_ended_recently(cut, "household")
        & ~Q(pk__in=Household.objects.filter(members__in=recent_members).values("pk"))
    )


def _proxy_due(cut: Cutoffs) -> Q:
    return Q(person__in=Person.objects.filter(_person_due(cut)).values("pk"))


def _focus_group_due_through(path: str) -> Callable[[Cutoffs], Q]:
    """Held before the case cutoff; `Spec.shared_cases` then keeps it while any participant's case is kept."""
    held_on = f"{path}__held_on__lte" if path else "held_on__lte"
    return lambda cut: Q(**{held_on: cut.case.date()})


_focus_group_due = _focus_group_due_through("")

PORTAL_ACCOUNT_CLOSED = {
    "first_name": "",
    "last_name": "",
    "email": "",
    "is_active": False,
    "password": make_password(None),  # unusable: nobody can sign in to a closed account
    "username": Concat(Value("anonymised-"), Cast(F("pk"), CharField())),
}
ATTACHMENT_FILES = ("plans.stepattachment", "file")
FOCUS_GROUP_FILES = ("learning.focusgroupmaterial", "file")

def _forget_support_links(ids: list[int]) -> None:
    """A support record past its period leaves the matching: its encoding and its matches (with their
    reviews, on both sides) are deleted, so nothing pseudonymised outlives the record."""
    keys = list(apps.get_model("support.supportrecord")._default_manager.filter(pk__in=ids).values_list(
        "link_key", flat=True))
    apps.get_model("support.supportencoding")._default_manager.filter(link_key__in=keys).delete()
    apps.get_model("support.supportmatch")._default_manager.filter(
        Q(left_key__in=keys) | Q(right_key__in=keys)).delete()


SPECS: dict[RetentionRule.RecordType, Spec] = {
    Type.PERSON: Spec(
        "people.person",
        _person_due,
        blank={"given_name": "", "family_name": "", "birth_date": None, "address": "", "phone": "",
               "email": "", "preferred_language": "", "household_role": ""},
        erasable=False,
        children=(("accounts.user", "person", PORTAL_ACCOUNT_CLOSED),),
        audit_person="pk",
    ),
    Type.HOUSEHOLD: Spec("people.household", _household_due, blank={"name": "", "address": ""}, erasable=False),
    Type.SIGNAL: Spec(
        "cases.signal",
        _signal_due,
        blank={f: "" for f in ("signaller_name", "signaller_contact", "problems", "how_it_came_about",
                               "who_intervened", "what_is_being_done", "other_professionals", "request",
                               "closed_reason")},
        erasable=False,
        audit_case="case",
        audit_person="person",
    ),
    Type.CASE: Spec(
        "cases.case", in_closed_case(""), blank={"closure_reason": ""}, erasable=False,
        children=(("imports.importedcase", "case", {"reference": ""}),),
        audit_case="pk", audit_person="person",
    ),
    Type.CONSENT: Spec(
        "consents.consent", in_closed_case("case"),
        blank={"given_by": "", "relation": "", "scope_details": "", "withdrawal_reason": "", "document": ""},
        files=(("consents.consent", "pk", "document"),), audit_case="case", audit_person="case__person",
    ),
    Type.ASSESSMENT: Spec(
        "assessments.assessment", in_closed_case("case"),
        blank={f: "" for f in ("physical_description", "communication_description", "social_description",
                               "strengths", "resources")},
        audit_case="case", audit_person="case__person",
    ),
    Type.GOAL: Spec(
        "goals.goal", in_closed_case("case"),
        blank={"citizen_words": "", "title": "", "indicator": "", "target": ""},
        files=((ATTACHMENT_FILES[0], "step__goal", ATTACHMENT_FILES[1]),),
        shared_cases="group_cases", audit_case="case", audit_person="case__person",
    ),
    Type.STEP: Spec(
        "plans.step", in_closed_case("goal__case"), blank={"what": "", "who": ""},
        files=((ATTACHMENT_FILES[0], "step", ATTACHMENT_FILES[1]),),
        shared_cases="goal__group_cases", audit_case="goal__case", audit_person="goal__case__person",
    ),
    Type.ATTACHMENT: Spec(
        "plans.stepattachment", in_closed_case("step__goal__case"),
        files=((ATTACHMENT_FILES[0], "pk", ATTACHMENT_FILES[1]),),
        shared_cases="step__goal__group_cases", audit_case="step__goal__case", audit_person="step__goal__case__person",
    ),
    Type.SAVINGS: Spec(
        "plans.savingsplan", in_closed_case("goal__case"),
        shared_cases="goal__group_cases", audit_case="goal__case", audit_person="goal__case__person",
    ),
    Type.AGREEMENT: Spec(
        "agreements.agreementversion", in_closed_case("case"), blank={"summary": "", "accepted_by_family": ""},
        children=(("agreements.agreementaction", "version", {"who": "", "what": ""}),),
        audit_case="case", audit_person="case__person",
    ),
    Type.REFERRAL: Spec(
        "referrals.referral", in_closed_case("case"), blank={"message": "", "decline_reason": ""},
        audit_case="case", audit_person="case__person",
    ),
    # A restricted note must keep a reason (a database constraint): without its text, it is no longer restricted.
    Type.NOTE: Spec(
        "notes.progressnote", in_closed_case("case"),
        blank={"text": "", "restriction_reason": "", "is_restricted": False},
        audit_case="case", audit_person="case__person",
    ),
    Type.EVALUATION: Spec(
        "evaluations.evaluationmoment", in_closed_case("case"), blank={"citizen_words": ""},
        children=(("evaluations.goalattainment", "evaluation", {"comment": ""}),),
        audit_case="case", audit_person="case__person",
    ),
    Type.QUALITY_OF_LIFE: Spec(
        "evaluations.qualityofliferating", in_closed_case("evaluation__case"),
        audit_case="evaluation__case", audit_person="evaluation__case__person",
    ),
    # A focus group names several cases: it is due once it was held long enough ago and none of them is kept.
    Type.FOCUS_GROUP: Spec(
        "learning.focusgroup", _focus_group_due,
        blank={"activity": "", "other_participants": "", "impressions": "", "recommendations": "",
               "areas_to_improve": ""},
        files=((FOCUS_GROUP_FILES[0], "focus_group", FOCUS_GROUP_FILES[1]),),
        shared_cases="cases",
    ),
    Type.FOCUS_GROUP_MATERIAL: Spec(
        FOCUS_GROUP_FILES[0], _focus_group_due_through("focus_group"),
        files=((FOCUS_GROUP_FILES[0], "pk", FOCUS_GROUP_FILES[1]),),
        shared_cases="focus_group__cases",
    ),
    Type.WISH: Spec(
        "portal.wish", in_closed_case("case"), blank={"text": ""}, audit_case="case", audit_person="case__person"
    ),
    Type.PROXY: Spec("portal.proxy", _proxy_due, audit_person="person"),
    # Participants' names, decisions and actions go with the meeting; steps made from actions keep the step rule.
    Type.MEETING: Spec(
        "meetings.networkmeeting", in_closed_case("case"),
        blank={"title": "", "place": "", "agenda": "", "strategy": "", "minutes": "", "restriction_reason": "",
               "is_restricted": False},
        children=(
            # A participant without an account must have a name (a database constraint): a dash stands in.
            ("meetings.meetingparticipant", "meeting", {"name": "–", "relation": ""}),
            ("meetings.meetingdecision", "meeting", {"text": ""}),
            ("meetings.meetingaction", "meeting", {"what": "", "owner_name": ""}),
        ),
        audit_case="case", audit_person="case__person",
    ),
    # A change made offline, as it arrived (its applied result keeps its own rule): with the file.
    Type.OFFLINE_WRITE: Spec(
        "offline.offlinewrite", in_closed_case("case"), blank={"payload": {}, "server_version": {}, "message": ""},
        files=(("offline.offlinewrite", "pk", "photo"),),
        audit_case="case", audit_person="case__person",
    ),
    # An institution's register is not case data: its period runs from the day the support was given
    # (the rule's "years after the case closed"), whatever happens to any case. Its encoding, matches and
    # reviews go with it (_forget_support_links).
    Type.SUPPORT: Spec(
        "support.supportrecord", lambda cut: Q(given_on__lte=cut.case.date()),
        blank={"given_names": "", "family_names": "", "birth_date": None, "address": "", "place": "", "note": ""},
        children=(("support.supportreview", "record", {"conversation": ""}),),
        audit_person="person", release=_forget_support_links,
    ),
}
