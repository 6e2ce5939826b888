"""The seven practices the seed documents describe, field for field as on the ESN form, for the
demo's practice library (`demo.practices`) and for tests that need real texts.

The texts summarise the seeds faithfully: the ESN submission of Vilnius City Municipality (000),
SEMPRE's roadmap with its micro projects (001) and the WIT newsletter (004). Where a seed says
nothing (a figure, an evaluation), the text says so instead of inventing it. Contacts are the
address or website the seed gives; no person is named.

The texts are the organisations' own descriptions in English (`language` "en"), so they are data,
not interface strings, and are not marked for translation.
"""

from typing import Any

from carepath.practices.choices import Criterion, Principle, Status, Theme

_BELIEVE_ACTIVITIES = """\
The practice empowers each person by addressing their own needs and preferences, supporting their \
integration into the community and promoting independence and dignity. It follows four phases.

1. Service users, the Residents' Council or the human rights activists of the Independent Living \
Home submit individual or group proposals for realising their dreams and wishes.
2. A plan to reach the goal is drawn up with the service user, discussing its steps and the actions \
to take. A person who wishes, for example, to save money for a trip, get a job, join a sports club, \
learn English or go to a concert draws up the plan with a staff member, analyses it and monitors \
its implementation. Throughout, measures are put in place to empower and motivate the person.
3. The tools include understandable communication, visual material, illustrations of wishes and \
dreams, reminders of job responsibilities and money-saving plans. A person starting at a gym, for \
instance, gets a video made with a staff member showing the sequence, timing and correct way of \
doing the exercises.
4. Staff carry out educational activities for social inclusion: they lecture employers, schools, \
shopping malls and other communities on support for and inclusion of vulnerable people, on their \
rights and experiences, on ethical communication and on what to do when a vulnerable person needs \
help."""

_BELIEVE_OUTCOMES = """\
Some service users fulfilled their dreams: they found employment, started attending a sports club, \
learned English, visited Lithuanian towns and travelled to Spain, Egypt, Turkey, Poland and Estonia.

In January 2023 service users' satisfaction with their quality of life had increased, most in \
self-fulfilment, with a 20% improvement. Of 44 goals for quality of life, 28 were fully achieved, \
10 partially and 6 not achieved. Satisfaction with taking part in the project was over 80%, and \
95% of participants said the project made them feel happy through saving money and achieving their \
goals. In the focus groups they said they felt more confident; planning their goals and talking \
with staff strengthened their self-representation skills, and some overcame fears such as the fear \
of flying or of being judged.

In 2017 experts of the World Health Organisation assessed living conditions and human rights in \
three Lithuanian institutions; the Valakampiai Social Services Facility ensured the best of the three."""

_BELIEVE_EVALUATION = """\
Focus group interviews with service users and staff after each planned activity or achieved goal \
and before the next: photos and videos are reviewed, impressions discussed, recommendations shared \
and improvements identified; a staff member records the data together with the service users.

A questionnaire was tried at the start and did not work: service users found the questions hard to \
understand and answer and often ignored the surveys.

As an EQUASS-certified organisation (EQUASS Assurance, May 2022) the facility measures each year, \
on clear indicators, 12 outcome areas, among them service user involvement in planning, delivery \
and evaluation, empowerment, quality of life, personalised plans and satisfaction."""

_TAILOR_ACTIVITIES = """\
Together with the service users, the SEMPRE partners assessed life situations and social service \
needs. Ideas for social services were developed, and micro projects were created in which the \
service users played an active role.

In Norrbotten a group of migrants created a cooperative producing textiles, such as fruit bags, \
supplied to local supermarkets. The SEMPRE partner Coompanion Norrbotten involved local service \
providers and supported the cooperative in business planning and entrepreneurial skills. The \
partners consulted and supported the micro project to help make it self-sustaining."""

_WIRKSTATT_ACTIVITIES = """\
The SEMPRE partner carried out a "future workshop" with long-term unemployed people in the district \
of Plön. Together they assessed life situations and social service needs and developed ideas for \
social services.

One result was the WIRkstatt, a place where service users and social service providers discuss \
with each other. There the service users learn to articulate their needs and interests and so \
actively support their interests in the region. The SEMPRE partners consulted and supported the \
micro project to help make it self-sustaining."""

_SEMPRE_TIPS = """\
SEMPRE's organisational roadmap proposes five steps for a provider: explore empowerment, kick-start \
the idea (create an agreement with staff and stakeholders), identify a pilot, assess the outcomes, \
and keep the momentum. Empowering service users requires empowered staff: support your staff in a \
spirit of partnership. The roadmap, the Empowerment Handbook and the Guidebook for Empowerment \
Training are on the SEMPRE website."""

_BROKER_ACTIVITIES = """\
The Social Broker works through a process of decoding, training, planning and effective \
involvement of the community. The broker identifies and creates network committees that analyse \
problems and solution strategies, promotes forms of self-help and mutual help, manages networks, \
coordinates across disciplines, facilitates and mediates, assesses, structures and develops \
projects and work plans with community participatory-based management, and monitors, evaluates \
and controls critical issues and conflictive dynamics.

The target groups are minors, elderly people, people with disabilities, families, adults in \
difficulties, foreigners and migrants who, as individuals, groups or communities, live in a \
situation of fragility or vulnerability."""

_BROKER_OUTCOMES = """\
Formal skills and competences enabled and strengthened: leadership and problem solving; \
identification and creation of network committees; promotion of self-help and mutual help; \
dynamic networking management; personal and social empowerment; multidisciplinary coordination; \
facilitation and mediation; assessment; structuring and development of projects and work plans; \
community participatory-based management; monitoring and evaluation.

Informal abilities: empathy, listening and hospitality skills, introjection, sharing, neutrality \
and openness, as essential elements of personal and community resilience.

The source gives no figures."""

_VARNA_ACTIVITIES = """\
Exploring the best practices of social entrepreneurship, the project developed procedures, \
methodologies, manuals and supporting activities in line with the characteristics of the areas.

It further developed and expanded the existing Centre for Social Rehabilitation and Integration of \
adults, reinforcing its services and training and advising the target group (60 people, 15 \
professions) for the transition to the real labour market, according to their needs and \
constraints.

It promoted the best practices to professionals wishing to work in the social economy and prepared \
a regional campaign to activate civil society initiatives and raise public support for social \
entrepreneurship."""

_MUT_ACTIVITIES = """\
MUT gives information about psychic trauma and its effects, focusing on the individual needs of \
each boy or young man and on a form of support different from typical psychotherapy. Boys get \
counselling and advice to handle problems such as insomnia, aggression or nightmares, without \
needing to talk about their experiences.

MUT is mobile: the social workers, sociologists, pedagogues and therapists work in motion (while \
walking, exercising or playing) where the boys live, and support them to find their own way to \
handle their problems. The professionals have special further training and long experience with \
the target group, and use innovative methods such as sport activities, interactive methods and \
games.

MUT is funded privately (Childhood foundation, Aktion Mensch)."""

_EARLY_ACTIVITIES = """\
Trainings for teams of "Early Intervention" services took place in 10 regions of Lithuania.

Parents of children with disabilities were key actors, acting as experts of case analysis and \
intervention plans. They took part in the trainings and presented their own case analysis to the \
specialists, which helped the professionals understand the family's situation from the parents' \
perspective.

The trainings worked on arguing and substantiating one's opinion among professionals of different \
fields, formulating a common aim and tuning actions to reach it, listening to others' opinions, \
negotiating and accepting what was agreed, tolerance and trust, creativity and flexibility in \
seeking solutions."""

_EARLY_OUTCOMES = """\
The project developed and strengthened the professionals' capacity to argue and substantiate their \
opinion in a group of professionals of different fields; to formulate a common aim and tune \
actions to reach it; to listen to others' opinions, negotiate and accept what is agreed; to \
demonstrate tolerance and trust; and to show creativity and flexibility in seeking solutions.

Many of the skills participants named were personal (informal) ones: a positive attitude towards \
common work, organisational skills, self-reflection, a learning attitude and humour.

The source gives no figures on the children and families supported."""

_NO_FORMAL_EVALUATION = "The source describes no formal evaluation."

PRACTICES: list[dict[str, Any]] = [
    {
        "key": "believe-in-the-unbelievable",
        "title": "In-house social services programme “I Believe in the Unbelievable”",
        "organisations": "Vilnius City Municipality",
        "country": "LT",
        "contact": "policy@esn-eu.org",
        "status": Status.ESTABLISHED,
        "summary": (
            "The “I Believe in the Unbelievable” project tackles stigma and social exclusion experienced "
            "by individuals with intellectual disabilities by focusing on their empowerment and "
            "integration into the community."
        ),
        "context": (
            "Negative societal attitudes often lead to discrimination, low self-esteem and internalised "
            "stigma of people with intellectual disabilities. By empowering people in all areas of their "
            "lives, they are actively involved in assessing and planning their needs for services, which "
            "ensures better quality and more successful integration into society."
        ),
        "objective_1": (
            "Address the social exclusion of people with intellectual disabilities through person-centred support."
        ),
        "objective_2": "Promote their active involvement in the community through public education.",
        "objective_3": "",
        "activities": _BELIEVE_ACTIVITIES,
        "outcomes": _BELIEVE_OUTCOMES,
        "evaluation": _BELIEVE_EVALUATION,
        "links": "https://www.valakampusn.lt/en/",
        "comments_and_tips": (
            "Questionnaires did not work for the service users; focus groups where they watch photos and "
            "videos of their activities and say what they liked or disliked did."
        ),
        "language": "en",
        "themes": [Theme.DISABILITY, Theme.PERSON_CENTRED],
        "principles": [Principle.DISABILITY_INCLUSION],
    },
    {
        "key": "tailor-cooperative",
        "title": "Tailor Cooperative",
        "organisations": "Coompanion Norrbotten (SEMPRE project partner)",
        "country": "SE",
        "contact": "https://www.sempre-project.eu",
        "status": Status.PILOT,
        "summary": (
            "In Norrbotten County, Sweden, migrants lacked job opportunities in which they could use their "
            "skills. With the support of the SEMPRE partner Coompanion Norrbotten, a group of migrants "
            "created a cooperative producing textiles, such as fruit bags, supplied to local supermarkets."
        ),
        "context": (
            "Long distances, a lack of qualified workforce and budget cuts are common experiences of "
            "organisations providing social services to vulnerable groups in rural areas at a high risk "
            "of social exclusion. In Norrbotten County migrants lacked job opportunities in which they "
            "could use their skills. SEMPRE, an Interreg Baltic Sea Region project, promoted the "
            "involvement of service users in the development and delivery of social services."
        ),
        "objective_1": "Create job opportunities in which migrants use their skills.",
        "objective_2": "Involve the service users actively in developing and delivering the service.",
        "objective_3": "Make the cooperative self-sustaining.",
        "activities": _TAILOR_ACTIVITIES,
        "outcomes": (
            "A cooperative of migrants produces textiles, such as fruit bags, that are supplied to local "
            "supermarkets. The source gives no figures."
        ),
        "evaluation": (
            "The source describes no formal evaluation of this micro project. SEMPRE's roadmap proposes "
            "tools for assessing the outcomes of a pilot, such as the After Action Review and "
            "Appreciative Inquiry."
        ),
        "links": "https://www.sempre-project.eu/results",
        "comments_and_tips": _SEMPRE_TIPS,
        "language": "en",
        "themes": [Theme.ASYLUM_MIGRATION, Theme.LABOUR_MARKET, Theme.CO_PRODUCTION, Theme.SOCIAL_INCLUSION],
        "principles": [Principle.EDUCATION, Principle.EQUAL_OPPORTUNITIES, Principle.ACTIVE_SUPPORT_EMPLOYMENT],
    },
    {
        "key": "wirkstatt",
        "title": "WIRkstatt",
        "organisations": (
            "Kirchlicher Dienst in der Arbeitswelt der Evangelisch-Lutherischen Kirche in Norddeutschland "
            "(SEMPRE project partner)"
        ),
        "country": "DE",
        "contact": "https://www.kda-nordkirche.de",
        "status": Status.PILOT,
        "summary": (
            "In the district of Plön, Germany, the SEMPRE partner carried out a future workshop with "
            "long-term unemployed people. One result was the WIRkstatt, a place that facilitates "
            "discussion between service users and social service providers, where the service users "
            "learn to articulate their needs and interests and actively support them in the region."
        ),
        "context": (
            "Long distances, a lack of qualified workforce and budget cuts are common experiences of "
            "organisations providing social services to vulnerable groups in rural areas at a high risk "
            "of social exclusion. Supporting these people in asserting control over factors that affect "
            "their lives helps build social capital and provide high-quality social services in rural "
            "areas."
        ),
        "objective_1": "Connect users and providers of rural social services to identify real needs.",
        "objective_2": "Help long-term unemployed people articulate their needs and interests.",
        "objective_3": "Inspire innovative service solutions with the service users.",
        "activities": _WIRKSTATT_ACTIVITIES,
        "outcomes": (
            "The WIRkstatt was established as a place for discussion between service users and social "
            "service providers. The source gives no figures."
        ),
        "evaluation": (
            "The source describes no formal evaluation of this micro project. SEMPRE's roadmap proposes "
            "tools for assessing the outcomes of a pilot, such as the After Action Review and "
            "Appreciative Inquiry."
        ),
        "links": "https://www.sempre-project.eu/results\nhttps://www.kda-nordkirche.de",
        "comments_and_tips": _SEMPRE_TIPS,
        "language": "en",
        "themes": [Theme.CO_PRODUCTION, Theme.SOCIAL_INCLUSION, Theme.LABOUR_MARKET],
        "principles": [Principle.EQUAL_OPPORTUNITIES, Principle.ESSENTIAL_SERVICES],
    },
    {
        "key": "social-broker",
        "title": "The Social Broker",
        "organisations": "The Circle Project Lab",
        "country": "IT",
        "contact": "https://www.thecircleprojectlab.com",
        "status": Status.ESTABLISHED,
        "summary": (
            "Since September 2013 the association The Circle Project Lab has built social cohesion by "
            "constituting and organising “resilient communities” linked through one or more specific "
            "needs. The Social Broker is a professional who supports the community in becoming the key "
            "actor of each phase of a project, identifying issues and developing collective strategies "
            "and solutions on its own."
        ),
        "context": (
            "Minors, elderly people, people with disabilities, families, adults in difficulties, "
            "foreigners and migrants live, as individuals, groups or communities, in situations of "
            "fragility or vulnerability. The practice answers with the activation of the community and "
            "the promotion of active citizenship."
        ),
        "objective_1": (
            "Establish social cohesion processes by constituting and organising resilient communities "
            "linked through specific needs."
        ),
        "objective_2": "Activate the community and promote active citizenship.",
        "objective_3": (
            "Create, direct and empower networks of people able to support services that answer the "
            "perceived needs of the community."
        ),
        "activities": _BROKER_ACTIVITIES,
        "outcomes": _BROKER_OUTCOMES,
        "evaluation": (
            "The source describes no formal evaluation; monitoring, evaluation and control of critical "
            "issues and conflictive dynamics are part of the broker's work."
        ),
        "links": "https://www.thecircleprojectlab.com",
        "comments_and_tips": "",
        "language": "en",
        "themes": [Theme.COMMUNITY_CARE, Theme.CO_PRODUCTION, Theme.SOCIAL_INCLUSION],
        "principles": [Principle.EDUCATION, Principle.EQUAL_OPPORTUNITIES, Principle.ESSENTIAL_SERVICES],
    },
    {
        "key": "varna-social-enterprise",
        "title": "The social enterprise as a chance for a full life and social inclusion",
        "organisations": 'Business Agency Varna; Agency for Social Assistance "Vision"; CVT "Excellia"',
        "country": "BG",
        "contact": "https://www.witproject.eu",
        "status": Status.OTHER,
        "status_other": "An ESF co-funded project; the source does not say whether it continues.",
        "summary": (
            "A project co-funded by the European Social Fund expanded the model of the social enterprise "
            "and created demand in the labour market for the skills of at-risk groups. It trained and "
            "advised 60 people in 15 professions for the transition to the real labour market and "
            "prepared a regional campaign for social entrepreneurship."
        ),
        "context": (
            "People with lower limb disability, people who need a hearing aid and parents of children "
            "with disabilities carry the brand of “otherness” and “inferiority” and lack opportunities in "
            "the labour market."
        ),
        "objective_1": (
            "Expand the innovative model of the social enterprise and create demand in the labour market "
            "for the skills of at-risk groups."
        ),
        "objective_2": (
            "Create long-term opportunities of social inclusion by attracting public support to overcome "
            "the brand of “otherness” and “inferiority”."
        ),
        "objective_3": "Activate civil society initiatives and raise public support for social entrepreneurship.",
        "activities": _VARNA_ACTIVITIES,
        "outcomes": (
            "60 people were trained and advised in 15 professions for the transition to the real labour "
            "market. The project multiplied the experience and practice of the existing social "
            "enterprise, and the training and advice improved the participants' management and business "
            "skills."
        ),
        "evaluation": (
            "The source describes no formal evaluation; it reports the number of people trained and the "
            "improvement of their management and business skills."
        ),
        "links": (
            "https://www.witproject.eu/en/thematic-workshops/groups/viewgroup/"
            "5-imprenditorialita-entrepreneurship-in-the-social-services-and-innovative-financing"
        ),
        "comments_and_tips": "",
        "language": "en",
        "themes": [Theme.LABOUR_MARKET, Theme.DISABILITY, Theme.SOCIAL_INCLUSION, Theme.EU_FUNDING],
        "principles": [
            Principle.EQUAL_OPPORTUNITIES,
            Principle.ACTIVE_SUPPORT_EMPLOYMENT,
            Principle.DISABILITY_INCLUSION,
        ],
    },
    {
        "key": "mut-mobile-trauma-help",
        "title": "MUT – Mobile Unterstützende Traumahilfe (mobile trauma help for boys)",
        "organisations": "Hilfe für Jungs (Help for boys), Berlin",
        "country": "DE",
        "contact": "https://www.hilfefuerjungs.de",
        "status": Status.ESTABLISHED,
        "summary": (
            "MUT, part of the Berlin project Hilfe für Jungs, gives mobile trauma help to boys and young "
            "men aged 5 to 27 who experienced sexual violence. Professionals work with the boys in motion, "
            "while walking, exercising or playing, where they live. Boys get counselling on problems such "
            "as insomnia, aggression or nightmares without needing to talk about their experiences."
        ),
        "context": (
            "Professionals identified the need for a specific intervention for boys and young men (5 to 27 "
            "years old) facing stress and problems in the context of sexual violence, a new target group "
            "for social services."
        ),
        "objective_1": "Give boys and young men information about psychic trauma and its effects.",
        "objective_2": (
            "Support each boy according to his individual needs, in a form different from typical psychotherapy."
        ),
        "objective_3": "Help each boy find his own way to handle problems such as insomnia, aggression or nightmares.",
        "activities": _MUT_ACTIVITIES,
        "outcomes": (
            "Hilfe für Jungs has more than ten years of know-how in supporting boys and young men who "
            "experienced sexual violence. The source reports no measured outcomes of MUT."
        ),
        "evaluation": _NO_FORMAL_EVALUATION,
        "links": "https://www.hilfefuerjungs.de/",
        "comments_and_tips": "",
        "language": "en",
        "themes": [Theme.YOUNG_PEOPLE, Theme.CHILDREN_FAMILIES, Theme.MENTAL_HEALTH],
        "principles": [Principle.CHILDCARE, Principle.HEALTH_CARE],
    },
    {
        "key": "early-intervention-team",
        "title": "Organisation and coordination of integrated support to a child and family",
        "organisations": '"Early Intervention" service teams in 10 regions of Lithuania',
        "country": "LT",
        "contact": "https://www.witproject.eu",
        "status": Status.OTHER,
        "status_other": "A training project; the source does not say whether it continues.",
        "summary": (
            "Training that develops the team-work skills of professionals of various disciplines, so that "
            "they provide coordinated support to a child at risk of disability and the family, focusing "
            "on the family's strengths and resources as much as on the child's problem. Parents of "
            "children with disabilities took part as experts and presented their own case analysis to "
            "the specialists."
        ),
        "context": (
            "New legislation regulates integrated services to a family and a child in the most convenient "
            "manner, at home or in the day care institution. The “Early Intervention” services consist of "
            "professionals who usually work quite independently, so problems of coordinating efforts and "
            "of a common understanding of the goal used to arise."
        ),
        "objective_1": "Develop the team-work skills of professionals from various disciplines.",
        "objective_2": "Provide coordinated support to a child at risk of disability and his or her family.",
        "objective_3": "Focus on the family's strengths and resources, seen from the parents' perspective.",
        "activities": _EARLY_ACTIVITIES,
        "outcomes": _EARLY_OUTCOMES,
        "evaluation": (
            "The skills are those the participants themselves described as the ones they focused on "
            "during the trainings; the source describes no other evaluation."
        ),
        "links": "https://www.witproject.eu",
        "comments_and_tips": (
            "Parents acting as experts of their own case helped the professionals to see the family's "
            "situation from the parents' perspective."
        ),
        "language": "en",
        "themes": [
            Theme.CHILDREN_FAMILIES,
            Theme.INTEGRATED_CARE,
            Theme.DISABILITY,
            Theme.CO_PRODUCTION,
            Theme.WORKFORCE_LEADERSHIP,
        ],
        "principles": [Principle.EDUCATION, Principle.CHILDCARE, Principle.DISABILITY_INCLUSION],
    },
]

# WIT's eight criteria (seed 004), scored 1-5 by a reviewer, each with a comment grounded in the
# source: practice key -> criterion -> (score, comment). A criterion the source says nothing about
# scores low, because the criterion asks for evidence.
ASSESSMENTS: dict[str, dict[int, tuple[int, str]]] = {
    "believe-in-the-unbelievable": {
        Criterion.NEW_NEEDS: (3, "Stigma and exclusion of people with intellectual disabilities, a known group."),
        Criterion.EXPERIENCE: (5, "EQUASS-certified since 2022; WHO experts found it the best of three institutions."),
        Criterion.SKILLS: (4, "Residents' self-representation skills grew; staff educate employers and schools."),
        Criterion.INNOVATION: (4, "Residents propose the goals; pictures, gym videos and money-saving plans."),
        Criterion.SUSTAINABILITY: (4, "Established and ongoing, with yearly results on 12 EQUASS outcome areas."),
        Criterion.TRANSFERABILITY: (3, "Simple tools that others can reuse; no transfer reported in the source."),
        Criterion.RESULTS: (5, "Of 44 quality-of-life goals 28 fully and 10 partly achieved; self-fulfilment up 20%."),
        Criterion.SATISFACTION: (5, "Satisfaction with taking part over 80%; 95% said it made them feel happy."),
    },
    "social-broker": {
        Criterion.NEW_NEEDS: (4, "Communities of people in fragility, linked through shared needs."),
        Criterion.EXPERIENCE: (3, "Run by The Circle Project Lab since September 2013; little else is reported."),
        Criterion.SKILLS: (5, "A long list of formal (mediation, networking) and informal (listening) skills."),
        Criterion.INNOVATION: (4, "The community leads every phase of a project, with a broker who empowers it."),
        Criterion.SUSTAINABILITY: (3, "Networks meant to act autonomously; funding is not described."),
        Criterion.TRANSFERABILITY: (4, "A professional role not tied to one target group or place."),
        Criterion.RESULTS: (2, "Skills are listed but no measured results."),
        Criterion.SATISFACTION: (1, "No users' satisfaction is reported."),
    },
    "varna-social-enterprise": {
        Criterion.NEW_NEEDS: (3, "People with lower limb disability or hearing loss, parents of disabled children."),
        Criterion.EXPERIENCE: (4, "Built on an existing social enterprise and rehabilitation centre."),
        Criterion.SKILLS: (4, "Training and advice improved management and business skills."),
        Criterion.INNOVATION: (3, "Procedures, methodologies and manuals drawn from social entrepreneurship."),
        Criterion.SUSTAINABILITY: (
            3,
            "ESF co-funded; a regional campaign sought public support; no continuation said.",
        ),
        Criterion.TRANSFERABILITY: (3, "Best practices promoted to professionals entering the social economy."),
        Criterion.RESULTS: (4, "60 people trained and advised in 15 professions for the labour market."),
        Criterion.SATISFACTION: (2, "No users' satisfaction is reported."),
    },
    "mut-mobile-trauma-help": {
        Criterion.NEW_NEEDS: (5, "Boys and young men who experienced sexual violence, a new target group."),
        Criterion.EXPERIENCE: (5, "Hilfe für Jungs has more than ten years of know-how with this group."),
        Criterion.SKILLS: (3, "Staff have special further training; boys learn their own ways to cope."),
        Criterion.INNOVATION: (5, "Mobile help in motion, without needing to talk about the experience."),
        Criterion.SUSTAINABILITY: (3, "Private funding (Childhood foundation, Aktion Mensch)."),
        Criterion.TRANSFERABILITY: (3, "Methods that other places could use; no transfer reported."),
        Criterion.RESULTS: (2, "No measured results in the source."),
        Criterion.SATISFACTION: (2, "No users' satisfaction is reported."),
    },
    "early-intervention-team": {
        Criterion.NEW_NEEDS: (3, "Children at risk of disability and their families, under new legislation."),
        Criterion.EXPERIENCE: (3, "Existing early-intervention teams; the organiser is not described."),
        Criterion.SKILLS: (5, "Arguing, a common aim, negotiating, trust; informal skills such as self-reflection."),
        Criterion.INNOVATION: (5, "Parents as experts present their own case analysis to the professionals."),
        Criterion.SUSTAINABILITY: (3, "Fits services set up by new legislation; continuation not described."),
        Criterion.TRANSFERABILITY: (4, "Ran with many teams in 10 regions of Lithuania."),
        Criterion.RESULTS: (3, "Skills described by the participants; no measured effect on families."),
        Criterion.SATISFACTION: (2, "No satisfaction of families or participants is reported."),
    },
}


def practice_fields(entry: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of `practices.services.save_practice` for one entry of PRACTICES."""
    return {name: value for name, value in entry.items() if name != "key"}
