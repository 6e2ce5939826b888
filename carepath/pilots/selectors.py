"""Reading pilots: always through the units the access policy opens to the user for learning
records (`policy.visible_learning_units`), for reading and writing alike."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.http import Http404

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.learning.models import AfterActionReview, AppreciativeInquiry
from carepath.pilots.models import Pilot


def pilot_list(user: User, *, step: str | None = None, unit_id: int | None = None) -> QuerySet[Pilot]:
    """The pilots the user may see, newest first, optionally at one step or of one unit, with how
    many reviews and inquiries each has."""
    pilots = visible_pilots(user).annotate(
        review_count=Count("after_action_reviews", distinct=True), inquiry_count=Count("inquiries", distinct=True)
    )
    if step:
        pilots = pilots.filter(step=step)
    if unit_id is not None:
        pilots = pilots.filter(unit_id=unit_id)
    return pilots


def visible_pilots(user: User) -> QuerySet[Pilot]:
    """Every pilot of a unit whose learning records the user may see."""
    return Pilot.objects.filter(unit__in=policy.visible_learning_units(user)).select_related("unit__organisation")


def get_pilot(user: User, pilot_id: int) -> Pilot:
    """The pilot if the user may see it; otherwise 404, so a stranger cannot learn it exists (audited)."""
    found = visible_pilots(user).select_related("practice").filter(pk=pilot_id).first()
    if found is None:
        if Pilot.objects.filter(pk=pilot_id).exists():
            policy.record(user, AuditEvent.Action.DENIED, what=Pilot._meta.label_lower, object_id=pilot_id)
        raise Http404()
    return found


@dataclass(frozen=True)
class PilotRecords:
    """What the pilot's teams recorded when assessing its outcomes."""

    reviews: list[AfterActionReview]
    inquiries: list[AppreciativeInquiry]


def pilot_records(pilot: Pilot) -> PilotRecords:
    """The pilot's After Action Reviews and Appreciative Inquiries, oldest first (the story in order).

    Only records of the pilot's own organisation count: whoever sees the pilot sees those (the
    forms offer only visible pilots, so no other record should point here anyway)."""
    organisation_id = pilot.unit.organisation_id
    return PilotRecords(
        reviews=list(
            pilot.after_action_reviews.filter(unit__organisation_id=organisation_id).order_by("held_on", "pk")
        ),
        inquiries=list(pilot.inquiries.filter(unit__organisation_id=organisation_id).order_by("held_on", "pk")),
    )
