"""Evaluation moment -> QuestionnaireResponse: attainment per goal, quality of life, satisfaction,
the citizen's view and their words.

The items follow Carepath's evaluation questionnaire (codes.EVALUATION_QUESTIONNAIRE); docs/fhir.md lists the linkIds.
"""

from typing import Any

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from carepath.evaluations.models import EvaluationMoment, GoalAttainment, QualityOfLifeRating
from carepath.fhir.mapping import codes
from carepath.fhir.mapping.base import coding, compact, date, patient_ref, ref, staff

Item = dict[str, Any]


def questionnaire_response(
    moment: EvaluationMoment,
    *,
    person_id: int,
    attainments: list[GoalAttainment],
    quality_of_life: list[QualityOfLifeRating],
) -> QuestionnaireResponse:
    """Completed once the moment is held; before that only the planned day is answered."""
    items: list[Item] = [_answer("planned-on", "Planned for", {"valueDate": date(moment.planned_on)})]
    items += [_attainment(attainment) for attainment in attainments]
    items += [_quality_of_life(rating) for rating in quality_of_life]
    for link_id, text, value in (
        ("satisfaction", "Satisfaction with the service", moment.satisfaction),
        ("citizen-view", "How the citizen feels about it", moment.citizen_view),
    ):
        if value is not None:
            scale = EvaluationMoment.Scale(value)
            items.append(_answer(link_id, text, {"valueCoding": coding(codes.FACES_SCALE, str(value), scale.label)}))
    if moment.citizen_view is not None:
        items.append(
            _answer("citizen-view-in-portal", "Given in the portal", {"valueBoolean": moment.citizen_view_in_portal})
        )
    if moment.citizen_words:
        items.append(_answer("citizen-words", "What the citizen says", {"valueString": moment.citizen_words}))
    return QuestionnaireResponse.model_validate(
        compact(
            {
                "resourceType": "QuestionnaireResponse",
                "id": str(moment.pk),
                "questionnaire": codes.EVALUATION_QUESTIONNAIRE,
                "status": "completed" if moment.held_on else "in-progress",
                "subject": patient_ref(person_id),
                "authored": date(moment.held_on),
                "author": staff(moment.created_by),
                "item": items,
            }
        )
    )


def _answer(link_id: str, text: str, value: dict[str, Any]) -> Item:
    return {"linkId": link_id, "text": text, "answer": [value]}


def _attainment(attainment: GoalAttainment) -> Item:
    level = GoalAttainment.Level(attainment.level)
    parts = [
        _answer("goal-attainment.goal", "Goal", {"valueReference": ref("Goal", attainment.goal_id)}),
        _answer(
            "goal-attainment.level",
            "Attainment",
            {"valueCoding": coding(codes.ATTAINMENT_LEVEL, level.value, level.label)},
        ),
    ]
    if attainment.gas_score is not None:
        parts.append(_answer("goal-attainment.gas", "Goal Attainment Scale", {"valueInteger": attainment.gas_score}))
    if attainment.comment:
        parts.append(_answer("goal-attainment.comment", "Comment", {"valueString": attainment.comment}))
    return {"linkId": "goal-attainment", "text": "Goal attainment", "item": parts}


def _quality_of_life(rating: QualityOfLifeRating) -> Item:
    domain = coding(codes.LIFE_DOMAIN, rating.domain, rating.get_domain_display())
    return {
        "linkId": "quality-of-life",
        "text": "Quality of life",
        "item": [
            _answer("quality-of-life.domain", "Life domain", {"valueCoding": domain}),
            _answer("quality-of-life.score", "Rating (1 very bad to 5 very good)", {"valueInteger": rating.score}),
        ],
    }
