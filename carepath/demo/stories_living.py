"""Seed 000: residents of an independent-living home realise their dreams and wishes.

Tomas dreams of a trip abroad and saves for it with a plan, pictures and an easy-read text;
the Residents' Council proposes a group goal shared by three residents' cases.
"""

import datetime
from typing import Any

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.core.choices import LifeDomain
from carepath.demo import builders as b
from carepath.demo import pictures
from carepath.demo.catalogue import ADULT_SUPPORT
from carepath.demo.world import World
from carepath.goals.models import Goal
from carepath.organisations.authority import set_links
from carepath.plans.models import Step
from carepath.portal.models import Proxy, Wish

HOME_ADDRESS = "Riverside Independent Living Home, 4 Willow Street, Rivertown"
ASSESSMENT = "Assessment of functional ability"


def resident_case(w: World, given: str, family: str, born: datetime.date, days_ago: int,
                  problems: str, request: str, **fields: Any) -> Case:
    """A resident's signal from the home, the case opened, consent, and the home's service accepted."""
    cw = w.users["caseworker"]
    resident = b.person(given, family, born, address=HOME_ADDRESS, preferred_language="en")
    signal = b.signal(
        unit=w.units["Adult social services"], case_type=w.case_types[ADULT_SUPPORT], person=resident,
        by=cw, days_ago=days_ago, signaller_kind="professional",
        signaller_name="Ieva Stankevičienė, Riverside Independent Living Home",
        problems=problems, request=request, **fields,
    )
    case = b.open_case(signal, by=cw, days_ago=days_ago - 2)
    b.consent(case, by=cw, days_ago=days_ago - 3, given_by=f"{given} {family}", relation="the citizen",
              scope=Consent.Scope.INTERVENTION,
              details="Explained with pictures and in easy-read words; a support person was present.")
    b.consent(case, by=cw, days_ago=days_ago - 3, given_by=f"{given} {family}", relation="the citizen",
              scope=Consent.Scope.SHARE_PROVIDERS)
    return case


def tomas(w: World) -> tuple[Case, Goal]:
    """The dream of a trip abroad: a savings plan, steps with pictures, an easy-read text."""
    cw, staff = w.users["caseworker"], w.users["living"]
    case = resident_case(
        w, "Tomas", "Vaitkus", datetime.date(1988, 4, 12), 160,
        problems="Tomas has an intellectual disability and lives in the independent living home. "
        "Others have travelled and he never has; he feels left out. He does not know how to plan "
        "or save for a trip.",
        how_it_came_about="At a meeting of the Residents' Council Tomas proposed his dream: a trip "
        "abroad to see the sea.",
        who_intervened="His key worker at the home talked with him about the wish.",
        what_is_being_done="He keeps some of his pocket money in an envelope in his room.",
        request="Support so that Tomas can plan, save for and make a trip abroad, and take part in "
        "the community with more confidence.",
    )
    b.assess(
        case, by=cw, days_ago=150, levels=(1, 2, 1),
        descriptions=(
            "Walks and takes the bus on his own; needs reminders to cook safely.",
            "Understands short sentences and pictures; longer texts are hard, easy-read helps.",
            "Friendly and curious; avoids new places because he fears being judged.",
        ),
        strengths="Friendly, keeps his room tidy, knows the bus routes in town, saves carefully "
        "once he has a plan.",
        resources="His sister Rasa visits every month and wants to help him save. The Residents' "
        "Council supports his wish.",
    )
    b.deadline_done(case, ASSESSMENT, by=cw, days_ago=150)
    trip = b.goal(
        case, by=cw, days_ago=148, due_in=120,
        citizen_words="I want to fly to Spain and see the sea.",
        title="Travel to Spain for a week with a support worker",
        indicator="Trip made; photos shown at the focus group afterwards",
        target="One week's trip, paid with his own savings", life_domain=LifeDomain.LEISURE,
    )
    b.refer(case, w.services["independent_living"], [trip], by=cw, days_ago=147,
            message="Tomas has a dream of a trip abroad; please draw up the plan with him.",
            accepted_by=staff, answered_days_ago=145)
    b.member(case, w.users["quality"], "Focus groups and evaluation", 140)
    _trip_plan(w, case, trip)
    b.evaluation(case, by=cw, planned_days_ago=-30)
    return case, trip


def _trip_plan(w: World, case: Case, trip: Goal) -> None:
    staff, cw = w.users["living"], w.users["caseworker"]
    b.savings(trip, by=staff, target="900.00",
              deposits=[(140, "120.00"), (110, "120.00"), (80, "100.00"), (50, "120.00"), (20, "150.00")])
    choose = b.step(trip, by=staff, what="Choose where to go, with pictures of places",
                    who="Tomas with Ieva", due_days_ago=130, status=Step.Status.DONE)
    b.picture(choose, by=staff, days_ago=135, name="plane-over-the-sea.png", png=pictures.plane_over_the_sea(),
              description="A plane flying over the sea towards the sun")
    save = b.step(trip, by=staff, what="Put money in the savings jar every month, with Ieva",
                  who="Tomas with Ieva", due_days_ago=-60, status=Step.Status.IN_PROGRESS)
    b.picture(save, by=staff, days_ago=140, name="savings-jar.png", png=pictures.savings_jar(),
              description="A glass jar half full of coins, with a green line for this month")
    b.easy_read(save, by=staff, days_ago=140, description="How I save for my trip",
                text="Saving for my trip.\n1. Every month I get my money.\n2. I put money in my trip "
                "jar with Ieva.\n3. We write it down together.\n4. When the jar has 900 euros, I can "
                "go to Spain.")
    passport = b.step(trip, by=staff, what="Get a passport at the migration office",
                      who="Tomas with his sister Rasa", due_days_ago=-10, status=Step.Status.IN_PROGRESS)
    b.picture(passport, by=staff, days_ago=60, name="passport.png", png=pictures.passport(),
              description="A red passport with a golden emblem")
    airport = b.step(trip, by=staff, what="Visit the airport to see how check-in works, to get used to flying",
                     who="Tomas with Ieva", due_days_ago=-45)
    b.step(trip, by=staff, what="Book the trip together", who="Tomas, Rasa and Ieva", due_days_ago=-90)
    b.note(case, by=staff, days_ago=131, goal=trip, step=choose,
           text="Tomas chose Spain from the pictures: \"the sea and the sun\". He showed the picture "
           "to everyone at dinner.")
    b.note(case, by=staff, days_ago=80, goal=trip, step=save,
           text="Third deposit. Tomas counted the coins himself and coloured the line on his jar.")
    b.note(case, by=cw, days_ago=20, goal=trip, step=airport,
           text="Focus group after the visit to the bank: Tomas said he is proud that he keeps his own "
           "money. He is still afraid of flying; we agreed to visit the airport first.")


def residents_council(w: World, tomas_case: Case) -> None:
    """Two more residents with their own goals, and the council's group goal shared by all three."""
    cw, staff = w.users["caseworker"], w.users["living"]
    aiste = resident_case(
        w, "Aistė", "Jankauskaitė", datetime.date(1994, 2, 3), 200,
        problems="Aistė has an intellectual disability. She would like to work but has never had a "
        "job, and employers do not know how to include her.",
        request="Support to find and keep a job that she chooses.",
    )
    mindaugas = resident_case(
        w, "Mindaugas", "Paulauskas", datetime.date(1979, 10, 27), 90,
        problems="Mindaugas has an intellectual disability. He talks with tourists in the old town "
        "and wants to understand them.",
        request="Support to sign up for a course to learn English.",
    )
    for case, days_ago, levels in ((aiste, 190, (0, 2, 1)), (mindaugas, 82, (1, 1, 1))):
        b.assess(case, by=cw, days_ago=days_ago, levels=levels,
                 descriptions=("Manages practical tasks with reminders.",
                               "Easy-read text and pictures help.", "Likes company; shy with strangers."),
                 strengths="Reliable and friendly; takes part in the Residents' Council.",
                 resources="Staff of the home and the other residents.")
        b.deadline_done(case, ASSESSMENT, by=cw, days_ago=days_ago)
    job = b.goal(aiste, by=cw, days_ago=185, due_in=60, citizen_words="I want a real job, in a café.",
                 title="Work in a café two mornings a week", indicator="Mornings worked each week",
                 target="2 mornings a week for 3 months", life_domain=LifeDomain.WORK)
    english = b.goal(mindaugas, by=cw, days_ago=80, due_in=100,
                     citizen_words="I want to learn English so I can talk to tourists.",
                     title="Follow an English course for beginners", indicator="Lessons attended",
                     target="10 of 12 lessons", life_domain=LifeDomain.EDUCATION)
    concert = b.goal(
        aiste, by=cw, days_ago=60, due_in=45, proposed_by=Goal.ProposedBy.RESIDENTS_COUNCIL,
        is_group_goal=True,
        citizen_words="The Residents' Council: we want to go to a concert in the city together, "
        "like everyone else.",
        title="Go to a concert in the city together, as a group of residents",
        indicator="Concert attended; impressions shared at a focus group afterwards",
        target="One concert with at least three residents", life_domain=LifeDomain.LEISURE,
    )
    set_links(concert.group_cases, [tomas_case, mindaugas])
    for case, goals, days_ago in ((aiste, [job], 184), (mindaugas, [english], 79)):
        b.refer(case, w.services["independent_living"], goals, by=cw, days_ago=days_ago,
                message="Please draw up the plan with the resident.", accepted_by=staff,
                answered_days_ago=days_ago - 2)
    b.step(concert, by=staff, what="Choose the concert together at the Residents' Council meeting",
           who="The Residents' Council", due_days_ago=50, status=Step.Status.DONE)
    b.step(concert, by=staff, what="Each resident saves 25 euros for the ticket",
           who="Aistė, Tomas and Mindaugas", due_days_ago=-20, status=Step.Status.IN_PROGRESS)
    b.step(concert, by=staff, what="Practise the bus route to the concert hall",
           who="Aistė, Tomas and Mindaugas with Ieva", due_days_ago=-35)
    b.step(job, by=staff, what="Try two mornings at the café of the community centre",
           who="Aistė with Ieva", due_days_ago=30, status=Step.Status.DONE)
    b.note(aiste, by=staff, days_ago=49, goal=concert,
           text="The council chose a concert of a local band. Everyone voted with picture cards.")


def tomas_portal(w: World, case: Case) -> None:
    """Tomas follows his file in the portal; his mother follows his progress with his proxy."""
    tomas_user, mother = w.users["tomas"], w.users["mother"]
    tomas_user.person = case.person
    tomas_user.save(update_fields=["person"])
    trip = case.goals.get(citizen_words__startswith="I want to fly")
    today = b.step(trip, by=w.users["living"], what="Look at the pictures of the airport with Ieva",
                   who="Tomas with Ieva", due_days_ago=0)
    b.picture(today, by=w.users["living"], days_ago=2, name="plane-over-the-sea.png",
              png=pictures.plane_over_the_sea(), description="A plane flying over the sea towards the sun")
    Proxy.objects.create(
        person=case.person, representative=mother, relation="My mother", scope=Proxy.Scope.PROGRESS,
        valid_from=b.day(30), granted_by=tomas_user,
    )
    b.note(case, by=tomas_user, days_ago=3, goal=trip,
           text="I put 150 euros in my jar. The jar is almost full!")
    Wish.objects.create(case=case, text="I want to learn to swim before the trip.", written_by=tomas_user)
    # What "who looked at my file" shows him: his case worker, his key worker and his mother.
    policy.record(w.users["caseworker"], AuditEvent.Action.VIEW, case, case=case)
    policy.record(w.users["living"], AuditEvent.Action.VIEW, today, case=case)
    policy.record(mother, AuditEvent.Action.VIEW, what="goals.goal", person_id=case.person_id)


def learning_from_the_bank(w: World, tomas_case: Case) -> None:
    """The focus group after the residents' visit to the bank (seed 000), and the municipality's
    After Action Review of the dreams-and-wishes pilot."""
    from django.core.files.base import ContentFile

    from carepath.learning.models import AfterActionReview, FocusGroup, FocusGroupMaterial

    staff = w.users["living"]
    aiste = Goal.objects.get(is_group_goal=True, group_cases=tomas_case).case  # the concert goal's owner
    trip = tomas_case.goals.get(citizen_words__startswith="I want to fly")
    group = FocusGroup.objects.create(
        unit=w.units["Residents' houses"], service=w.services["independent_living"], held_on=b.day(21),
        activity="The residents' visit to the bank", other_participants="A volunteer from the Residents' Council",
        impressions="Tomas said he is proud that he keeps his own money; Aistė liked that the clerk spoke "
        "to her and not to Ieva. The queue and the noise were hard for everyone.",
        recommendations="Go at a quiet hour; practise the bank card at home first, with the picture cards.",
        areas_to_improve="Easy-read forms at the bank; ask the bank for a quiet corner.",
        created_by=staff,
    )
    group.staff.set([staff])
    set_links(group.cases, [tomas_case, aiste])
    set_links(group.goals, [trip])
    set_links(group.steps, trip.steps.filter(what__startswith="Put money in the savings jar"))
    material = FocusGroupMaterial(
        focus_group=group, kind=FocusGroupMaterial.Kind.IMAGE, added_by=staff,
        description="Tomas's savings jar, which he showed at the bank counter",
    )
    material.file.save("savings-jar.png", ContentFile(pictures.savings_jar()), save=False)
    material.save()
    for case in (tomas_case, aiste):
        policy.record(staff, AuditEvent.Action.CREATE, group, case=case)
    review = AfterActionReview.objects.create(
        unit=w.units["Adult social services"], subject="The dreams-and-wishes pilot with the living home",
        held_on=b.day(14), created_by=w.users["quality"],
        planned="Every resident with a dream has a plan with pictures and saves towards it within three months.",
        happened="Three residents have plans; two save every month. The shared concert goal came from the "
        "Residents' Council itself.",
        why_different="Plans took longer where a resident had no relative to help; pictures helped more than "
        "easy-read text.",
        lessons="Start with pictures; ask the Residents' Council for group goals; plan a focus group after "
        "every activity.",
    )
    policy.record(w.users["quality"], AuditEvent.Action.CREATE, review)
