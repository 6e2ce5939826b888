"""Generate a synthetic municipality: the same citizens and seed always give the same data."""

import datetime
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction

from carepath.demo.catalogue import ADULT_SUPPORT, CHILD_AND_FAMILY, ensure_case_types, story_timestamps
from carepath.demo.synthetic import world as synthetic_world
from carepath.demo.synthetic.pathway import Clock, Pathway
from carepath.demo.synthetic.population import Population, districts_for
from carepath.demo.synthetic.rows import Rows
from carepath.organisations.models import Organisation

# Every date is counted back from here, never from today: a seed means the same data on any day.
ANCHOR = datetime.date(2026, 11, 1)
CHILD_SIGNAL_CHANCE = 0.55  # of households with children
ADULT_SIGNAL_CHANCE = 0.22  # of each adult


class AlreadyGenerated(Exception):
    """This seed's municipality exists already."""


@dataclass
class Result:
    authority: str
    citizens: int
    counts: dict[str, int]
    stages: dict[str, int]
    seconds: float


@transaction.atomic
def generate(*, citizens: int, seed: int, batch: int = 5000,
             progress: Callable[[int], None] | None = None) -> Result:
    """Create `citizens` people in households, and signals and cases at every stage, in one transaction."""
    started = time.monotonic()
    name = synthetic_world.authority_name(seed)
    if Organisation.objects.filter(name=name).exists():
        raise AlreadyGenerated(name)
    rng = random.Random(seed)
    with story_timestamps():
        case_types = ensure_case_types()
        rules = {
            kind: [(case_types[type_name].pk, r.label, r.days)
                   for r in case_types[type_name].deadline_rules.order_by("days", "pk")]
            for kind, type_name in (("child", CHILD_AND_FAMILY), ("adult", ADULT_SUPPORT))
        }
        world = synthetic_world.build(seed=seed, citizens=citizens, rng=rng)
        rows = Rows(batch_size=batch)
        clock = Clock(ANCHOR)
        pathway = Pathway(rng, rows, world, clock, rules)
        made = flushed = 0
        for home in Population(rng, rows, ANCHOR, districts_for(citizens)).homes(citizens):
            if home.children and rng.random() < CHILD_SIGNAL_CHANCE:
                pathway.signal(rng.choice(home.children), home, "child")
            for adult in home.adults:
                if rng.random() < ADULT_SIGNAL_CHANCE:
                    pathway.signal(adult, home, "adult")
            made += len(home.members)
            if made - flushed >= batch:
                rows.flush()
                flushed = made
                if progress:
                    progress(made)
        rows.flush()
        if connection.vendor == "postgresql":
            rows.reset_sequences()
    counts = {model._meta.label: n for model, n in rows.written.items()}
    return Result(name, citizens, counts, pathway.stages, time.monotonic() - started)
