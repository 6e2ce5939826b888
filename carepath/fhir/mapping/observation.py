"""Assessment -> one Observation per dimension of functional ability (id: assessment number and dimension)."""

from fhir.resources.R4B.observation import Observation

from carepath.assessments.models import Assessment
from carepath.core.choices import FunctionalLevel
from carepath.fhir.mapping import codes
from carepath.fhir.mapping.base import compact, concept, date, patient_ref, staff

# FHIR code -> (level field, description field, display), in the assessment form's order.
DIMENSIONS = {
    "physical": ("physical_level", "physical_description", "Physical and practical"),
    "communication": ("communication_level", "communication_description", "Communication"),
    "social": ("social_level", "social_description", "Social behaviour"),
}


def observation_id(assessment_id: int, dimension: str) -> str:
    return f"{assessment_id}-{dimension}"


def observations(assessment: Assessment, *, person_id: int) -> list[Observation]:
    """The three dimensions; strengths and resources are not mapped."""
    return [observation(assessment, dimension, person_id=person_id) for dimension in DIMENSIONS]


def observation(assessment: Assessment, dimension: str, *, person_id: int) -> Observation:
    level_field, description_field, name = DIMENSIONS[dimension]
    level = getattr(assessment, level_field)
    description = getattr(assessment, description_field)
    return Observation.model_validate(
        compact(
            {
                "resourceType": "Observation",
                "id": observation_id(assessment.pk, dimension),
                "status": "final",
                "category": [concept(codes.OBSERVATION_CATEGORY, "survey", "Survey")],
                "code": concept(codes.FUNCTIONAL_DIMENSION, dimension, name),
                "subject": patient_ref(person_id),
                "effectiveDateTime": date(assessment.assessed_on),
                "performer": [staff(assessment.assessed_by)],
                "valueCodeableConcept": concept(codes.FUNCTIONAL_LEVEL, str(level), FunctionalLevel(level).label),
                "note": [{"text": description}] if description else [],
            }
        )
    )
