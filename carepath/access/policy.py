"""The one access policy. Every query of a person's data starts here, and every look is audited.

A staff user sees a case only when they are on its team, their organisation holds a pending or
accepted referral for it, or they lead the unit responsible for it. Anything else is a 404, so a
stranger cannot even learn that the case exists. Signals (before a case exists) are seen by the
receiving unit's authority staff and its leader. A provider sees the whole file only while a
consent to share covers its organisation; without one, only what the referral needs.

In the portal, a citizen sees their own file and a representative what their proxy's scope allows,
only while the proxy runs. Citizens never reach staff pages, nor staff the portal (portal middleware).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Model, OuterRef, Q, QuerySet, Value
from django.http import Http404
from django.utils import timezone

from carepath.accounts.models import STAFF_ROLES, Role, User
from carepath.audit import log
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case, CaseTeamMember, Deadline, Signal
from carepath.consents.models import Consent
from carepath.organisations.models import Organisation, Service, Unit
from carepath.people.models import Person
from carepath.portal.models import Proxy
from carepath.referrals.models import Referral
from carepath.support.models import SupportMatch, SupportRecord

M = TypeVar("M", bound=Model)

OPEN_REFERRAL_STATUSES = (Referral.Status.PENDING, Referral.Status.ACCEPTED)
AUTHORITY_ROLES = (Role.CASE_WORKER, Role.TEAM_LEADER)
SHARING_SCOPES = (Consent.Scope.SHARE_PROVIDERS, Consent.Scope.SHARE_NETWORK)


class Do(StrEnum):
    """What a user may want to do with a visible case."""

    REFERRAL = "referral"  # only what a referral needs: a provider without consent to share sees this
    VIEW = "view"  # the whole file
    MANAGE = "manage"  # the authority's decisions: consent, assessment, goals, referral, closure
    PLAN = "plan"  # the shared work: steps, supports, savings, progress notes


def visible_cases(user: User) -> QuerySet[Case]:
    """Every case `user` may see; the starting point of every case query."""
    if not user.is_authenticated or not user.is_active:
        return Case.objects.none()
    # The same rule in the shape the database answers fastest (issue 6: a million people): the
    # cases the user answers for (see _answers_for), and a provider's referred cases, tens of
    # thousands for a large provider, by one index probe per case (EXISTS). Joined as a set
    # instead, a newest-first page walked the newest cases (not referred yet) testing each against
    # the whole set: 136 s for 100,000 referred cases.
    rule = _answers_for(user)
    services = services_of_organisation(user)  # named as values: estimated from their own statistics
    if services:
        rule |= Q(Exists(Referral.objects.filter(
            case_id=OuterRef("pk"), service_id__in=services, status__in=OPEN_REFERRAL_STATUSES
        )))
    return Case.objects.filter(rule)


def responsible_cases(user: User) -> QuerySet[Case]:
    """The visible cases `user` answers for: on the case's team, or leading its unit.

    Not the cases a provider sees only through a referral: the authority's deadlines of those are
    not the provider's to keep (and a large provider's 100,000 referred cases made its dashboard's
    deadlines list probe every open case, issue 6)."""
    if not user.is_authenticated or not user.is_active:
        return Case.objects.none()
    return Case.objects.filter(_answers_for(user))


def with_shared_file(user: User, cases: QuerySet[Case]) -> QuerySet[Case]:
    """Of `cases`, those whose whole file may be shared with `user`: `shares_file` asked of many cases
    in one query (a provider's staff see the plan only under an active consent to share)."""
    if user.organisation_id is None:
        return cases
    consent = Consent.objects.filter(
        Q(providers=None) | Q(providers=user.organisation_id),
        case_id=OuterRef("pk"), scope__in=SHARING_SCOPES, withdrawn_on__isnull=True,
    )
    return cases.filter(Q(unit__organisation_id=user.organisation_id) | Exists(consent))


def cases_to_take_along(user: User) -> QuerySet[Case]:
    """The open cases whose whole file `user` may take along on a home visit (issue 11): visible and
    shared with them, as for the case page. Staff only: a citizen or representative takes nothing."""
    if user.role not in STAFF_ROLES:
        return Case.objects.none()
    return with_shared_file(user, visible_cases(user).filter(status=Case.Status.OPEN))


def _answers_for(user: User) -> Q:
    """On the case's team or leading its unit. A case worker's few team cases by their ids (an
    indexed lookup); a team leader's units by the unit index (values), so a newest-first page reads
    the unit's cases only, with the leader's few team cases named by id beside it."""
    team = CaseTeamMember.objects.filter(user_id=user.pk).order_by().values("case_id")
    led = units_led_by(user)
    if not led:
        return Q(pk__in=team)
    return Q(pk__in=[row["case_id"] for row in team]) | Q(unit_id__in=led)


def units_led_by(user: User) -> list[int]:
    """The ids of the units `user` leads (see _relations)."""
    return _relations(user)[0]


def services_of_organisation(user: User) -> list[int]:
    """The ids of the services of the user's organisation, whose referred cases it sees (see _relations)."""
    return _relations(user)[1]


def _relations(user: User) -> tuple[list[int], list[int]]:
    """The units `user` leads and the services of their organisation, in one query asked once per
    request (kept on the user object). The rules above name them as values, so the database picks
    the right index with the right estimate: a join on "the services of organisation X" is estimated
    at an average organisation's thousands of referrals, and a case worker's tens of cases were then
    found by reading every open case (issue 6)."""
    cached: tuple[list[int], list[int]] | None = user.__dict__.get("_relations")
    if cached is None:
        rows = Unit.objects.filter(leader_id=user.pk).order_by().annotate(kind=Value(0)).values_list("kind", "pk")
        if user.organisation_id is not None:
            services = Service.objects.filter(provider_id=user.organisation_id).order_by()
            rows = rows.union(services.annotate(kind=Value(1)).values_list("kind", "pk"), all=True)
        found: tuple[list[int], list[int]] = ([], [])
        for kind, pk in rows:
            found[kind].append(pk)
        cached = (sorted(found[0]), sorted(found[1]))
        user.__dict__["_relations"] = cached
    return cached


def visible_signals(user: User) -> QuerySet[Signal]:
    """Signals of the user's own unit (authority staff) or of a unit they lead."""
    if not user.is_authenticated or not user.is_active:
        return Signal.objects.none()
    units = set(units_led_by(user))
    if user.role in AUTHORITY_ROLES and user.unit_id is not None:
        units.add(user.unit_id)
    # The few units as values, not an OR on the many signals: they are found by their unit's index.
    return Signal.objects.filter(unit_id__in=sorted(units))


def searchable_people(user: User) -> QuerySet[Person]:
    """The people a staff member may find by name or birth date: the person of every case they see
    (`visible_cases`), of every signal of a unit they lead and, for authority staff, of every signal
    of their own authority's units (the authority must find a person it already knows before it
    opens a second file). Providers find only the people referred to them. Citizens find no one.

    Semi-joins, not lists, so a search stays one SQL query at a million people. The rule of
    `visible_cases` is written out in parts, checked per candidate through the person's own rows
    (indexes on person_id): as one EXISTS over its OR, or as separate EXISTS, PostgreSQL chose to
    build a hash of every case or referral of the database first (30-120 ms at a million people).
    A UNION ALL inside EXISTS cannot be turned into such a hash.
    """
    if not user.is_authenticated or not user.is_active or user.role == Role.CITIZEN:
        return Person.objects.none()
    signal_units = Q(leader_id=user.pk)
    if user.role in AUTHORITY_ROLES and user.organisation_id is not None:
        signal_units |= Q(organisation_id=user.organisation_id, organisation__kind=Organisation.Kind.AUTHORITY)
    person = OuterRef("pk")
    relations: list[QuerySet[Any]] = [
        Signal.objects.filter(person_id=person, unit_id__in=Unit.objects.filter(signal_units).values("pk")),
        Case.objects.filter(person_id=person, unit_id__in=Unit.objects.filter(leader_id=user.pk).values("pk")),
    ]
    if user.organisation_id is not None:
        relations.append(
            Referral.objects.filter(
                case__person_id=person, service__provider_id=user.organisation_id, status__in=OPEN_REFERRAL_STATUSES
            )
        )
    first, *others = (relation.order_by().values("pk") for relation in relations)
    on_team = Case.objects.filter(team__user_id=user.pk).values("person_id")  # a few rows: one small hash
    return Person.objects.filter(Q(pk__in=on_team) | Exists(first.union(*others, all=True)))


def may(user: User, do: Do, case: Case) -> bool:
    """Whether `user`, who can see `case`, may do `do` to it."""
    if do is Do.REFERRAL:
        return True
    if do is Do.VIEW:
        return shares_file(user, case)
    if do is Do.PLAN:
        return case.status == Case.Status.OPEN and shares_file(user, case)
    # Decisions belong to the responsible authority, not to providers.
    is_authority_staff = (
        user.organisation_id == case.unit.organisation_id
        and case.unit.organisation.kind == Organisation.Kind.AUTHORITY
    )
    return is_authority_staff and case.status == Case.Status.OPEN


def shares_file(user: User, case: Case) -> bool:
    """Whether the whole file may be shared with `user`: always within the responsible organisation;
    with another organisation only while an active consent to share covers it (a consent naming no
    provider covers every provider). A withdrawal takes effect on the next request."""
    if user.organisation_id is None or user.organisation_id == case.unit.organisation_id:
        return True
    consents = Consent.objects.filter(case_id=case.pk, scope__in=SHARING_SCOPES, withdrawn_on__isnull=True)
    return consents.filter(Q(providers=None) | Q(providers=user.organisation_id)).exists()


def get_case(
    user: User,
    case_id: int,
    do: Do = Do.VIEW,
    *,
    queryset: QuerySet[Case] | None = None,
    audit_view: bool = True,
) -> Case:
    """The case, if `user` may see it (else 404) and do `do` (else 403).

    Every page that opens a case shows its data, whatever it then does, so the look is audited;
    refusals are audited too. Writes add their own entries.
    """
    base = queryset if queryset is not None else visible_cases(user)
    # What every case page shows and `may` needs. Not the signal or the household, read when used:
    # PostgreSQL spent 8-10 ms choosing the order of a join of eight tables, and 1 ms with five.
    case = base.filter(pk=case_id).select_related("unit__organisation", "person", "case_type").order_by().first()
    if case is None:
        if Case.objects.filter(pk=case_id).exists():
            record(user, AuditEvent.Action.DENIED, what="cases.case", object_id=case_id, case_id=case_id)
        raise Http404()
    if not may(user, do, case):
        record(user, AuditEvent.Action.DENIED, case, case=case)
        raise PermissionDenied()
    if audit_view:
        record(user, AuditEvent.Action.VIEW, case, case=case)
    return case


def get_signal(user: User, signal_id: int) -> Signal:
    """The signal, if `user` may see it (else 404); the look is audited."""
    signal = visible_signals(user).filter(pk=signal_id).select_related("person", "case_type", "unit").first()
    if signal is None:
        raise Http404()
    record(user, AuditEvent.Action.VIEW, signal, person_id=signal.person_id)
    return signal


def get_deadline(user: User, deadline_id: int) -> Deadline:
    """A deadline the user may mark as met: of a signal they see, or of a case they MANAGE."""
    visible = Q(signal__in=visible_signals(user)) | Q(signal__case__in=visible_cases(user))
    deadline = (
        Deadline.objects.filter(visible, pk=deadline_id)
        .select_related("signal__case__unit__organisation")
        .first()
    )
    if deadline is None:
        raise Http404()
    case = getattr(deadline.signal, "case", None)
    if case is not None and not may(user, Do.MANAGE, case):
        raise PermissionDenied()
    return deadline


def get_in_case(
    user: User,
    model: type[M],
    object_id: int,
    do: Do = Do.VIEW,
    *,
    case_path: str = "case",
    shared_via: str | None = None,
) -> tuple[M, Case]:
    """An object hanging off a case (goal, step, referral...), found through the visible cases; the look is audited.

    `case_path` is the lookup from the model to its case, e.g. "goal__case" for a step.
    `shared_via` names the other cases a group goal is shared with (e.g. "goal__group_cases"):
    someone working on any of them may reach the object through that case.
    """
    manager = model._default_manager
    case_id = manager.filter(pk=object_id).values_list(f"{case_path}__pk", flat=True).first()
    if case_id is None:
        raise Http404()
    if shared_via is not None:
        visible = visible_cases(user)
        if not visible.filter(pk=case_id).exists():
            shared_case_id = (
                manager.filter(pk=object_id, **{f"{shared_via}__in": visible})
                .values_list(f"{shared_via}__pk", flat=True)
                .first()
            )
            case_id = shared_case_id or case_id
    case = get_case(user, case_id, do, audit_view=False)
    found = manager.get(pk=object_id)
    record(user, AuditEvent.Action.VIEW, found, case=case)  # the record opened, not only its case
    return found, case


@dataclass(frozen=True)
class PortalAccess:
    """Whose file a portal user is looking at, and as whom: the citizen themself or a representative."""

    person: Person
    proxy: Proxy | None  # None: the citizen's own file

    @property
    def is_own_file(self) -> bool:
        return self.proxy is None

    @property
    def sees_plan(self) -> bool:
        """The plan's steps, supports, savings and the shared notes."""
        return self.proxy is None or self.proxy.scope == Proxy.Scope.PLAN_AND_NOTES


def active_proxies(user: User) -> QuerySet[Proxy]:
    """The proxies `user` holds that work today: started, not ended, not revoked."""
    today = timezone.localdate()
    return Proxy.objects.filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        representative_id=user.pk,
        revoked_at__isnull=True,
        valid_from__lte=today,
    )


def portal_files(user: User) -> list[PortalAccess]:
    """Every file a portal user may open: their own first, then those of the people they represent."""
    if not user.is_authenticated or not user.is_active or user.role != Role.CITIZEN:
        return []
    files = [PortalAccess(user.person, None)] if user.person is not None else []
    proxies = active_proxies(user).select_related("person").order_by("person__given_name", "pk")
    return files + [PortalAccess(proxy.person, proxy) for proxy in proxies]


def get_portal_access(user: User, person_id: int, *, own_file_only: bool = False, plan: bool = False) -> PortalAccess:
    """The portal's way into a file: 404 (audited) without a right to it, 403 (audited) beyond the scope.

    Checked on every request, so an expired or revoked proxy stops working at once.
    """
    access = None
    if user.is_authenticated and user.is_active and user.role == Role.CITIZEN:
        if user.person_id == person_id:
            access = PortalAccess(user.person, None)  # type: ignore[arg-type]  # person_id matched
        else:
            proxy = active_proxies(user).filter(person_id=person_id).select_related("person").first()
            access = PortalAccess(proxy.person, proxy) if proxy else None
    if access is None:
        if user.is_authenticated and Person.objects.filter(pk=person_id).exists():
            record(user, AuditEvent.Action.DENIED, what="people.person", object_id=person_id, person_id=person_id)
        raise Http404()
    if (own_file_only and not access.is_own_file) or (plan and not access.sees_plan):
        record(user, AuditEvent.Action.DENIED, what="people.person", object_id=person_id, person_id=person_id)
        raise PermissionDenied()
    return access


def record_listed(user: User, named: Iterable[tuple[int, Case | None]]) -> None:
    """One "listed" entry per person a list page names, given as (person id, the case the list names
    them in, or None). The case as loaded gives the entry its authority without a query.

    A list shows names, not files; the person still sees in the portal whose lists named them.
    """
    seen: dict[int, Case | None] = {}
    for person_id, case in named:
        seen.setdefault(person_id, case)
    log.append_many(
        log.Entry(user.pk, AuditEvent.Action.LISTED, "people.person", person_id,
                  case.pk if case else None, person_id, case.authority_id if case else None)
        for person_id, case in seen.items()
    )


def record_home_visit(user: User, cases: Iterable[Case]) -> None:
    """Taking cases along on a home visit (issue 11): one audited read of each, with that reason."""
    log.append_many(
        log.Entry(
            user_id=user.pk, action=AuditEvent.Action.VIEW, what="cases.case", object_id=case.pk, case_id=case.pk,
            person_id=case.person_id, authority_id=case.authority_id, reason=AuditEvent.Reason.HOME_VISIT,
        )
        for case in cases
    )


def record(
    user: User,
    action: str,
    obj: Model | None = None,
    *,
    what: str | None = None,
    object_id: int | None = None,
    case: Case | None = None,
    case_id: int | None = None,
    person_id: int | None = None,
    reason: str = "",
    device_at: datetime.datetime | None = None,
) -> None:
    """Write one audit event, chained to the one before. Only ids and the kind of record, never content.

    `reason` says why a record was read outside a page (a home visit); `device_at` when a change synced
    from a device was made there.
    """
    authority_id = None
    if case is not None:
        case_id, authority_id = case.pk, case.authority_id
        person_id = person_id or case.person_id
    log.append(  # the one writer of the audit log (hash chain, see decision 0006)
        user_id=user.pk,
        action=action,
        what=what or (obj._meta.label_lower if obj is not None else ""),
        object_id=object_id if object_id is not None else (obj.pk if obj is not None else None),
        case_id=case_id,
        person_id=person_id,
        authority_id=authority_id,
        reason=reason,
        device_at=device_at,
    )


def get_person_for_subject_access(user: User, person_id: int) -> Person:
    """The person, if `user` may answer their subject-access request (else 404, audited).

    Authority staff (case worker, team leader) who see any case or signal of the person, open or
    closed: the authority is the controller. Providers, other roles and citizens get a 404.
    """
    allowed = user.is_authenticated and user.is_active and user.role in AUTHORITY_ROLES
    person = Person.objects.filter(pk=person_id).first()
    sees_it = (
        allowed
        and person is not None
        and (
            visible_cases(user).filter(person_id=person_id).exists()
            or visible_signals(user).filter(person_id=person_id).exists()
        )
    )
    if person is None or not sees_it:
        if person is not None and user.is_authenticated:
            record(user, AuditEvent.Action.DENIED, what="people.person", object_id=person_id, person_id=person_id)
        raise Http404()
    return person


REPORTING_ROLES = (Role.TEAM_LEADER, Role.QUALITY_COORDINATOR, Role.ADMINISTRATOR)


def reportable_cases(user: User) -> QuerySet[Case]:
    """The cases whose aggregates `user` may see in reports: those of their organisation's units and
    those referred (any status) to its services. Only team leaders, quality coordinators and
    administrators report; anyone else, and anyone outside an organisation, gets none.

    Reports show counts and unnamed quotes, never a name or a case reference.
    """
    if not user.is_authenticated or not user.is_active or user.role not in REPORTING_ROLES:
        return Case.objects.none()
    if user.organisation_id is None:
        return Case.objects.none()
    referred = Referral.objects.filter(service__provider_id=user.organisation_id).values("case_id")
    return Case.objects.filter(Q(unit__organisation_id=user.organisation_id) | Q(pk__in=referred))


def visible_learning_units(user: User) -> QuerySet[Model]:  # of organisations.Unit
    """The units whose learning records (focus groups, after action reviews, appreciative inquiries)
    `user` may see and write: every unit of the user's own organisation, authority or provider.

    A learning record is the organisation's reflection on its work, so it is not tied to the case
    team; who it names is still limited by `visible_cases` where it is shown. Citizens never.
    """
    from carepath.organisations.models import Unit

    if not user.is_authenticated or not user.is_active or user.role == Role.CITIZEN or user.organisation_id is None:
        return Unit.objects.none()
    return Unit.objects.filter(organisation_id=user.organisation_id)


PRACTICE_REVIEWER_ROLES = (Role.TEAM_LEADER, Role.QUALITY_COORDINATOR, Role.ADMINISTRATOR)


def reads_practice_library(user: User) -> bool:
    """Every professional reads the practice library: it names no citizen, only organisations' work
    and aggregate outcomes. Citizens never (the portal is theirs)."""
    return bool(user.is_authenticated and user.is_active and user.role != Role.CITIZEN)


def may_document_practice(user: User) -> bool:
    """A professional of an organisation may add a practice; it is then documented by that organisation."""
    return reads_practice_library(user) and user.organisation_id is not None


def may_edit_practice(user: User, practice: Model) -> bool:  # a practices.Practice
    """Only the organisation that documents a practice keeps it up to date."""
    return may_document_practice(user) and practice.owner_id == user.organisation_id  # type: ignore[attr-defined]


def may_assess_practices(user: User) -> bool:
    """Reviewers on WIT's criteria: team leaders, quality coordinators and administrators of any organisation."""
    return reads_practice_library(user) and user.role in PRACTICE_REVIEWER_ROLES


def keeps_support_register(user: User) -> bool:
    """Staff of an institution (any organisation) keep its support register; citizens and users of no
    organisation have none."""
    return bool(
        user.is_authenticated and user.is_active and user.role != Role.CITIZEN and user.organisation_id is not None
    )


def support_records_visible_to(user: User) -> QuerySet[SupportRecord]:
    """The support records `user` may see and edit: those of their own institution, nobody else's.

    A support register names people who may have no case anywhere; other institutions learn of a
    record only as an encoding (docs/privacy-linkage.md), never through this queryset.
    """
    if not keeps_support_register(user):
        return SupportRecord.objects.none()
    return SupportRecord.objects.filter(institution_id=user.organisation_id)


def support_matches_visible_to(user: User) -> QuerySet[SupportMatch]:
    """The matches one side of which is a record of the user's institution."""
    if not keeps_support_register(user):
        return SupportMatch.objects.none()
    mine = user.organisation_id
    return SupportMatch.objects.filter(Q(left_institution_id=mine) | Q(right_institution_id=mine))


def get_support_record(user: User, record_id: int) -> SupportRecord:
    """The record if it is the user's institution's (else 404, the refusal audited); the look is audited."""
    found = support_records_visible_to(user).filter(pk=record_id).first()
    if found is None:
        if user.is_authenticated and SupportRecord.objects.filter(pk=record_id).exists():
            record(user, AuditEvent.Action.DENIED, what="support.supportrecord", object_id=record_id)
        raise Http404()
    record(user, AuditEvent.Action.VIEW, found, person_id=found.person_id)
    return found


def get_support_match(user: User, match_id: int) -> SupportMatch:
    """The match if one side is the user's institution's (else 404, audited); the look is audited."""
    found = support_matches_visible_to(user).filter(pk=match_id).select_related(
        "left_institution", "right_institution"
    ).first()
    if found is None:
        if user.is_authenticated and SupportMatch.objects.filter(pk=match_id).exists():
            record(user, AuditEvent.Action.DENIED, what="support.supportmatch", object_id=match_id)
        raise Http404()
    record(user, AuditEvent.Action.VIEW, found)
    return found
