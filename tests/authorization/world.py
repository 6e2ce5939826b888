"""One small world with a person in every relation the access rules know, for the authorization matrix."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from carepath.access.policy import record
from carepath.accounts.models import Role, User
from carepath.agreements.models import AgreementVersion
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case, Deadline, Signal
from carepath.consents.models import Consent
from carepath.evaluations.models import EvaluationMoment
from carepath.goals.models import Goal
from carepath.learning.models import AfterActionReview, AppreciativeInquiry, FocusGroup, FocusGroupMaterial
from carepath.learning.tests.factories import focus_group_of, material_of
from carepath.meetings.models import NetworkMeeting
from carepath.meetings.tests.factories import held_meeting_of
from carepath.offline.devices import register as register_device
from carepath.offline.models import Device, OfflineWrite
from carepath.organisations.authority import add_links
from carepath.organisations.models import Organisation
from carepath.pilots.models import Pilot
from carepath.plans.models import SavingsPlan, Step, StepAttachment
from carepath.portal.models import Proxy
from carepath.practices.models import Practice
from carepath.practices.tests.factories import PracticeFactory
from carepath.referrals.models import Referral
from carepath.reminders.services import create_feed
from carepath.support.models import SupportMatch, SupportRecord
from carepath.support.services import record_support
from carepath.testing import factories as f
from carepath.testing.files import PDF, PNG

ROLES = (
    "anonymous",
    "case_worker_on_team",
    "case_worker_other_org",
    "provider_with_referral",
    "provider_referral_no_consent",
    "provider_without_referral",
    "team_leader",
    "administrator",
    "citizen",
    "other_citizen",
    "representative_active",
    "representative_expired",
    "representative_revoked",
)
# Who may learn that the person exists; anyone else seeing their name on any page is a leak.
KNOW_THE_PERSON = {
    "case_worker_on_team",
    "provider_with_referral",
    "provider_referral_no_consent",  # the referral needs their name
    "team_leader",
    "citizen",
    "representative_active",
}
PERSON_MARKER = "Quarshie-Vantongeren"  # the person's family name: found on a page, it names them


@dataclass
class World:
    case: Case
    signal: Signal
    deadline: Deadline
    consent: Consent
    goal: Goal
    step: Step
    attachment: StepAttachment
    savings_plan: SavingsPlan
    evaluation: EvaluationMoment
    agreement: AgreementVersion
    referral: Referral
    proxy: Proxy
    expired_proxy: Proxy
    focus_group: FocusGroup
    material: FocusGroupMaterial
    review: AfterActionReview
    inquiry: AppreciativeInquiry
    pilot: Pilot
    practice: Practice
    users: dict[str, User | None] = field(default_factory=dict)
    person_marker: str = PERSON_MARKER
    feed_token: str = ""  # the secret of the case worker's calendar feed
    meeting: NetworkMeeting | None = None  # a network meeting of the case, with an action made a step
    support_record: SupportRecord | None = None  # recorded by the case worker's institution
    support_match: SupportMatch | None = None  # that record and a food bank's
    device: Device | None = None  # the case worker's phone for home visits (issue 11)
    offline_write: OfflineWrite | None = None  # a note it sent after it was revoked, held for review


def build() -> World:
    today = timezone.localdate()
    case = f.CaseFactory(signal__person__family_name=PERSON_MARKER)
    unit, worker = case.unit, case.signal.received_by
    leader = f.UserFactory(role=Role.TEAM_LEADER, unit=unit)
    unit.leader = leader
    unit.save(update_fields=["leader"])
    waiting_signal = f.SignalFactory(unit=unit, received_by=worker)
    deadline = case.signal.deadlines.first() or Deadline.objects.create(
        signal=case.signal, label="Assessment", due_on=today + datetime.timedelta(days=10)
    )

    with_consent, no_consent, no_referral = (f.ProviderStaffFactory() for _ in range(3))
    referral = f.ReferralFactory(
        case=case, service=f.ServiceFactory(provider=with_consent.organisation), status=Referral.Status.ACCEPTED
    )
    f.ReferralFactory(case=case, service=f.ServiceFactory(provider=no_consent.organisation))
    sharing = f.ConsentFactory(case=case, scope=Consent.Scope.SHARE_PROVIDERS)
    add_links(sharing.providers, with_consent.organisation)
    consent = f.ConsentFactory(case=case, method=Consent.Method.PAPER)
    consent.document.save("scan.pdf", ContentFile(PDF))

    goal = f.GoalFactory(case=case)
    step = f.StepFactory(goal=goal, due_on=today)
    attachment = f.StepPictureFactory(step=step)
    f.ProgressNoteFactory(case=case, goal=goal)

    citizen = f.CitizenFactory(person=case.person)
    active = f.ProxyFactory(person=case.person, granted_by=citizen, scope=Proxy.Scope.PLAN_AND_NOTES)
    expired = f.ProxyFactory(person=case.person, granted_by=citizen, valid_until=today - datetime.timedelta(days=1))
    expired.valid_from = today - datetime.timedelta(days=30)
    expired.save()
    revoked = f.ProxyFactory(person=case.person, granted_by=citizen, revoked_at=timezone.now())

    administrator = f.UserFactory(
        role=Role.ADMINISTRATOR, unit=None, organisation=None, is_staff=True, is_superuser=True
    )
    ContentType.objects.get_for_model(Organisation)  # for the admin's "view on site" link
    _fill_the_admin(worker)
    pilot = Pilot.objects.create(unit=unit, title="Residents plan the garden", objectives="o", created_by=worker)
    world = World(
        case=case,
        signal=waiting_signal,
        deadline=deadline,
        consent=consent,
        goal=goal,
        step=step,
        attachment=attachment,
        savings_plan=f.SavingsPlanFactory(goal=goal),
        evaluation=f.EvaluationMomentFactory(case=case),
        agreement=f.AgreementVersionFactory(case=case),
        referral=referral,
        proxy=active,
        expired_proxy=expired,
        focus_group=(group := focus_group_of(case, created_by=worker)),
        material=material_of(group),
        review=AfterActionReview.objects.create(
            unit=unit,
            subject="The pilot",
            held_on=today,
            planned="p",
            happened="h",
            why_different="w",
            lessons="l",
            pilot=pilot,
            created_by=worker,
        ),
        inquiry=AppreciativeInquiry.objects.create(
            unit=unit,
            subject="Mornings",
            held_on=today,
            discover="a",
            dream="b",
            design="c",
            destiny="d",
            pilot=pilot,
            created_by=worker,
        ),
        pilot=pilot,
        practice=PracticeFactory(owner=unit.organisation, created_by=worker),
    )
    world.users = {
        "anonymous": None,
        "case_worker_on_team": worker,
        "case_worker_other_org": f.UserFactory(),
        "provider_with_referral": with_consent,
        "provider_referral_no_consent": no_consent,
        "provider_without_referral": no_referral,
        "team_leader": leader,
        "administrator": administrator,
        "citizen": citizen,
        "other_citizen": f.CitizenFactory(),
        "representative_active": active.representative,
        "representative_expired": expired.representative,
        "representative_revoked": revoked.representative,
    }
    world.feed_token = create_feed(owner=worker)[1]
    world.meeting = held_meeting_of(case, by=worker, goal=goal)
    world.support_record, world.support_match = _support_match(worker)
    world.device, _token = register_device(user=worker, name="Work phone")
    world.offline_write = OfflineWrite.objects.create(
        device=world.device, user=worker, case=case, kind=OfflineWrite.Kind.NOTE, state=OfflineWrite.State.HELD,
        payload={"text": "Written on the visit"}, device_at=timezone.now(),
        photo=ContentFile(PNG, name="visit.png"),
    )
    return world


def _support_match(worker: User) -> tuple[SupportRecord, SupportMatch]:
    """A record in the case worker's institution's support register, matched with a food bank's.
    Not the world's person: a support register names people who may have no case at all."""
    food_bank = f.UserFactory(role=Role.PROVIDER_STAFF, unit__organisation__kind=Organisation.Kind.CHARITY)
    given = {"given_names": "Ana", "family_names": "Ferreira", "kind": "food", "given_on": timezone.localdate()}
    ours = record_support(by=worker, **given)
    theirs = record_support(by=food_bank, **given)
    match = SupportMatch.objects.create(
        left_key=ours.link_key, right_key=theirs.link_key, left_institution_id=ours.institution_id,
        right_institution_id=theirs.institution_id, kind="food", period=ours.period, score=0.97,
        found_at=timezone.now(),
    )
    return ours, match


def _fill_the_admin(worker: User) -> None:
    """At least one row for every model in the admin, so each change page is really opened."""
    Group.objects.get_or_create(name="Case workers")
    f.HouseholdFactory()
    record(worker, AuditEvent.Action.VIEW, what="people.person", object_id=None)
    # A failed attempt for the login-throttling pages (successful logins are not kept: AXES_DISABLE_ACCESS_LOG).
    Client().post(reverse("login"), {"username": worker.username, "password": "wrong"})
