"""`carepath demo`: the fictional municipality and its stories, once, in one transaction."""

from django.db import transaction

from carepath.demo import practices, stories_adults, stories_children, stories_living, support_register
from carepath.demo.catalogue import story_timestamps
from carepath.demo.world import MUNICIPALITY, World, build_world
from carepath.organisations.models import Organisation


def demo_present() -> bool:
    return Organisation.objects.filter(name=MUNICIPALITY).exists()


@transaction.atomic
def load_demo() -> World | None:
    """Create the demo, or return None when it is already there (its municipality is the marker)."""
    if demo_present():
        return None
    with story_timestamps():
        world = build_world()
        tomas_case, _trip = stories_living.tomas(world)
        stories_living.residents_council(world, tomas_case)
        stories_living.tomas_portal(world, tomas_case)
        stories_living.learning_from_the_bank(world, tomas_case)
        stories_adults.mette(world)
        stories_adults.paolo(world)
        stories_adults.adult_signals(world)
        stories_children.silva(world)
        stories_children.petrauskas(world)
        stories_children.brandt(world)
        stories_children.ivanov_signal(world)
        practices.practice_library(world)
        support_register.support_register(world, tomas_case)
    return world
