"""A case with a record of every kind the FHIR server maps, and a client that sends a token."""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.careteam import CareTeam
from fhir.resources.R4B.consent import Consent as FhirConsent
from fhir.resources.R4B.goal import Goal as FhirGoal
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.resource import Resource
from fhir.resources.R4B.servicerequest import ServiceRequest

from carepath.accounts.models import User
from carepath.api.services import create_token
from carepath.assessments.models import Assessment
from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.core.choices import LifeDomain
from carepath.evaluations.models import EvaluationMoment, GoalAttainment, QualityOfLifeRating
from carepath.goals.models import Goal
from carepath.organisations.authority import add_links
from carepath.plans.models import Step
from carepath.referrals.models import Referral
from carepath.testing import factories as f
from carepath.testing.files import PDF

MODELS: dict[str, type[Resource]] = {
    "Patient": Patient,
    "CarePlan": CarePlan,
    "CareTeam": CareTeam,
    "Goal": FhirGoal,
    "Consent": FhirConsent,
    "ServiceRequest": ServiceRequest,
    "Observation": Observation,
    "QuestionnaireResponse": QuestionnaireResponse,
}


@dataclass
class FhirCase:
    case: Case
    goal: Goal
    achieved_goal: Goal
    consent: Consent
    paper_consent: Consent
    withdrawn_consent: Consent
    referral: Referral
    assessment: Assessment
    evaluation: EvaluationMoment

    def id_of(self, resource_type: str) -> str:
        """The FHIR id of this case's resource of `resource_type`."""
        return {
            "Patient": str(self.case.person_id),
            "CarePlan": str(self.case.pk),
            "CareTeam": str(self.case.pk),
            "Goal": str(self.goal.pk),
            "Consent": str(self.consent.pk),
            "ServiceRequest": str(self.referral.pk),
            "Observation": f"{self.assessment.pk}-communication",
            "QuestionnaireResponse": str(self.evaluation.pk),
        }[resource_type]


def fhir_case() -> FhirCase:
    """An open case with two goals and their steps, three consents (in person, on paper with its scan
    and naming a provider, withdrawn), a referral, an assessment and a held evaluation moment."""
    today = timezone.localdate()
    case = f.CaseFactory.create(
        signal__person__address="Laisvės al. 1, Kaunas",
        signal__person__phone="+370 600 00000",
        signal__person__email="jonas@example.org",
        signal__person__preferred_language="lt",
    )
    goal = f.GoalFactory.create(case=case)
    achieved = f.GoalFactory.create(
        case=case,
        title="Work two mornings a week at the bakery",
        citizen_words="I want a real job, with colleagues.",
        indicator="Mornings worked",
        target="Two a week",
        life_domain=LifeDomain.WORK,
        proposed_by=Goal.ProposedBy.STAFF,
        status=Goal.Status.ACHIEVED,
    )
    f.StepFactory.create(goal=goal, what="Get a passport", due_on=today + datetime.timedelta(days=10))
    f.StepFactory.create(goal=goal, what="Buy the ticket", status=Step.Status.IN_PROGRESS)
    f.StepFactory.create(goal=achieved, what="Visit the bakery", status=Step.Status.DONE)
    f.StepFactory.create(goal=achieved, what="Ask for an internship", status=Step.Status.DROPPED)
    f.ConsentFactory.create(case=case)  # the case worker's own consent first: `consent` below is the one read
    consent = f.ConsentFactory.create(case=case, scope_details="Only the school and the centre.")
    provider = f.ProviderFactory.create(name="Kaunas Day Centre")
    referral = f.ReferralFactory.create(
        case=case, service=f.ServiceFactory.create(provider=provider), message="Two mornings."
    )
    add_links(referral.goals, goal)
    paper = f.ConsentFactory.create(case=case, scope=Consent.Scope.SHARE_PROVIDERS, method=Consent.Method.PAPER)
    paper.document.save("scan.pdf", ContentFile(PDF))
    add_links(paper.providers, provider)
    withdrawn = f.ConsentFactory.create(
        case=case,
        scope=Consent.Scope.SHARE_NETWORK,
        given_on=today - datetime.timedelta(days=30),
        withdrawn_on=today - datetime.timedelta(days=2),
        withdrawal_reason="She changed her mind.",
    )
    assessment = f.AssessmentFactory.create(case=case, communication_description="Understands short sentences.")
    evaluation = f.EvaluationMomentFactory.create(
        case=case, held_on=today, citizen_words="The bus is fine now.", satisfaction=4, citizen_view=5
    )
    GoalAttainment.objects.create(evaluation=evaluation, goal=goal, level="partially", gas_score=0, comment="Close.")
    QualityOfLifeRating.objects.create(evaluation=evaluation, domain=LifeDomain.LEISURE, score=4)
    return FhirCase(case, goal, achieved, consent, paper, withdrawn, referral, assessment, evaluation)


def token_client(user: User) -> Client:
    """A client that authenticates as the API does: a Bearer token, no session."""
    return Client(HTTP_AUTHORIZATION=f"Bearer {create_token(user=user, name='FHIR test')}")


def case_worker_of(world: FhirCase) -> User:
    return world.case.signal.received_by
