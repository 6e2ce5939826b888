"""The work on an open case: assessments, goals, agreement, referral, steps, notes, evaluations."""

from decimal import Decimal
from typing import TYPE_CHECKING

from carepath.agreements.models import AgreementAction, AgreementVersion
from carepath.assessments.models import Assessment
from carepath.demo.synthetic import texts
from carepath.demo.synthetic.rows import Row
from carepath.demo.synthetic.world import ServiceInfo
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.plans.models import SavingsDeposit, SavingsPlan, Step, StepAttachment
from carepath.referrals.models import Referral, ReferralGoal

if TYPE_CHECKING:
    from carepath.demo.synthetic.pathway import Pathway, Story

LEVELS, LEVEL_WEIGHTS = (0, 1, 2, 3, 4), (15, 30, 30, 18, 7)
ASSESSMENTS = {"opened": (0, 1), "planning": (1, 1), "in_progress": (1, 2), "evaluated": (2, 3), "closed": (2, 3)}
# About 20 progress notes per case on average (issue 6: the volume of a real caseload).
NOTES = {"opened": (0, 0), "planning": (1, 6), "in_progress": (15, 35), "evaluated": (20, 40), "closed": (20, 40)}
GOALS = (2, 5)  # goals per case: about three on average, the signal's fitting goals first
# Seed 000: of 44 goals, 28 were fully achieved, 10 partially and 6 not.
ATTAINMENT, ATTAINMENT_WEIGHTS = ("fully", "partially", "not"), (28, 10, 6)
SAVINGS_GOALS = ("Travel abroad for a week with a support worker", "Go to a concert or match in the city")


class Plan:
    def __init__(self, pathway: "Pathway", story: "Story", template: int) -> None:
        self.p, self.s, self.template = pathway, story, template
        self.rng, self.rows, self.clock = pathway.rng, pathway.rows, pathway.clock
        self.case_id = story.case.pk  # type: ignore[union-attr]
        self.step_rows: list[tuple[Row, Row]] = []

    def run(self) -> None:
        stage = self.s.stage
        first = self.assessments()
        if stage == "opened":
            return
        self.goals(first)
        if self.s.kind == "child" and stage in ("in_progress", "evaluated", "closed"):
            self.agreement()
        self.referral()
        self.steps()
        self.notes()
        self.evaluations()

    def assessments(self) -> int:
        """1 to 3 assessments; the levels mostly improve over time, so a trajectory shows."""
        s, rng = self.s, self.rng
        count = rng.randint(*ASSESSMENTS[s.stage])
        first = self.p.later(s.opened, 1, 10, s.end)
        if count == 0:
            return first
        levels = [rng.choices(LEVELS, LEVEL_WEIGHTS)[0] for _ in range(3)]
        levels[rng.randrange(3)] = max(1, levels[0])
        days = sorted({first, *(rng.randint(s.end, first) for _ in range(count - 1))}, reverse=True)
        for n, day in enumerate(days):
            if n:
                levels = [max(0, v - 1) if rng.random() < 0.45 else min(4, v + 1) if rng.random() < 0.08 else v
                          for v in levels]
            assessment = self.p.add(
                Assessment, case_id=self.case_id, assessed_on=self.clock.day(day), assessed_by_id=s.case_worker,
                physical_level=levels[0], physical_description=texts.DIMENSION_TEXTS["physical"][levels[0]],
                communication_level=levels[1],
                communication_description=texts.DIMENSION_TEXTS["communication"][levels[1]],
                social_level=levels[2], social_description=texts.DIMENSION_TEXTS["social"][levels[2]],
                strengths=rng.choice(texts.STRENGTHS), resources=rng.choice(texts.RESOURCES),
            )
            self.p.audit(s, s.case_worker, "create", assessment, "assessments.assessment", self.clock.morning(day))
            if n == 0:
                s.levels = (levels[0], levels[1], levels[2])
        if s.kind == "adult":
            s.done["Assessment of functional ability"] = (first, s.case_worker)
        return first

    def goals(self, assessed: int) -> None:
        s, rng = self.s, self.rng
        fitting = (texts.CHILD_SIGNAL_GOALS if s.kind == "child" else texts.ADULT_SIGNAL_GOALS)[self.template]
        templates = texts.CHILD_GOALS if s.kind == "child" else texts.ADULT_GOALS
        s.goals_set = self.p.later(assessed, 0, 5, s.end)
        count = rng.randint(*GOALS)
        chosen = rng.sample(fitting, min(count, len(fitting)))
        others = [n for n in range(len(templates)) if n not in fitting]
        chosen += rng.sample(others, min(count - len(chosen), len(others)))
        for n in chosen:
            text = templates[n]
            goal = self.p.add(
                Goal, case_id=self.case_id, citizen_words=rng.choice(text.words).format(given=s.person.given),
                title=text.title.format(given=s.person.given), indicator=text.indicator, target=text.target,
                due_on=self.clock.day(s.goals_set - rng.randint(90, 365)), life_domain=text.domain,
                proposed_by=Goal.ProposedBy.CITIZEN if rng.random() < 0.8 else Goal.ProposedBy.STAFF,
                created_by_id=s.case_worker, created_at=self.clock.at(s.goals_set, rng),
            )
            s.goals.append((goal, text))
            self.p.audit(s, s.case_worker, "create", goal, "goals.goal", goal.created_at)

    def agreement(self) -> None:
        """A negotiated agreement; a third of families renegotiate it once."""
        s, rng = self.s, self.rng
        accepted = self.p.later(s.goals_set, 1, 20, s.end)
        s.done["Agreement negotiated with the family"] = (accepted, s.case_worker)
        family = " and ".join(p.name for p in s.home.adults) or s.person.name
        versions = 2 if rng.random() < 0.33 else 1
        for number in range(1, versions + 1):
            version = self.p.add(
                AgreementVersion, case_id=self.case_id, number=number, accepted_by_family=family[:200],
                summary="First agreement, negotiated at home." if number == 1 else
                "Renegotiated with the family: times changed to fit their rhythm.",
                accepted_by_staff_id=s.case_worker, accepted_on=self.clock.day(accepted),
                created_at=self.clock.at(accepted, rng),
            )
            words = self.p.words(s.person, s.home)
            for who, what in rng.sample(texts.AGREEMENT_ACTIONS, rng.randint(2, 4)):
                self.p.add(AgreementAction, version_id=version.pk, who=who.format(**words), what=what,
                           by_when=self.clock.day(accepted - rng.randint(14, 60)))
            accepted = self.p.later(accepted, 10, 60, s.end)

    def referral(self) -> None:
        """Pending while planning; accepted (sometimes after a decline elsewhere) once work starts."""
        s, rng = self.s, self.rng
        goal, text = s.goals[0]
        service = self.p.service_for(s, text.domain)
        referred = self.p.later(s.goals_set, 1, 10, s.end)
        if s.stage in ("in_progress", "evaluated", "closed") and rng.random() < 0.1:
            other = self.p.service_for(s, text.domain)
            if other.pk != service.pk:
                answered = self.p.later(referred, 1, 7, s.end)
                self.refer(other, referred, Referral.Status.DECLINED, answered,
                           rng.choice(self.p.world.staff[other.unit_id]), rng.choice(texts.DECLINES))
                referred = self.p.later(answered, 0, 3, s.end)
        if s.stage == "planning":
            self.refer(service, referred, Referral.Status.PENDING)
            return
        s.answered = self.p.later(referred, 1, 7, s.end)
        s.staff = rng.choice(self.p.world.staff[service.unit_id])
        status = Referral.Status.ENDED if s.stage == "closed" else Referral.Status.ACCEPTED
        self.refer(service, referred, status, s.answered, s.staff)
        self.p.member(s, s.staff, service.name, s.answered)  # whoever accepts joins the team

    def refer(self, service: ServiceInfo, referred: int, status: str, answered: int | None = None,
              answered_by: int | None = None, decline_reason: str = "") -> None:
        s, rng = self.s, self.rng
        referral = self.p.add(
            Referral, case_id=self.case_id, service_id=service.pk, referred_by_id=s.case_worker,
            message=f"Please work with {s.person.given} on the goals below.",
            referred_at=self.clock.at(referred, rng), status=status, decline_reason=decline_reason,
            answered_by_id=answered_by, answered_at=self.clock.at(answered, rng) if answered is not None else None,
            ended_at=self.clock.at(s.end, rng) if status == Referral.Status.ENDED else None,
        )
        first = s.goals[0][0]
        for goal, text in s.goals:
            if goal is first or text.domain in service.domains:
                self.p.add(ReferralGoal, referral_id=referral.pk, goal_id=goal.pk)

    def steps(self) -> None:
        """The provider breaks each goal into steps with the citizen; some have supports."""
        s, rng = self.s, self.rng
        start = s.answered if s.answered is not None else s.goals_set
        author = s.staff or s.case_worker
        for goal, text in s.goals:
            whats = text.steps[: rng.randint(2, len(text.steps))]
            last = s.end + 5 if s.stage == "closed" else -rng.randint(20, 120)
            for n, what in enumerate(whats):
                due = start - (start - last) * (n + 1) // len(whats)
                step = self.p.add(Step, goal_id=goal.pk, what=what,
                                  who=f"{s.person.given} with the support worker" if n % 2 else s.person.given,
                                  due_on=self.clock.day(due), status=self.step_status(due), created_by_id=author)
                self.step_rows.append((step, goal))
                self.p.audit(s, author, "create", step, "plans.step", self.clock.morning(start))
                if rng.random() < 0.06:
                    self.p.add(StepAttachment, step_id=step.pk, kind=StepAttachment.Kind.EASY_READ,
                               description="Easy-read steps", text=rng.choice(texts.EASY_READ),
                               added_by_id=author, added_at=self.clock.at(start, rng))
            if text.title in SAVINGS_GOALS and rng.random() < 0.7:
                self.savings(goal, start, author)

    def step_status(self, due: int) -> str:
        r = self.rng.random()
        if self.s.stage == "closed":
            return Step.Status.DONE if r < 0.85 else Step.Status.DROPPED
        if self.s.stage == "planning":
            return Step.Status.PLANNED
        if due > 0:  # its date has passed
            return Step.Status.DONE if r < 0.8 else Step.Status.IN_PROGRESS if r < 0.95 else Step.Status.DROPPED
        return Step.Status.IN_PROGRESS if r < 0.3 else Step.Status.PLANNED

    def savings(self, goal: Row, start: int, author: int) -> None:
        rng = self.rng
        plan = self.p.add(SavingsPlan, goal_id=goal.pk, target_amount=Decimal(rng.randrange(300, 1550, 50)))
        for month in range(min(8, max(1, (start - self.s.end) // 30))):
            self.p.add(SavingsDeposit, savings_plan_id=plan.pk, amount=Decimal(rng.randrange(20, 155, 5)),
                       deposited_on=self.clock.day(start - 30 * month - rng.randint(0, 5)),
                       recorded_by_id=author)

    def notes(self) -> None:
        s, rng = self.s, self.rng
        start = s.answered if s.answered is not None else s.goals_set
        for _ in range(rng.randint(*NOTES[s.stage])):
            template = rng.choice(texts.PROGRESS)
            step, goal = None, None
            if "{step}" in template and self.step_rows:
                step, goal = rng.choice(self.step_rows)
            elif "{step}" in template:
                template = texts.PROGRESS[0]
            text, reason = template.format(given=s.person.given, step=step.what if step else ""), ""
            if rng.random() < 0.05:
                text, reason = rng.choice(texts.RESTRICTED)  # restricted: never without a reason
            note = self.p.add(
                ProgressNote, case_id=self.case_id, text=text, written_by_id=rng.choice(s.team),
                written_at=self.clock.at(rng.randint(s.end, start), rng), is_restricted=bool(reason),
                restriction_reason=reason, goal_id=goal.pk if goal else None, step_id=step.pk if step else None,
            )
            # The writer opened the case page, then saved the note.
            self.p.audit(s, note.written_by_id, "view", s.case, "cases.case", note.written_at)  # type: ignore[arg-type]
            self.p.audit(s, note.written_by_id, "create", note, "notes.progressnote", note.written_at)

    def evaluations(self) -> None:
        """Held moments record attainment and the citizen's words; open cases have the next planned."""
        s, rng = self.s, self.rng
        if s.stage in ("evaluated", "closed"):
            start = s.answered if s.answered is not None else s.goals_set
            held = rng.randint(s.end, max(s.end, start - 30))
            moment = self.p.add(
                EvaluationMoment, case_id=self.case_id, planned_on=self.clock.day(held + rng.randint(0, 7)),
                held_on=self.clock.day(held), created_by_id=s.case_worker,
            )
            self.p.audit(s, s.case_worker, "update", moment, "evaluations.evaluationmoment", self.clock.morning(held))
            levels = []
            for goal, _text in s.goals:
                level = rng.choices(ATTAINMENT, ATTAINMENT_WEIGHTS)[0]
                levels.append(level)
                self.p.add(GoalAttainment, evaluation_id=moment.pk, goal_id=goal.pk, level=level,
                           comment=rng.choice(texts.ATTAINMENT_COMMENTS[level]))
                if level == "fully":
                    goal.status = Goal.Status.ACHIEVED
                elif s.stage == "closed":
                    goal.status = Goal.Status.STOPPED
            mood = "good" if all(v == "fully" for v in levels) else "poor" if "fully" not in levels else "mixed"
            moment.citizen_words = rng.choice(texts.EVALUATION_WORDS[mood])
        if s.stage != "closed":
            self.p.add(EvaluationMoment, case_id=self.case_id, planned_on=self.clock.day(-rng.randint(10, 120)),
                       created_by_id=s.case_worker)
