"""Signals and cases in every stage of the pathway, each with the records that stage has.

Time is counted in days before the anchor date (0 = the anchor, negative = after it), so the
same seed always gives the same dates. A case's records follow its story: signal, case opened,
consent, assessment, goals, referral, steps and notes, evaluation, closure.
"""

import datetime
import random
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from carepath.cases.models import Case, CaseTeamMember, Deadline, Signal
from carepath.consents.models import Consent
from carepath.demo.synthetic import plan, texts
from carepath.demo.synthetic.population import Home, Member
from carepath.demo.synthetic.rows import Row, Rows
from carepath.demo.synthetic.world import ServiceInfo, SyntheticWorld

STAGES = ("new", "signal_closed", "opened", "planning", "in_progress", "evaluated", "closed")
STAGE_WEIGHTS = (6, 7, 10, 17, 30, 13, 17)
# How long ago (in days) a signal of each stage arrived.
RECEIVED = {"new": (0, 12), "signal_closed": (5, 500), "opened": (3, 30), "planning": (20, 120),
            "in_progress": (60, 600), "evaluated": (150, 800), "closed": (200, 1200)}
WORKING = ("in_progress", "evaluated", "closed")
OUTCOMES = (("goals_reached", 30), ("autonomous", 25), ("partly", 25), ("declined", 10), ("moved", 10))


@dataclass
class Clock:
    anchor: datetime.date

    def day(self, days_ago: int) -> datetime.date:
        return self.anchor - datetime.timedelta(days=days_ago)

    def morning(self, days_ago: int) -> datetime.datetime:
        """Nine in the morning (UTC) of that day: for records that keep only a date."""
        return datetime.datetime.combine(self.day(days_ago), datetime.time(9), datetime.UTC)

    def at(self, days_ago: int, rng: random.Random) -> datetime.datetime:
        """A moment in office hours (UTC) on that day."""
        return datetime.datetime.combine(
            self.day(days_ago), datetime.time(rng.randint(8, 15), rng.randrange(0, 60, 5)), datetime.UTC
        )


@dataclass
class Story:
    """What the later records of one case need to know."""

    kind: str  # adult | child
    person: Member
    home: Home
    stage: str
    case_worker: int
    signal: Row
    received: int
    done: dict[str, tuple[int, int]] = field(default_factory=dict)  # deadline label -> (day, by)
    case: Row | None = None
    opened: int = 0
    end: int = 0  # the day the case closed, 0 while open
    team: list[int] = field(default_factory=list)
    levels: tuple[int, int, int] = (0, 0, 0)
    goals: list[tuple[Row, texts.GoalText]] = field(default_factory=list)
    goals_set: int = 0
    answered: int | None = None  # the day a provider accepted
    staff: int | None = None
    consents: list[Row] = field(default_factory=list)


class Pathway:
    def __init__(self, rng: random.Random, rows: Rows, world: SyntheticWorld, clock: Clock,
                 rules: dict[str, list[tuple[int, str, int]]]) -> None:
        self.rng, self.rows, self.world, self.clock = rng, rows, world, clock
        self.rules = rules  # adult|child -> [(case type id, label, days)]
        self.stages: dict[str, int] = dict.fromkeys(STAGES, 0)

    def add(self, model: type[models.Model], **fields: Any) -> Row:
        """Queue a row of case data: every one belongs to the synthetic municipality, the authority
        (its column is written explicitly here, as save() would set it)."""
        return self.rows.add(model, authority_id=self.world.authority.pk, **fields)

    def audit(self, story: "Story", user: int, action: str, row: Row, what: str, at: datetime.datetime) -> None:
        """The audit entry the access policy writes for this record (ids only; the authority with a case)."""
        self.rows.audit(user_id=user, action=action, row=row, what=what, at=at,
                        case_id=story.case.pk if story.case else None, person_id=story.person.pk,
                        authority_id=self.world.authority.pk if story.case else None)

    def later(self, days_ago: int, low: int, high: int, floor: int = 0) -> int:
        """A day `low`..`high` days after `days_ago`, but not after `floor`."""
        return max(floor, days_ago - self.rng.randint(low, high))

    def signal(self, person: Member, home: Home, kind: str) -> None:
        """A signal about `person`, taken as far along the pathway as its stage says."""
        rng, clock = self.rng, self.clock
        stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
        self.stages[stage] += 1
        received = rng.randint(*RECEIVED[stage])
        unit = self.world.units[(kind, home.district)]
        worker = rng.choice(self.world.case_workers[unit.pk])
        template = self.signal_template(kind, person)
        text = (texts.CHILD_SIGNALS if kind == "child" else texts.ADULT_SIGNALS)[template]
        words = self.words(person, home)
        signal = self.add(
            Signal, received_at=clock.at(received, rng), received_by_id=worker, unit_id=unit.pk,
            case_type_id=self.rules[kind][0][0], person_id=person.pk,
            household_id=home.pk if kind == "child" else None, signaller_kind=text.kind,
            signaller_name=text.who.format(**words), problems=text.problems.format(**words),
            how_it_came_about=text.how.format(**words), who_intervened=text.intervened.format(**words),
            what_is_being_done=text.being_done.format(**words), other_professionals=text.others,
            request=text.request.format(**words),
        )
        story = Story(kind, person, home, stage, worker, signal, received)
        self.audit(story, worker, "create", signal, "cases.signal", signal.received_at)
        if stage == "signal_closed":
            signal.status, signal.closed_reason = Signal.Status.CLOSED, rng.choice(texts.SIGNAL_CLOSED)
            signal.triaged_by_id, signal.triaged_at = worker, clock.at(self.later(received, 1, 4), rng)
        elif stage != "new":
            self.open_case(story, template)
        self.deadlines(story)

    def signal_template(self, kind: str, person: Member) -> int:
        if kind == "adult":
            return self.rng.randrange(len(texts.ADULT_SIGNALS))
        age = person.age(self.clock.anchor)
        allowed = [n for n in range(len(texts.CHILD_SIGNALS))
                   if (n != texts.EARLY_INTERVENTION_SIGNAL or age < 7)
                   and (n != texts.TRAUMA_SIGNAL or (person.male and age >= 5))]
        return self.rng.choice(allowed)

    def words(self, person: Member, home: Home) -> dict[str, str]:
        parents = home.adults
        parent = self.rng.choice(parents).given if parents and person.is_child else person.given
        return {"given": person.given, "parent": parent, "school": self.rng.choice(texts.SCHOOLS)}

    def deadlines(self, story: Story) -> None:
        """One deadline per rule of the case type, from the day the signal arrived."""
        start = self.clock.day(story.received)
        for _type, label, days in self.rules[story.kind]:
            done = story.done.get(label)
            self.add(
                Deadline, signal_id=story.signal.pk, label=label, due_on=start + datetime.timedelta(days=days),
                done_on=self.clock.day(done[0]) if done else None, done_by_id=done[1] if done else None,
            )

    def open_case(self, story: Story, template: int) -> None:
        rng, clock, signal = self.rng, self.clock, story.signal
        story.opened = self.later(story.received, 1, 3)
        if story.stage == "closed":
            story.end = rng.randint(0, story.received - 150)
        opened_at = clock.at(story.opened, rng)
        signal.status, signal.triaged_by_id, signal.triaged_at = (
            Signal.Status.CASE_OPENED, story.case_worker, opened_at)
        story.case = self.add(
            Case, signal_id=signal.pk, person_id=signal.person_id, household_id=signal.household_id,
            case_type_id=signal.case_type_id, unit_id=signal.unit_id, opened_at=opened_at,
        )
        self.audit(story, story.case_worker, "create", story.case, "cases.case", opened_at)
        self.member(story, story.case_worker, "Case worker", story.opened, manager=True)
        if story.kind == "child":
            social = self.later(story.received, 2, 9)
            if social >= story.end and (story.stage != "opened" or rng.random() < 0.6):
                story.done["Social information"] = (social, story.case_worker)
        self.consent(story)
        plan.Plan(self, story, template).run()
        if story.stage == "closed":
            self.close(story)

    def member(self, story: Story, user: int, role: str, days_ago: int, *, manager: bool = False) -> None:
        if user in story.team:
            return
        story.team.append(user)
        self.add(CaseTeamMember, case_id=story.case.pk, user_id=user,  # type: ignore[union-attr]
                 role_in_team=role[:100], is_case_manager=manager, added_at=self.clock.at(days_ago, self.rng))

    def consent(self, story: Story) -> None:
        given = self.later(story.opened, 0, 3, story.end)
        parents = story.home.adults if story.person.is_child else []
        who = " and ".join(p.name for p in parents) if parents else story.person.name
        relation = "parents" if len(parents) > 1 else "parent" if parents else "the citizen"
        scopes = [Consent.Scope.INTERVENTION]
        if story.stage in WORKING or story.stage == "planning":
            scopes.append(Consent.Scope.SHARE_PROVIDERS)
        for scope in scopes:
            consent = self.add(
                Consent, case_id=story.case.pk, given_by=who[:200], relation=relation,  # type: ignore[union-attr]
                scope=scope, method=Consent.Method.IN_PERSON, given_on=self.clock.day(given),
                recorded_by_id=story.case_worker,
            )
            story.consents.append(consent)
            self.audit(story, story.case_worker, "create", consent, "consents.consent", self.clock.morning(given))

    def close(self, story: Story) -> None:
        """Closure with outcome and reason; open clocks stop, referrals end, as close_case does."""
        rng, case = self.rng, story.case
        assert case is not None
        outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
        case.status, case.outcome, case.version = Case.Status.CLOSED, outcome, 2
        case.closure_reason = texts.CLOSURES[outcome].format(given=story.person.given)
        case.closed_at = self.clock.at(story.end, rng)
        for _type, label, _days in self.rules[story.kind]:
            story.done.setdefault(label, (story.end, story.case_worker))
        for consent in story.consents if outcome == "declined" else []:
            consent.withdrawn_on = self.clock.day(story.end)
            consent.withdrawal_reason = "No longer wants the service."

    def service_for(self, story: Story, domain: str) -> ServiceInfo:
        """A service whose purpose and functional-level range fit the goal and the person."""
        age = story.person.age(self.clock.anchor)
        audiences = {"adult"} if story.kind == "adult" else {"child"}
        if story.kind == "child" and age < 7:
            audiences.add("small_child")
        if story.kind == "child" and story.person.male and 5 <= age:
            audiences.add("boy")
        level = max(story.levels)
        fits = [s for s in self.world.services if s.audience in audiences and s.level_min <= level <= s.level_max]
        best = [s for s in fits if domain in s.domains] or fits
        return self.rng.choice(best)
