"""Seed 003 (and 001): adults supported at home, and one who moved out of the circle.

Mette, who has anxiety, is supported in her own home: repeated assessments show her
trajectory, she is referred to two services, progress is noted (one note restricted) and an
evaluation moment is held. Paolo's case is closed: he works at the tailoring cooperative.
"""

import datetime

from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.core.choices import LifeDomain
from carepath.demo import builders as b
from carepath.demo.catalogue import ADULT_SUPPORT
from carepath.demo.world import World
from carepath.evaluations.models import GoalAttainment
from carepath.goals.models import Goal
from carepath.plans.models import Step

ASSESSMENT = "Assessment of functional ability"
FULLY, PARTIALLY, NOT = GoalAttainment.Level.FULLY, GoalAttainment.Level.PARTIALLY, GoalAttainment.Level.NOT
D = LifeDomain


def mette(w: World) -> Case:
    """An adult with anxiety, supported at home with video calls; her trajectory improves."""
    cw, staff = w.users["caseworker"], w.users["centre"]
    person = b.person("Mette", "Sørensen", datetime.date(1991, 6, 2), address="17 Harbour Street, Rivertown",
                      phone="+45 20 11 22 33", preferred_language="da")
    signal = b.signal(
        unit=w.units["Adult social services"], case_type=w.case_types[ADULT_SUPPORT], person=person, by=cw,
        days_ago=170, signaller_kind="health", signaller_name="Dr Anne Friis, family doctor",
        problems="Mette has strong anxiety. For months she has rarely left her flat; she has stopped "
        "shopping and cooking and lives on deliveries.",
        how_it_came_about="The anxiety grew after she lost her job last year and her contact with "
        "friends faded.",
        who_intervened="Her family doctor; her brother Lars brings groceries once a week.",
        what_is_being_done="Treatment by the family doctor; Lars helps with the shopping.",
        other_professionals="Family doctor",
        request="Support at home so that Mette can master her daily life and take part in the "
        "activities she wants, with the least possible intervention.",
    )
    case = b.open_case(signal, by=cw, days_ago=168)
    b.consent(case, by=cw, days_ago=167, given_by="Mette Sørensen", relation="the citizen",
              scope=Consent.Scope.INTERVENTION)
    b.consent(case, by=cw, days_ago=167, given_by="Mette Sørensen", relation="the citizen",
              scope=Consent.Scope.SHARE_PROVIDERS, details="The social services centre and her brother Lars.")
    _mette_assessments(case, cw)
    b.deadline_done(case, ASSESSMENT, by=cw, days_ago=160)
    shopping = b.goal(
        case, by=cw, days_ago=158, due_in=-30, status=Goal.Status.ACHIEVED,
        citizen_words="I want to do my own shopping without panicking.",
        title="Do the weekly shopping at the local supermarket on her own",
        indicator="Shopping trips made alone each month", target="4 trips a month",
        life_domain=LifeDomain.DAILY_LIVING,
    )
    walking = b.goal(
        case, by=cw, days_ago=158, due_in=60,
        citizen_words="I want to see people again. Maybe the walking group.",
        title="Take part in the community walking group", indicator="Walks attended each month",
        target="2 walks a month", life_domain=LifeDomain.SOCIAL_RELATIONS,
    )
    b.refer(case, w.services["home_support"], [shopping, walking], by=cw, days_ago=157,
            message="Mette has anxiety and rarely leaves her flat. She wants to shop on her own again.",
            accepted_by=staff, answered_days_ago=154)
    b.refer(case, w.services["video_support"], [shopping], by=cw, days_ago=150,
            message="A morning video call could help Mette start the day.",
            accepted_by=staff, answered_days_ago=149)
    b.member(case, w.users["quality"], "Evaluation and focus groups", 45)
    _mette_plan(w, case, shopping, walking)
    b.evaluation(
        case, by=cw, planned_days_ago=110, held_days_ago=105,
        citizen_words="Shopping is still scary. I like the morning call.",
        attainments=[(shopping, PARTIALLY, "Shops with the helper; alone once.", -1),
                     (walking, NOT, "Did not go yet.", -1)],
        quality_of_life={D.DAILY_LIVING: 2, D.SOCIAL_RELATIONS: 2, D.HEALTH: 3},
        satisfaction=4, citizen_view=2,
    )
    b.evaluation(
        case, by=cw, planned_days_ago=40, held_days_ago=35,
        citizen_words="I can go to the shop on my own now. The video call in the morning helps me get "
        "started. The walking group is still hard, but I went twice and I want to keep going.",
        attainments=[(shopping, FULLY, "She shops alone every week now.", 1),
                     (walking, PARTIALLY, "Went twice; stays for the first part of the walk.", 0)],
        quality_of_life={D.DAILY_LIVING: 4, D.SOCIAL_RELATIONS: 3, D.HEALTH: 3},
        satisfaction=5, citizen_view=4,
    )
    b.evaluation(case, by=cw, planned_days_ago=-60)
    return case


def _mette_assessments(case: Case, cw: User) -> None:
    strengths = "Good at drawing; keeps in touch with her brother by phone every day."
    resources = "Her brother Lars lives nearby and wants to help; a neighbour walks her dog."
    for days_ago, levels, social in (
        (160, (2, 1, 3), "Avoids people; panics in shops and queues; has not met friends for months."),
        (95, (1, 1, 2), "Goes to the shop with support; talks with the neighbour again."),
        (25, (1, 0, 1), "Shops alone; has joined the walking group twice; anxious in large groups."),
    ):
        b.assess(case, by=cw, days_ago=days_ago, levels=levels,
                 descriptions=("Cooks simple meals again with a plan for the day." if days_ago < 100
                               else "Does not cook; sleeps badly and has little energy.",
                               "Explains her needs clearly; phone calls are easier than meetings.",
                               social),
                 strengths=strengths, resources=resources)


def _mette_plan(w: World, case: Case, shopping: Goal, walking: Goal) -> None:
    staff, cw = w.users["centre"], w.users["caseworker"]
    done, doing = Step.Status.DONE, Step.Status.IN_PROGRESS
    call = b.step(shopping, by=staff, what="Video call every morning at 8:00 to plan the day",
                  who="Mette with the centre's staff", due_days_ago=140, status=done)
    b.step(shopping, by=staff, what="Go to the supermarket together with Karen",
           who="Mette with Karen", due_days_ago=110, status=done)
    alone = b.step(shopping, by=staff, what="Go alone, with a phone call before and after",
                   who="Mette", due_days_ago=70, status=done)
    b.step(walking, by=staff, what="Walk to the walking group's meeting point with Lars",
           who="Mette with her brother Lars", due_days_ago=50, status=done)
    b.step(walking, by=staff, what="Join the walk for the first 20 minutes", who="Mette",
           due_days_ago=-14, status=doing)
    b.step(walking, by=staff, what="Walk the whole route with the group", who="Mette", due_days_ago=-50)
    b.note(case, by=staff, days_ago=139, goal=shopping, step=call,
           text="First video call. Mette answered at 8:05 and we planned the day in three steps: "
           "breakfast, a short walk to the letterbox, a phone call with Lars.")
    b.note(case, by=staff, days_ago=110, goal=shopping,
           text="Mette went to the supermarket with me. She left the queue once but came back and paid.")
    b.note(case, by=staff, days_ago=70, goal=shopping, step=alone,
           text="Mette went shopping alone and called me afterwards: \"I did it.\"")
    b.note(case, by=staff, days_ago=65,
           text="Mette's brother told me in confidence that her former partner has contacted her "
           "again, and that this frightens her.",
           restricted_because="Information about a third person, given in confidence by her brother; "
           "for the team only until Mette raises it herself.")
    b.note(case, by=cw, days_ago=35, goal=walking,
           text="Evaluation held at Mette's home. She chose the next step herself: stay longer with "
           "the walking group.")


def paolo(w: World) -> Case:
    """A closed case: Paolo works at the tailoring cooperative and moves out of the circle."""
    cw = w.users["caseworker"]
    person = b.person("Paolo", "Bianchi", datetime.date(1985, 1, 30), address="2 Quay Street, Rivertown",
                      preferred_language="it")
    signal = b.signal(
        unit=w.units["Adult social services"], case_type=w.case_types[ADULT_SUPPORT], person=person,
        by=cw, days_ago=420, signaller_kind="citizen", signaller_name="Paolo Bianchi",
        problems="Paolo has a light physical impairment after an accident and has not worked for "
        "three years. He feels isolated and his money runs out before the end of the month.",
        request="Help to find work that fits his abilities and to manage his money.",
    )
    case = b.open_case(signal, by=cw, days_ago=418)
    b.consent(case, by=cw, days_ago=417, given_by="Paolo Bianchi", relation="the citizen",
              scope=Consent.Scope.INTERVENTION)
    b.assess(case, by=cw, days_ago=410, levels=(2, 0, 1),
             descriptions=("Cannot stand for long; fine hand work is no problem.", "No difficulty.",
                           "Has withdrawn from friends since the accident."),
             strengths="Skilled with his hands; sewed his own clothes as a young man.",
             resources="A cousin who works at the tailoring cooperative.")
    b.deadline_done(case, ASSESSMENT, by=cw, days_ago=410)
    work = b.goal(case, by=cw, days_ago=405, due_in=-120, status=Goal.Status.ACHIEVED,
                  citizen_words="I want to work with my hands again and earn my own money.",
                  title="Work at the tailoring cooperative", indicator="Days worked each week",
                  target="3 days a week for 6 months", life_domain=LifeDomain.WORK)
    budget = b.goal(case, by=cw, days_ago=405, due_in=-90, status=Goal.Status.ACHIEVED,
                    citizen_words="I don't want to run out of money before the end of the month.",
                    title="Keep a monthly budget", indicator="Months ending without debt",
                    target="3 months in a row", life_domain=LifeDomain.FINANCES)
    b.step(work, by=cw, what="Trial week at the cooperative's workshop", who="Paolo",
           due_days_ago=380, status=Step.Status.DONE)
    b.evaluation(case, by=cw, planned_days_ago=60, held_days_ago=58,
                 citizen_words="I have my own work and my own money. I don't need you any more, but it "
                 "was good that you were there.",
                 attainments=[(work, FULLY, "", 2), (budget, FULLY, "", 1)],
                 quality_of_life={D.WORK: 5, D.FINANCES: 4, D.SOCIAL_RELATIONS: 4}, satisfaction=5, citizen_view=5)
    b.close_case(case, by=cw, days_ago=40, outcome=Case.Outcome.AUTONOMOUS,
                 reason="Paolo works three days a week at the tailoring cooperative and keeps his own "
                 "budget: he manages on his own and moves out of the circle.")
    return case


def adult_signals(w: World) -> None:
    """A signal waiting for triage, and one closed without a case."""
    unit, case_type, leader = w.units["Adult social services"], w.case_types[ADULT_SUPPORT], w.users["teamleader"]
    giulia = b.person("Giulia", "Romano", datetime.date(1948, 7, 9), address="9 Orchard Close, Rivertown")
    b.signal(unit=unit, case_type=case_type, person=giulia, by=leader, days_ago=1, signaller_kind="relative",
             signaller_name="Marco Romano, her son",
             problems="Giulia lives alone since her husband died. She forgets to eat and has fallen "
             "twice at home.", request="Support at home and someone to check on her.")
    jan = b.person("Jan", "Kowalski", datetime.date(1970, 12, 1), address="30 Birch Road, Rivertown")
    closed = b.signal(unit=unit, case_type=case_type, person=jan, by=leader, days_ago=25,
                      signaller_kind="health", signaller_name="Rivertown Hospital, discharge team",
                      problems="After a hip operation Jan needs help with shopping for a few weeks.",
                      request="Practical help at home after discharge.")
    b.close_signal(closed, by=leader, days_ago=23,
                   reason="The home nursing service and his daughter already give the help he needs for "
                   "the next weeks; no case is needed. Jan knows he can contact us again.")
