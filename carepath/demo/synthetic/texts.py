"""Templates for synthetic records, in the words of the seed documents. Plain English data.

Placeholders: {given} is the person's given name, {parent} a parent's, {step} a step's "what".
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SignalText:
    kind: str
    who: str
    problems: str
    how: str
    intervened: str
    being_done: str
    others: str
    request: str


CHILD_SIGNALS = (
    SignalText("school", "Class teacher, {school}",
               "{given} is often absent from school and arrives hungry and tired.",
               "Since the spring the family's routine has fallen apart; the mornings are chaotic.",
               "The school's social worker talked with {parent} twice.",
               "The parish gives the family a food basket every week.",
               "School social worker; family doctor",
               "Social information about the family, and support for the parents with the children's routine."),
    SignalText("health", "Paediatrician, Rivertown Health Centre",
               "{given} does not walk yet and says only a few words; at risk of disability.",
               "Noticed at the regular check-up; the parents had been worried for months.",
               "The paediatrician; a physiotherapist saw {given} once.",
               "Exercises at home, shown once.",
               "Paediatrician, physiotherapist, speech therapist",
               "Coordinated early intervention for the child and the family, at home or in day care."),
    SignalText("school", "School counsellor, {school}",
               "{given} sleeps badly, has nightmares and has become aggressive at school.",
               "The problems started after a violent experience last year.",
               "The school counsellor; victim support gave the family information.",
               "The family tries to keep a calm evening routine.",
               "School counsellor; family doctor",
               "Support that is not the usual psychotherapy, in a way {given} accepts."),
    SignalText("other", "A neighbour (name known to the case worker)",
               "{given} is often alone at home in the evenings; the neighbour hears crying.",
               "{parent} works late shifts since the separation.",
               "Nobody yet.", "Nothing is known.", "",
               "That someone checks whether the children are safe and the parent gets support."),
    SignalText("police", "Rivertown police, family unit",
               "The police were called twice to the family's home because of loud arguments.",
               "The parents' conflict has grown since they lost their income.",
               "The police talked with both parents.", "{parent} stays with relatives some nights.",
               "Police; family doctor", "Support for the family and an assessment of the children's situation."),
    SignalText("relative", "Grandmother of {given}",
               "{parent} cannot cope with the household and the children since falling ill.",
               "A long illness; the other parent left last year.",
               "The grandmother helps two afternoons a week.",
               "The family receives food support from two institutions.",
               "Family doctor", "A family helper at home and help to organise the week."),
)

ADULT_SIGNALS = (
    SignalText("health", "Family doctor, Rivertown Health Centre",
               "{given} has strong anxiety and rarely leaves home; shopping and cooking have stopped.",
               "The anxiety grew after losing a job; contact with friends faded.",
               "The family doctor; a brother brings groceries once a week.",
               "Treatment by the family doctor.", "Family doctor",
               "Support at home, with the least possible intervention."),
    SignalText("professional", "Staff of the independent living home",
               "{given} has an intellectual disability and wants to work, travel and take part like others.",
               "The wish was proposed at the Residents' Council.", "The key worker at the home.",
               "{given} keeps some pocket money in an envelope.", "",
               "A plan drawn up with {given} to realise the dream, with steps and support."),
    SignalText("relative", "A son of {given}",
               "{given} lives alone, forgets to eat and has fallen twice at home.",
               "Since the partner died the days have lost their structure.",
               "The son visits at weekends.", "Meals are delivered three times a week.",
               "Home nursing", "Support at home and someone to check in every day."),
    SignalText("citizen", "{given} in person",
               "{given} has not worked for three years after an accident and feels isolated.",
               "A light physical impairment after the accident; money runs out before the month ends.",
               "Nobody.", "Nothing yet.", "",
               "Help to find work that fits and to manage money."),
    SignalText("health", "Rivertown Hospital, discharge team",
               "{given} needs support at home after a stay in the psychiatric ward.",
               "Several admissions this year; no daily structure at home.",
               "The ward's social worker.", "A follow-up appointment at the outpatient clinic.",
               "Psychiatrist; outpatient clinic", "Support for a daily structure and contact with others."),
    SignalText("professional", "Job centre adviser",
               "{given} has an intellectual disability and lost a job at a warehouse; now stays home all day.",
               "The employer did not know how to include {given} after a reorganisation.",
               "The job centre.", "Unemployment benefit.", "Job centre",
               "Support to find work again and to keep up contact with colleagues and friends."),
)


@dataclass(frozen=True)
class GoalText:
    words: tuple[str, ...]
    title: str
    indicator: str
    target: str
    domain: str
    steps: tuple[str, ...]


ADULT_GOALS = (
    GoalText(("I want to fly to Spain and see the sea.", "I want to travel abroad, maybe to Egypt.",
              "I want to go on a trip to Turkey with my friends."),
             "Travel abroad for a week with a support worker", "Trip made; photos shown at the focus group",
             "One trip, paid with own savings", "leisure",
             ("Choose where to go, with pictures of places", "Put money in the savings jar every month",
              "Get a passport", "Visit the airport to get used to flying", "Book the trip together")),
    GoalText(("I want a real job.", "I want to work in a café.", "I want to earn my own money."),
             "Work two mornings a week", "Mornings worked each week", "2 mornings a week for 3 months",
             "work", ("Visit three workplaces together", "Try two mornings at the community café",
                      "Practise the bus route to work", "Sign the work agreement")),
    GoalText(("I want to join a sports club.", "I want to go to the gym like my brother."),
             "Train at a sports club once a week", "Trainings attended each month", "4 trainings a month",
             "leisure", ("Choose a club from the leaflets", "Watch the exercise video made with staff",
                         "Go to a first training with a support worker", "Go to training alone")),
    GoalText(("I want to learn English so I can talk to tourists.", "I want to sign up for a course."),
             "Follow an English course for beginners", "Lessons attended", "10 of 12 lessons",
             "education", ("Find a course for beginners", "Sign up together",
                           "Practise ten new words each week")),
    GoalText(("I want to care for the stray animals at the shelter.",),
             "Volunteer at the animal shelter every week", "Afternoons at the shelter each month",
             "4 afternoons a month", "social_relations",
             ("Visit the shelter and meet the staff", "Learn the job with the reminder pictures",
              "Go every Wednesday afternoon")),
    GoalText(("I want to do my own shopping without panicking.", "I want to go to the shop alone."),
             "Do the weekly shopping on their own", "Shopping trips made alone each month",
             "4 trips a month", "daily_living",
             ("Video call every morning to plan the day", "Go to the shop with a support worker",
              "Go alone, with a phone call before and after")),
    GoalText(("I want to see people again.", "I don't want to sit alone at home every day."),
             "Take part in the community walking group", "Walks attended each month", "2 walks a month",
             "social_relations", ("Walk to the meeting point with a relative",
                                  "Join the walk for the first 20 minutes", "Walk the whole route")),
    GoalText(("I don't want to run out of money before the end of the month.",),
             "Keep a monthly budget", "Months ending without debt", "3 months in a row", "finances",
             ("Make a picture budget of fixed costs", "Pay the bills on the first Monday",
              "Check the budget with staff each Friday")),
    GoalText(("I want to cook my own dinner.", "I want to eat warm food I made myself."),
             "Cook a simple warm meal three times a week", "Meals cooked each week", "3 meals a week",
             "daily_living", ("Choose five recipes with pictures", "Cook together with staff",
                              "Cook alone with the recipe cards")),
    GoalText(("I want my own flat.", "I want to live on my own, with my own key."),
             "Move to a flat with support", "Flat found and moved in", "Moved in within a year", "housing",
             ("Visit flats with a support worker", "Learn to pay rent and bills", "Move in")),
    GoalText(("I want to go to a concert.", "I want to see a football match in the stadium."),
             "Go to a concert or match in the city", "Events attended", "One event", "leisure",
             ("Choose the event", "Save for the ticket", "Practise the bus route to the venue")),
)

CHILD_GOALS = (
    GoalText(("We want calm mornings and the children at school on time.",),
             "{given} arrives at school on time", "Days on time each week, from the school's register",
             "5 of 5 days, 4 weeks in a row", "education",
             ("Wake the children at 7:00 with the picture schedule", "Pack the school bag the evening before",
              "Family helper visits two mornings a week")),
    GoalText(("We want {given} to walk with us to the playground.",),
             "{given} walks ten steps alone", "Steps walked without holding on", "10 steps", "health",
             ("Physiotherapy exercises every evening, shown in a video", "Practise walking at day care")),
    GoalText(("We want to understand what {given} wants.",),
             "{given} uses 20 words or signs", "Words or signs counted by the parents", "20 words or signs",
             "education", ("Use the same five signs at home and in day care", "Keep a list of new words")),
    GoalText(("I want to sleep through the night and play football again.", "I just want to sleep."),
             "Sleep better and go back to training", "Nights slept through each week",
             "5 nights a week", "health",
             ("Walks with the counsellor after school", "Evening routine without screens",
              "Go to football training with the coach")),
    GoalText(("We want evenings without shouting.", "We want to argue less in front of the children."),
             "The parents agree a calm evening routine", "Evenings without conflict each week",
             "5 of 7 evenings", "social_relations",
             ("Parents' programme once a week", "Write down the evening routine together",
              "Network meeting with school and family")),
    GoalText(("We want the children to eat a warm meal every day.",),
             "A warm meal for the children every day", "Days with a warm meal each week", "7 of 7 days",
             "daily_living", ("Plan the week's meals together", "Shop with the food voucher",
                              "Cook together twice a week with the family helper")),
)

PROGRESS = (
    "{given} and I went through the week with the picture schedule. {given} chose the next step.",
    "Step \"{step}\": it went well today. {given} said: \"I can do it.\"",
    "Step \"{step}\": we had to try again; {given} was tired but did not give up.",
    "Phone call with {given}. Things are calmer; we agreed to keep the same rhythm.",
    "Network meeting with the family and the partners; we agreed a common strategy and who does what.",
    "Home visit. At home I saw what the office cannot see; we adjusted the plan together.",
    "{given} showed the photos of the activity at the focus group and told the others about it.",
    "{given} cancelled today's visit. We rescheduled for next week.",
)

RESTRICTED = (
    ("Information about a third person was shared in confidence.",
     "Information about a third person, given in confidence; for the team only."),
    ("The police are investigating an incident in the family.",
     "Ongoing police investigation; sharing now could harm it."),
    ("A relative described a conflict with the former partner.",
     "Concerns a third person who has not consented to sharing."),
)

EVALUATION_WORDS = {
    "good": ("I did it! I am proud of myself.", "It went better than I thought. I want a new goal.",
             "We did it together. The mornings are calm now."),
    "mixed": ("Some things are easier now, some are still hard. I want to keep going.",
              "I liked the pictures, they help me. The bus is still difficult.",
              "We are on the way. We need a bit more time."),
    "poor": ("It did not work this time. I want to try another way.",
             "It was too much at once. Let's make smaller steps."),
}

ATTAINMENT_COMMENTS = {
    "fully": ("Reached, and kept up for months.", "Reached before the date."),
    "partially": ("Half of the target; keeps trying.", "Reached with support, not yet alone."),
    "not": ("Not reached; the plan will change.", "Stopped by illness; to be taken up again."),
}

CLOSURES = {
    "goals_reached": "The goals are reached; the support is no longer needed.",
    "autonomous": "{given} manages on their own now and moves out of the circle.",
    "partly": "Most goals are partly reached; {given} continues with the network's help only.",
    "declined": "{given} no longer wants the service and withdrew consent.",
    "moved": "{given} moved to another municipality; the file was handed over.",
}

SIGNAL_CLOSED = (
    "Other services already give the help needed; no case is needed. They know they can contact us again.",
    "After a phone call the family said things are fine now and declined help.",
    "Already known: added to the open case of the family.",
)

DECLINES = (
    "No place for the next three months; waiting list is full.",
    "The person's needs are beyond what this service offers; please refer to a more intensive service.",
)

STRENGTHS = (
    "Friendly and curious; keeps trying.", "Good with their hands; likes to help others.",
    "Knows the bus routes in town.", "Loves music and animals.", "Good at football; likes being outdoors.",
    "Keeps the room tidy; saves carefully once there is a plan.",
)

RESOURCES = (
    "A sister visits every month and wants to help.", "A neighbour who checks in every day.",
    "The grandmother looks after the children two days a week.", "A football coach they trust.",
    "Friends from the Residents' Council.", "The parents know the child best: they are the experts.",
)

DIMENSION_TEXTS = {
    "physical": ("Manages practical tasks alone.", "Needs reminders for cooking and cleaning.",
                 "Needs help with shopping and meals.", "Needs help with most practical tasks.",
                 "Needs help with all practical tasks."),
    "communication": ("No difficulty.", "Longer texts are hard; easy-read helps.",
                      "Understands short sentences and pictures.", "Uses a few words and pointing.",
                      "Communicates through gestures and facial expressions."),
    "social": ("Takes part in social life as they wish.", "Shy with strangers.",
               "Avoids new places and groups.", "Rarely meets anyone outside home.",
               "Has no contact with others outside the family."),
}

AGREEMENT_ACTIONS = (
    ("{parent}", "Takes the children to school by 8:30 every day"),
    ("{parent}", "Gives the children their bath at 19:00 on school days"),
    ("Case worker", "Finds a place for the parents in the parents' programme"),
    ("Family helper", "Visits the family at home twice a week"),
    ("{parent}", "Takes part in the network meeting with the school"),
    ("{given}", "Packs the school bag the evening before"),
)

EASY_READ = (
    "1. I look at the picture.\n2. I do the step with my support worker.\n3. We tick it off together.",
    "1. Every month I put money in my jar.\n2. We write it down together.\n3. When the jar is full, I can go.",
)

# Which goal templates fit each signal template (same order as CHILD_SIGNALS and ADULT_SIGNALS).
CHILD_SIGNAL_GOALS = ((0, 5), (1, 2), (3,), (0, 4, 5), (4, 0), (5, 0))
ADULT_SIGNAL_GOALS = ((5, 6, 8), (0, 1, 2, 3, 4, 9, 10), (8, 5, 6), (1, 7), (6, 8, 5, 2), (1, 6, 3))
EARLY_INTERVENTION_SIGNAL, TRAUMA_SIGNAL = 1, 2

SCHOOLS = ("Rivertown Primary School", "North district school", "South district school", "St Mary's School")
