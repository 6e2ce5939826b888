"""The demo's practice library: the seven practices of the seeds (`practice_texts`), documented by the
demo organisations that do that kind of work, assessed on WIT's criteria, and named by the demo's
referrals and steps whose story applies them, so that a practice leads to the cases behind it.

Runs after the stories: it names practices on work the stories made, as a provider would when it
records which practice its plan applies.
"""

from carepath.demo import builders as b
from carepath.demo.practice_texts import ASSESSMENTS, PRACTICES, practice_fields
from carepath.demo.world import World
from carepath.organisations.models import Organisation
from carepath.plans.models import Step
from carepath.practices.models import Practice
from carepath.practices.services import assess_practice, save_practice
from carepath.referrals.models import Referral

# Which demo login documents each practice: its organisation keeps the description up to date. The
# providers document the practice their own service follows (the social services centre also the
# community work of the Social Broker); the municipality's quality coordinator SEMPRE's micro projects,
# which it learned from for its own pilot.
DOCUMENTED_BY = {
    "believe-in-the-unbelievable": "living",
    "tailor-cooperative": "quality",
    "wirkstatt": "quality",
    "social-broker": "centre",
    "varna-social-enterprise": "centre",
    "mut-mobile-trauma-help": "boys",
    "early-intervention-team": "early",
}

# Who reviewed each assessed practice, and how many days ago; reviewers never assess a practice
# their own organisation documents.
REVIEWED_BY = {
    "believe-in-the-unbelievable": ("quality", 30),
    "varna-social-enterprise": ("quality", 25),
    "early-intervention-team": ("quality", 20),
    "mut-mobile-trauma-help": ("teamleader", 18),
    "social-broker": ("teamleader", 12),
}

# The service whose accepted or pending referrals apply a practice: the home follows "I Believe in
# the Unbelievable", the early-intervention team the integrated support with parents as experts,
# Help for Boys the mobile trauma help.
PRACTICE_OF_SERVICE = {
    "independent_living": "believe-in-the-unbelievable",
    "early_intervention": "early-intervention-team",
    "trauma_help": "mut-mobile-trauma-help",
}

# Organisations that share their outcome figures with the library: the municipality, whose units
# hold every demo case, and the providers whose practices those cases apply.
SHARING = ("living", "early", "boys")


def practice_library(w: World) -> dict[str, Practice]:
    """Create the seven practices and their assessments, share outcomes, and name the practices on
    the referrals and steps that apply them; returns the practices by key."""
    practices = {
        entry["key"]: save_practice(by=w.users[DOCUMENTED_BY[entry["key"]]], **practice_fields(entry))
        for entry in PRACTICES
    }
    for key, scores in ASSESSMENTS.items():
        reviewer, days_ago = REVIEWED_BY[key]
        assess_practice(practice=practices[key], by=w.users[reviewer], assessed_on=b.day(days_ago), scores=scores)
    Organisation.objects.filter(pk__in=[w.municipality.pk, *(w.providers[k].pk for k in SHARING)]).update(
        shares_practice_outcomes=True
    )
    _apply(w, practices)
    _pilot(w)
    return practices


def _pilot(w: World) -> None:
    """The municipality's own pilot of user involvement (seed 001), at the step of assessing its
    outcomes; the After Action Review the living-home story recorded is about it."""
    from carepath.learning.models import AfterActionReview
    from carepath.pilots.models import Step as RoadmapStep
    from carepath.pilots.services import record_pilot

    pilot = record_pilot(
        by=w.users["quality"],
        unit=w.units["Adult social services"],
        title="Dreams and wishes with the living home",
        step=RoadmapStep.ASSESS,
        started_on=b.day(120),
        stakeholders="Residents and the Residents' Council of the living home; their support staff; relatives "
        "the residents choose; the adult social services team.",
        objectives="Every resident with a dream has a plan with pictures, made with a staff member.\n"
        "Residents propose group goals through their council.\n"
        "A focus group after each activity replaces questionnaires.",
        success_factors="Plans in pictures that residents can show; savings that grow every month; residents "
        "who speak in the focus groups.",
        scenarios="We tried two scenarios in a staff workshop: a resident without relatives, and a dream that "
        "costs more than a year's savings.",
        decisions="Start with three volunteers; staff get two hours a week for plans; the council decides the "
        "group goal.",
    )
    AfterActionReview.objects.filter(subject="The dreams-and-wishes pilot with the living home").update(pilot=pilot)


def _apply(w: World, practices: dict[str, Practice]) -> None:
    for service, key in PRACTICE_OF_SERVICE.items():
        Referral.objects.filter(service=w.services[service]).update(practice=practices[key])
    demo_steps = Step.objects.filter(goal__case__unit__organisation=w.municipality)
    # The Residents' Council proposed the concert (seed 000: group proposals of dreams and wishes).
    demo_steps.filter(goal__is_group_goal=True, goal__title__startswith="Go to a concert").update(
        practice=practices["believe-in-the-unbelievable"]
    )
    # Paolo's trial week at the tailoring cooperative (seed 001's Tailor Cooperative).
    demo_steps.filter(goal__title="Work at the tailoring cooperative").update(practice=practices["tailor-cooperative"])
