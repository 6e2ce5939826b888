"""Which models hold personal data, and how each row reaches the person it is about.

The subject-access export and the model-list test read this registry. A new model that reaches a
person, a case, a household or a user must be added here or to NO_PERSONAL_DATA with a reason;
`tests/test_registry.py` fails until it is.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Model, Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Holder:
    """A model holding personal data.

    `paths` are lookups from the model to people.Person: a row belongs to a person when any path
    reaches them. `withheld` fields are never exported (with the reason in a comment beside them).
    `downloads` maps a file field to the access-checked view that serves it and that view's
    keyword argument.
    """

    label: str
    paths: tuple[str, ...]
    withheld: tuple[str, ...] = ()
    downloads: dict[str, tuple[str, str]] = field(default_factory=dict)
    title: str | Promise = ""  # a plainer heading than the model's plural name, where it needs one

    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.label)

    def of_person(self, person_id: int) -> Q:
        """Rows that reach the person through any path."""
        rule = Q()
        for path in self.paths:
            rule |= Q(**{path: person_id})
        return rule


# Shared group goals belong to everyone whose case they are shared with, and so do their plans.
HOLDERS: tuple[Holder, ...] = (
    Holder("people.person", ("id",)),
    Holder("people.household", ("members", "cases__person", "signals__person")),
    # The citizen's own portal account; the password hash is a secret, not information about them.
    Holder("accounts.user", ("person",), withheld=("password",), title=_("Portal account")),
    Holder("portal.proxy", ("person", "representative__person")),
    Holder("cases.signal", ("person",)),
    Holder("cases.deadline", ("signal__person",)),
    Holder("cases.case", ("person",)),
    Holder("cases.caseteammember", ("case__person",), title=_("Who works on the case")),
    Holder(
        "consents.consent",
        ("case__person",),
        downloads={"document": ("consents:consent_document", "consent_id")},
    ),
    Holder("assessments.assessment", ("case__person",)),
    Holder("goals.goal", ("case__person", "group_cases__person")),
    Holder("agreements.agreementversion", ("case__person",)),
    Holder("agreements.agreementaction", ("version__case__person",)),
    Holder("referrals.referral", ("case__person",)),
    Holder("plans.step", ("goal__case__person", "goal__group_cases__person")),
    Holder(
        "plans.stepattachment",
        ("step__goal__case__person", "step__goal__group_cases__person"),
        downloads={"file": ("plans:attachment_file", "attachment_id")},
    ),
    Holder("plans.savingsplan", ("goal__case__person", "goal__group_cases__person")),
    Holder(
        "plans.savingsdeposit",
        ("savings_plan__goal__case__person", "savings_plan__goal__group_cases__person"),
    ),
    Holder("notes.progressnote", ("case__person",)),
    Holder("evaluations.evaluationmoment", ("case__person",)),
    Holder("evaluations.goalattainment", ("evaluation__case__person",)),
    Holder("evaluations.qualityofliferating", ("evaluation__case__person",)),
    Holder("meetings.networkmeeting", ("case__person",)),
    Holder("meetings.meetingparticipant", ("meeting__case__person",)),
    Holder("meetings.meetingdecision", ("meeting__case__person",)),
    Holder("meetings.meetingaction", ("meeting__case__person",)),
    # A focus group the person took part in, and what it reviewed (it may show them).
    Holder("learning.focusgroup", ("cases__person",)),
    Holder("learning.focusgroupmaterial", ("focus_group__cases__person",)),
    Holder("portal.wish", ("case__person",)),
    Holder("imports.importedcase", ("case__person",), title=_("Reference in the previous system")),
    # Material support an institution recorded; linked to the person only when they have a case there.
    Holder("support.supportrecord", ("person",)),
    Holder("support.supportreview", ("record__person",), title=_("Conversations about support received twice")),
    # A change made offline on a home visit, as it arrived; the photo is exported with the step once applied.
    Holder("offline.offlinewrite", ("case__person",), withheld=("photo",), title=_("Changes made on home visits")),
    # Who looked at or changed their file is theirs to know (GDPR art. 15(1)(c): recipients).
    Holder("audit.auditevent", ("person", "case__person"), title=_("Who looked at or changed the file, and when")),
)

# Models that reach a person, case, household or user only to say who works where, or that
# describe the service itself. Each with the reason it holds no personal data of a citizen.
NO_PERSONAL_DATA: dict[str, str] = {
    "organisations.organisation": "an authority or provider: a legal body, not a person",
    "organisations.unit": "a team of an organisation; its leader is a staff account, not a citizen",
    "organisations.service": "an entry of the service catalogue",
    "cases.casetype": "a kind of case with its deadline rules",
    "cases.deadlinerule": "a time limit of a case type, the same for everyone",
    "privacy.retentionrule": "how long each record type is kept; no row is about a person",
    "api.apitoken": "an API token of a staff account (only its hash); says nothing about a citizen",
    "reminders.reminder": "a reminder to a staff account: a case reference, a deadline rule's label, a date",
    "reminders.calendarfeed": "the hash of an account's secret calendar address, and its dates",
    "learning.afteractionreview": "a team's review of its own work or a pilot; names no service user",
    "learning.appreciativeinquiry": "a team's inquiry into what works; names no service user",
    "practices.practice": "a good practice as an organisation describes it (ESN form); names no service user",
    "practices.practicetheme": "a theme a practice is filed under",
    "practices.practiceprinciple": "a principle of the European Pillar of Social Rights a practice serves",
    "practices.assessment": "a reviewer's assessment of a practice; the reviewer is a staff account",
    "practices.criterionscore": "a score and comment on one WIT criterion of a practice",
    "practices.practiceembedding": "a vector computed from a practice's texts",
    "pilots.pilot": "an organisation's pilot of user involvement (SEMPRE); names no service user",
    "offline.device": "a staff account's device: its name, the hash of its cookie, its key and dates",
    "offline.takealong": "a case id on a staff device; each take-along is in the audit log the person sees",
    # Pseudonymised, not anonymous (docs/privacy-linkage.md): reach no person in Carepath; the record
    # they stand for is exported as support.supportrecord.
    "support.supportencoding": "a keyed encoding of a support record with its link key, kind and month; no name",
    "support.supportmatch": "two link keys, two institutions, a kind, a month and a score; no name",
    # The rows of many-to-many fields, made explicit to carry their authority: two ids and the authority.
    # What they link is exported with the model of the field, through its path (e.g. group_cases__person).
    "consents.consentprovider": "a provider a consent covers: exported with the consent",
    "goals.goalgroupcase": "a case a group goal is shared with: exported with the goal",
    "referrals.referralgoal": "a goal a referral is about: exported with the referral",
    "learning.focusgroupcase": "a case that took part in a focus group: exported with the focus group",
    "learning.focusgroupgoal": "a goal a focus group discussed: exported with the focus group",
    "learning.focusgroupstep": "a step a focus group discussed: exported with the focus group",
}


def holder(label: str) -> Holder:
    return next(h for h in HOLDERS if h.label == label)
