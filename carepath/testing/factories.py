"""factory_boy factories for tests: each builds a valid object with its parents."""

import datetime

import factory
from django.utils import timezone

from carepath.accounts.models import Role, User
from carepath.agreements.models import AgreementAction, AgreementVersion
from carepath.assessments.models import Assessment
from carepath.cases.models import Case, CaseTeamMember, CaseType, DeadlineRule, Signal
from carepath.consents.models import Consent
from carepath.core.choices import LifeDomain
from carepath.evaluations.models import EvaluationMoment
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.organisations.models import Organisation, Service, Unit
from carepath.people.models import Household, Person
from carepath.plans.models import SavingsPlan, Step, StepAttachment
from carepath.portal.models import Proxy
from carepath.referrals.models import Referral


class AuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Municipality {n}")
    kind = Organisation.Kind.AUTHORITY
    country = "LT"


class ProviderFactory(AuthorityFactory):
    name = factory.Sequence(lambda n: f"Provider {n}")
    kind = Organisation.Kind.PROVIDER


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    organisation = factory.SubFactory(AuthorityFactory)
    name = factory.Sequence(lambda n: f"Unit {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Ona"
    last_name = factory.Sequence(lambda n: f"Worker{n}")
    role = Role.CASE_WORKER
    unit = factory.SubFactory(UnitFactory)
    organisation = factory.LazyAttribute(lambda u: u.unit.organisation if u.unit else None)
    password = factory.django.Password("pw")


class ProviderStaffFactory(UserFactory):
    role = Role.PROVIDER_STAFF
    unit = factory.SubFactory(UnitFactory, organisation=factory.SubFactory(ProviderFactory))


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    provider = factory.SubFactory(ProviderFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    purpose = "Support for daily living at home."
    life_domains = [LifeDomain.DAILY_LIVING.value]
    level_min = 0
    level_max = 4
    capacity = 10


class CaseTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseType
        django_get_or_create = ("name",)

    name = "Child and family"


class DeadlineRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeadlineRule

    case_type = factory.SubFactory(CaseTypeFactory)
    label = "Social information"
    days = 7


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    name = "The Silva family"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    given_name = factory.Sequence(lambda n: f"Jonas{n}")
    family_name = "Kazlauskas"
    birth_date = datetime.date(1990, 5, 17)


class SignalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signal

    received_at = factory.LazyFunction(timezone.now)
    received_by = factory.SubFactory(UserFactory)
    unit = factory.LazyAttribute(lambda s: s.received_by.unit)
    case_type = factory.SubFactory(CaseTypeFactory)
    person = factory.SubFactory(PersonFactory)
    signaller_kind = Signal.SignallerKind.SCHOOL
    problems = "Often absent from school."
    request = "Support for the family."


class CaseFactory(factory.django.DjangoModelFactory):
    """An open case whose signal's receiver is the case manager."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    signal = factory.SubFactory(SignalFactory, status=Signal.Status.CASE_OPENED)
    person = factory.LazyAttribute(lambda c: c.signal.person)
    case_type = factory.LazyAttribute(lambda c: c.signal.case_type)
    unit = factory.LazyAttribute(lambda c: c.signal.unit)
    opened_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def manager(obj: Case, create: bool, extracted: User | None, **kwargs: object) -> None:  # noqa: N805
        if create:
            CaseTeamMember.objects.create(case=obj, user=extracted or obj.signal.received_by, is_case_manager=True)


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    case = factory.SubFactory(CaseFactory)
    given_by = "Maria Silva"
    relation = "mother"
    scope = Consent.Scope.INTERVENTION
    method = Consent.Method.IN_PERSON
    given_on = factory.LazyFunction(timezone.localdate)
    recorded_by = factory.LazyAttribute(lambda c: c.case.signal.received_by)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    case = factory.SubFactory(CaseFactory)
    assessed_on = factory.LazyFunction(timezone.localdate)
    assessed_by = factory.LazyAttribute(lambda a: a.case.signal.received_by)
    physical_level = 1
    communication_level = 2
    social_level = 2
    strengths = "Loves music."


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    case = factory.SubFactory(CaseFactory)
    citizen_words = "I want to travel abroad."
    title = "Travel to Riga by bus"
    indicator = "Trip made"
    target = "One trip"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=180))
    life_domain = LifeDomain.LEISURE
    proposed_by = Goal.ProposedBy.CITIZEN
    created_by = factory.LazyAttribute(lambda g: g.case.signal.received_by)


class AgreementVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementVersion

    case = factory.SubFactory(CaseFactory)
    number = 1
    accepted_by_family = "Maria Silva"
    accepted_by_staff = factory.LazyAttribute(lambda v: v.case.signal.received_by)
    accepted_on = factory.LazyFunction(timezone.localdate)


class AgreementActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementAction

    version = factory.SubFactory(AgreementVersionFactory)
    who = "Maria"
    what = "Takes the children to school every day."
    by_when = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    case = factory.SubFactory(CaseFactory)
    service = factory.SubFactory(ServiceFactory)
    referred_by = factory.LazyAttribute(lambda r: r.case.signal.received_by)
    referred_at = factory.LazyFunction(timezone.now)


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    goal = factory.SubFactory(GoalFactory)
    what = "Get a passport"
    who = "Jonas with his support worker"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    created_by = factory.LazyAttribute(lambda s: s.goal.created_by)


class SavingsPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavingsPlan

    goal = factory.SubFactory(GoalFactory)
    target_amount = 300


class ProgressNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressNote

    case = factory.SubFactory(CaseFactory)
    text = "We talked about the trip."
    written_by = factory.LazyAttribute(lambda n: n.case.signal.received_by)
    written_at = factory.LazyFunction(timezone.now)


class EvaluationMomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationMoment

    case = factory.SubFactory(CaseFactory)
    planned_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))
    created_by = factory.LazyAttribute(lambda e: e.case.signal.received_by)


class StepPictureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StepAttachment

    step = factory.SubFactory(StepFactory)
    kind = StepAttachment.Kind.IMAGE
    file = factory.django.FileField(filename="bus-stop.png", data=b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    description = "The bus stop in front of the house"
    added_by = factory.LazyAttribute(lambda a: a.step.created_by)


class CitizenFactory(UserFactory):
    """A portal account of a citizen, with their own file (person)."""

    role = Role.CITIZEN
    unit = None  # type: ignore[assignment]
    organisation = None  # type: ignore[assignment]
    first_name = "Jonas"
    email = factory.Sequence(lambda n: f"citizen{n}@example.org")
    person = factory.SubFactory(PersonFactory)


class RelativeFactory(CitizenFactory):
    """A portal account of a relative, with no file of their own."""

    first_name = "Rasa"
    person = None  # type: ignore[assignment]


class ProxyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proxy

    person = factory.SubFactory(PersonFactory)
    representative = factory.SubFactory(RelativeFactory)
    relation = "My sister"
    scope = Proxy.Scope.PROGRESS
    valid_from = factory.LazyFunction(timezone.localdate)
    granted_by = factory.LazyAttribute(lambda p: p.representative)
