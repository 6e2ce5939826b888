"""Seeds 002 and 004: families and children.

The Silva family negotiates an agreement (two versions) under the 7-day deadline and meets the school,
the family helpers and the case worker in a network meeting; an early
intervention team works with the Petrauskas family, the parents as experts; Lukas waits for
mobile trauma help; a neighbour's signal about the Ivanov children waits for triage.
"""

import datetime

from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.core.choices import LifeDomain
from carepath.demo import builders as b
from carepath.demo.catalogue import CHILD_AND_FAMILY
from carepath.demo.documents import one_page_pdf
from carepath.demo.world import World
from carepath.goals.models import Goal
from carepath.meetings import services as meetings
from carepath.meetings.models import MeetingParticipant
from carepath.people.models import Household, Person
from carepath.plans.models import Step

SOCIAL_INFORMATION = "Social information"
AGREEMENT = "Agreement negotiated with the family"


def household(name: str, address: str, members: list[tuple[str, str, datetime.date, str]],
              language: str = "") -> tuple[Household, list[Person]]:
    """A household and its members, each given as (given name, family name, born, role)."""
    made = Household.objects.create(name=name, address=address)
    return made, [b.person(given, family, born, made, role, preferred_language=language)
                  for given, family, born, role in members]


def silva(w: World) -> Case:
    """A negotiated agreement in two versions and a signed consent, under the 7-day deadline."""
    cw = w.users["caseworker"]
    home, (_ana, _rui, beatriz, _tiago) = household(
        "The Silva family", "8 Chestnut Road, Rivertown",
        [("Ana", "Silva", datetime.date(1992, 3, 14), "mother"),
         ("Rui", "Silva", datetime.date(1989, 11, 2), "father"),
         ("Beatriz", "Silva", datetime.date(2017, 9, 21), "child"),
         ("Tiago", "Silva", datetime.date(2021, 1, 10), "child")], "pt",
    )
    signal = b.signal(
        unit=w.units["Children and families"], case_type=w.case_types[CHILD_AND_FAMILY], person=beatriz,
        household=home, by=cw, days_ago=6, signaller_kind="school",
        signaller_name="Marta Costa, teacher at Rivertown Primary School",
        problems="Beatriz is often absent from school and arrives hungry and tired. Her younger "
        "brother Tiago often misses kindergarten.",
        how_it_came_about="Since Rui lost his job in the spring the family's routine has fallen apart; "
        "the mornings are chaotic.",
        who_intervened="The school's social worker talked with Ana twice.",
        what_is_being_done="The parish gives the family a food basket every week; the food bank also "
        "gives them food support.",
        other_professionals="The school's social worker; the family doctor.",
        request="Social information about the family, and support for the parents to organise the "
        "children's mornings and bedtime.",
    )
    case = b.open_case(signal, by=cw, days_ago=5, role="Case manager, the family's contact")
    scan = one_page_pdf(["Consent to the intervention", "",
                         "We agree that the case worker of the Municipality of Rivertown works with",
                         "our family and talks with the school and the family doctor.", "",
                         "Signed: Ana Silva, Rui Silva"])
    b.consent(case, by=cw, days_ago=5, given_by="Ana Silva and Rui Silva", relation="parents",
              scope=Consent.Scope.INTERVENTION, scan=scan,
              details="Work with the family; talks with the school and the family doctor.")
    # Photos of the morning routine on a home visit help Beatriz remember it (issue 11: offline photos).
    b.consent(case, by=cw, days_ago=5, given_by="Ana Silva and Rui Silva", relation="parents",
              scope=Consent.Scope.PHOTOS, details="Photos of the morning routine at home, for the plan only.")
    mornings = b.goal(
        case, by=cw, days_ago=4, due_in=60, citizen_words="We want calm mornings and the children at "
        "school on time.", title="Beatriz and Tiago arrive at school and kindergarten on time",
        indicator="Days on time each week, from the school's register",
        target="5 of 5 days, 4 weeks in a row", life_domain=LifeDomain.EDUCATION,
    )
    _silva_agreement(w, case)
    b.deadline_done(case, AGREEMENT, by=cw, days_ago=3)
    b.refer(case, w.services["family_helper"], [mornings], by=cw, days_ago=1,
            message="The family agreed that a family helper visits twice a week, in the mornings.")
    b.evaluation(case, by=cw, planned_days_ago=-28)
    b.note(case, by=cw, days_ago=5, goal=mornings,
           text="Home visit. Ana and Rui told me how their mornings go. At home I saw what the school "
           "cannot see: the children share a room without curtains and wake up at night.")
    b.note(case, by=cw, days_ago=1, text="Agreement renegotiated: Rui started an evening job. The "
           "parents chose the new bath time themselves.")
    _silva_network_meeting(w, case, mornings)
    return case


def _silva_network_meeting(w: World, case: Case, mornings: Goal) -> None:
    """Seed 002: "We do not make such a network meeting ... and define a common strategy." Here they do:
    the municipality, the school, the family helpers and the parents, the experts of their own mornings."""
    cw, helper, kind = w.users["caseworker"], w.users["centre"], MeetingParticipant.Kind
    meetings.plan_meeting(
        case=case, by=cw,
        fields=meetings.MeetingFields(
            title="Network meeting: Beatriz's and Tiago's mornings",
            starts_at=b.at(2, 15), ends_at=b.at(2, 16, 30), place="Rivertown Primary School, meeting room",
            agenda="1. How the mornings go, told by Ana and Rui\n2. What the school sees\n"
            "3. What the family helper can do\n4. One plan for everyone",
            strategy="One morning routine that everyone supports in the same way: the parents lead it, the "
            "family helper practises it with them at home, the school tells the parents first, not the "
            "municipality, when Beatriz is late.",
            minutes="Ana and Rui explained that the mornings go wrong when Rui worked late. Ms Costa said "
            "Beatriz is calmer on days she had breakfast. Everyone agreed to try the routine for four weeks.",
            status="held",
        ),
        participants=[
            meetings.Participant(kind.PROFESSIONAL, user=cw),
            meetings.Participant(kind.PROFESSIONAL, user=helper),
            meetings.Participant(kind.GUEST, name="Marta Costa", relation="Rivertown Primary School"),
            meetings.Participant(kind.FAMILY, name="Ana Silva", relation="mother"),
            meetings.Participant(kind.FAMILY, name="Rui Silva", relation="father"),
        ],
        decisions=[
            "The school calls Ana first when Beatriz is late, before anyone else.",
            "Breakfast is part of the routine: the family helper prepares it with Ana on her visits.",
        ],
        actions=[
            meetings.Action(what="Make a picture card of the morning routine with the children",
                            goal=mornings, due_on=b.day(-7), owner_name="Ana and Rui Silva"),
            meetings.Action(what="Practise the morning routine with Ana on two visits a week",
                            goal=mornings, due_on=b.day(-14), owner=helper,
                            owner_name=f"{helper.get_full_name()}, family helper"),
        ],
    )


def _silva_agreement(w: World, case: Case) -> None:
    cw = w.users["caseworker"]
    school_run = ("Ana", "Wakes the children at 7:00 and takes them to school and kindergarten by 8:30", 30)
    b.agreement(case, number=1, by=cw, days_ago=3, family="Ana Silva and Rui Silva",
                summary="First agreement, negotiated at home with Ana and Rui.",
                actions=[school_run, ("Rui", "Gives the children their bath at 19:00 on school days", 30),
                         ("Laura Mendes, case worker", "Finds a place for Ana and Rui in the parents' "
                          "programme", 14)])
    b.agreement(case, number=2, by=cw, days_ago=1, family="Ana Silva and Rui Silva",
                summary="Renegotiated: Rui now works evenings until 19:30, so bath time moves to 20:00; "
                "a family helper will visit twice a week.",
                actions=[school_run, ("Rui", "Gives the children their bath at 20:00, after his shift", 30),
                         ("Laura Mendes, case worker", "Arranges a family helper who visits twice a week", 7),
                         ("Ana and Rui", "Tell the case worker when a morning goes wrong, so that we find "
                          "a solution together", 30)])


def petrauskas(w: World) -> Case:
    """An early-intervention team from three organisations around a child; the parents are experts."""
    cw, early, centre = w.users["caseworker"], w.users["early"], w.users["centre"]
    home, (_ruta, _darius, emilija) = household(
        "The Petrauskas family", "23 Linden Avenue, Rivertown",
        [("Rūta", "Petrauskienė", datetime.date(1993, 5, 8), "mother"),
         ("Darius", "Petrauskas", datetime.date(1990, 8, 19), "father"),
         ("Emilija", "Petrauskaitė", b.day(2 * 365 + 40), "child")], "lt",
    )
    signal = b.signal(
        unit=w.units["Children and families"], case_type=w.case_types[CHILD_AND_FAMILY], person=emilija,
        household=home, by=cw, days_ago=40, signaller_kind="health",
        signaller_name="Dr Vaida Jonaitė, paediatrician",
        problems="Emilija is two years old, does not walk yet and says only a few words; she is at "
        "risk of disability.",
        how_it_came_about="Noticed at the two-year check-up; the parents had been worried for months.",
        who_intervened="The paediatrician; a physiotherapist saw her once.",
        what_is_being_done="Physiotherapy exercises at home, shown once.",
        other_professionals="Paediatrician, physiotherapist, speech therapist, day care teacher",
        request="Coordinated early intervention for Emilija and her family, at home and in day care.",
    )
    case = b.open_case(signal, by=cw, days_ago=38)
    b.deadline_done(case, SOCIAL_INFORMATION, by=cw, days_ago=34)  # the agreement is overdue
    b.consent(case, by=cw, days_ago=37, given_by="Rūta Petrauskienė and Darius Petrauskas",
              relation="parents", scope=Consent.Scope.SHARE_NETWORK,
              details="Sharing between the paediatrician, the early intervention team, the day care "
              "and the case worker.")
    b.assess(case, by=cw, days_ago=34, levels=(3, 3, 1),
             descriptions=("Sits and crawls; pulls herself up to stand but does not walk yet.",
                           "Says about five words and understands much more; points to what she wants.",
                           "Smiles, plays peekaboo, likes the other children at day care."),
             strengths="Curious, loves music and animals, and keeps trying.",
             resources="The parents are the experts of Emilija's situation: they presented their own "
             "analysis of her day at the network meeting. Her grandmother looks after her two days a week.")
    walk = b.goal(case, by=cw, days_ago=33, due_in=120, life_domain=LifeDomain.HEALTH,
                  citizen_words="We want Emilija to walk with us to the playground.",
                  title="Emilija walks ten steps on her own", indicator="Steps walked without holding on",
                  target="10 steps by the next evaluation")
    words = b.goal(case, by=cw, days_ago=33, due_in=150, life_domain=LifeDomain.EDUCATION,
                   citizen_words="We want to understand what she wants, and she wants to tell us.",
                   title="Emilija uses 20 words or signs to say what she wants",
                   indicator="Words or signs used, counted by the parents", target="20 words or signs")
    b.refer(case, w.services["early_intervention"], [walk, words], by=cw, days_ago=32,
            message="Please coordinate the support around Emilija with the parents.",
            accepted_by=early, answered_days_ago=31)
    b.member(case, early, "Early intervention coordinator", 31, manager=True)
    b.member(case, centre, "Family helper", 30)
    _petrauskas_plan(w, case, walk, words)
    b.evaluation(case, by=cw, planned_days_ago=-50)
    return case


def _petrauskas_plan(w: World, case: Case, walk: Goal, words: Goal) -> None:
    early, cw, doing = w.users["early"], w.users["caseworker"], Step.Status.IN_PROGRESS
    b.step(walk, by=early, what="Physiotherapy exercises at home every evening, shown in a short video",
           who="Rūta and Darius with Emilija", due_days_ago=-60, status=doing)
    b.step(words, by=early, what="The day care teacher uses the same five signs as the parents",
           who="Day care teacher", due_days_ago=-30, status=doing)
    b.step(words, by=early, what="Keep a list of Emilija's new words and signs",
           who="Rūta and Darius", due_days_ago=-60, status=doing)
    b.note(case, by=early, days_ago=28,
           text="Network meeting with Rūta and Darius, the physiotherapist, the speech therapist, the day "
           "care teacher and the case worker. The parents presented their own analysis of Emilija's day. "
           "Common aim: walking to the playground and telling what she wants. Everyone uses the same signs.")
    b.note(case, by=cw, days_ago=5, text="The agreement is overdue: the parents asked for time to "
           "discuss it with the grandmother. A meeting is planned for next week.")


def brandt(w: World) -> Case:
    """A boy waiting for mobile trauma help: the referral is pending in the NGO's inbox."""
    cw = w.users["caseworker"]
    home, (_katrin, lukas) = household(
        "The Brandt family", "5 Mill Lane, Rivertown",
        [("Katrin", "Brandt", datetime.date(1984, 2, 26), "mother"),
         ("Lukas", "Brandt", datetime.date(2012, 4, 18), "child")], "de",
    )
    signal = b.signal(
        unit=w.units["Children and families"], case_type=w.case_types[CHILD_AND_FAMILY], person=lukas,
        household=home, by=cw, days_ago=12, signaller_kind="school",
        signaller_name="Stefan Wolf, school counsellor",
        problems="Lukas sleeps badly, has nightmares and has become aggressive at school. Last year he "
        "experienced sexual violence; the police and the court are dealing with it.",
        how_it_came_about="The problems started after what happened last year and grew when the trial began.",
        who_intervened="The school counsellor; victim support gave the family information.",
        what_is_being_done="His mother lets him sleep in the living room with the light on.",
        other_professionals="School counsellor, family doctor",
        request="Support for Lukas that is not the usual psychotherapy: he does not want to talk about "
        "what happened.",
    )
    case = b.open_case(signal, by=cw, days_ago=10)
    b.deadline_done(case, SOCIAL_INFORMATION, by=cw, days_ago=6)
    b.consent(case, by=cw, days_ago=9, given_by="Katrin Brandt and Lukas Brandt",
              relation="mother, and Lukas himself", scope=Consent.Scope.INTERVENTION)
    b.consent(case, by=cw, days_ago=9, given_by="Katrin Brandt and Lukas Brandt",
              relation="mother, and Lukas himself", scope=Consent.Scope.SHARE_PROVIDERS,
              details="Only with the mobile trauma help team.")
    b.assess(case, by=cw, days_ago=7, levels=(0, 1, 2),
             descriptions=("No difficulty; sleeps badly.", "Talks easily about football, not about feelings.",
                           "Fights at school when he feels cornered."),
             strengths="Good at football; likes being outdoors; close to his mother.",
             resources="His mother Katrin; his football coach, whom he trusts.")
    sleep = b.goal(case, by=cw, days_ago=7, due_in=90, life_domain=LifeDomain.HEALTH,
                   citizen_words="I want to sleep through the night and play football again.",
                   title="Sleep better and go back to football training",
                   indicator="Nights slept through each week; trainings attended",
                   target="5 nights a week; one training a week")
    b.refer(case, w.services["trauma_help"], [sleep], by=cw, days_ago=3,
            message="Lukas would like support in motion, for example while walking or playing football. "
            "He does not want to talk about what happened. His mother Katrin is the contact.")
    b.note(case, by=cw, days_ago=7, goal=sleep, text="Lukas met me at the football ground rather than in "
           "the office. He said: \"I just want to sleep.\"")
    return case


def ivanov_signal(w: World) -> None:
    """A neighbour's signal about two children, waiting for triage; its clock is running."""
    home, (_elena, viktor, _maria) = household(
        "The Ivanov family", "41 Station Road, Rivertown",
        [("Elena", "Ivanova", datetime.date(1990, 9, 30), "mother"),
         ("Viktor", "Ivanov", datetime.date(2019, 6, 14), "child"),
         ("Maria", "Ivanova", datetime.date(2021, 3, 3), "child")], "bg",
    )
    b.signal(unit=w.units["Children and families"], case_type=w.case_types[CHILD_AND_FAMILY], person=viktor,
             household=home, by=w.users["caseworker"], days_ago=2, signaller_kind="other",
             signaller_name="A neighbour (name and phone number known to the case worker)",
             problems="Viktor (7) and his sister Maria (5) are often alone at home in the evenings; the "
             "neighbour hears them crying.",
             request="That someone checks whether the children are safe and their mother gets support.")
