"""SEMPRE's roadmap as the detail page shows it: the five steps with one sentence of guidance each
(from the roadmap, seed 001) and where a pilot stands on them."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from carepath.pilots.models import Pilot, Step

GUIDANCE: dict[str, Promise] = {
    Step.EXPLORE: _(
        "Learn what empowerment means for people, your organisation and society, and how action learning "
        "builds your capacity for user involvement."
    ),
    Step.KICK_START: _(
        "Create an agreement with staff and stakeholders: present the idea, discuss it with your staff and "
        "test the feasibility of user involvement with scenarios."
    ),
    Step.IDENTIFY: _(
        "Empowering service users requires empowered staff: develop the pilot with them in a spirit of "
        "partnership, with its objectives, success factors and key stakeholders."
    ),
    Step.ASSESS: _(
        "You and your team will learn much: reflect on and discuss your experiences, for example in an "
        "After Action Review or an Appreciative Inquiry."
    ),
    Step.KEEP_MOMENTUM: _(
        "Spread the word and do more: meet the concerns that new ideas bring, and make the pilot last."
    ),
}

# The texts the detail page shows, in the order of the form.
TEXT_FIELDS = (
    "stakeholders",
    "objectives",
    "success_factors",
    "scenarios",
    "decisions",
    "keep_momentum",
    "notes",
)


@dataclass(frozen=True)
class StepProgress:
    number: int
    label: str
    guidance: Promise
    status: str  # "done", "current" or "to_do"


def progress(pilot: Pilot) -> list[StepProgress]:
    """The five steps, each done, current or still to do for this pilot."""
    current = pilot.step_number
    return [
        StepProgress(
            number=number,
            label=str(step.label),
            guidance=GUIDANCE[step],
            status="done" if number < current else "current" if number == current else "to_do",
        )
        for number, step in enumerate(Step, start=1)
    ]


def texts(pilot: Pilot) -> list[tuple[str, str]]:
    """The pilot's texts as (label, text), for the page."""
    fields = {field.name: field for field in Pilot._meta.concrete_fields}
    return [(str(fields[name].verbose_name), getattr(pilot, name)) for name in TEXT_FIELDS]
