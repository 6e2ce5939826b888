import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.evaluations.models import GoalAttainment
from carepath.evaluations.tests.factories import GoalAttainmentFactory
from carepath.goals.models import Goal
from carepath.organisations.authority import add_links
from carepath.testing.factories import CaseFactory, EvaluationMomentFactory, GoalFactory
from carepath.testing.roles import provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def _url(evaluation):
    return reverse("evaluations:evaluation_record", args=[evaluation.pk])


def _checked(body, name):
    """The value of the checked radio button called `name`, or None."""
    for tag in re.findall(r"<input [^>]*>", body):
        if f'name="{name}"' in tag and " checked" in tag:
            return re.search(r'value="([^"]*)"', tag).group(1)
    return None


def _setting():
    """A planned moment on a case with an own goal and a shared group goal."""
    evaluation = EvaluationMomentFactory()
    own = GoalFactory(case=evaluation.case, title="Travel to Riga by bus")
    group = GoalFactory(case=CaseFactory(), title="Visit the cinema together", is_group_goal=True)
    add_links(group.group_cases, evaluation.case)
    return evaluation, own, group


def _answers(own, group, **extra):
    data = {
        "held_on": timezone.localdate().isoformat(),
        f"goal_{own.pk}_level": "fully",
        f"goal_{own.pk}_comment": "He bought the tickets himself.",
        f"goal_{group.pk}_level": "partially",
        f"goal_{group.pk}_comment": "",
        "citizen_words": "I was brave on the bus.",
    }
    data.update(extra)
    return data


def test_form_shows_one_radio_group_per_goal_with_the_hint(client):
    evaluation, own, group = _setting()
    client.force_login(evaluation.created_by)
    response = client.get(_url(evaluation))
    assert response.status_code == 200
    body = response.content.decode()
    # per goal: attainment and GAS; then quality of life, satisfaction and the citizen's view
    assert body.count('class="govuk-fieldset"') == 2 * 2 + 3
    for goal in (own, group):
        for level in GoalAttainment.Level.values:
            assert f'name="goal_{goal.pk}_level" value="{level}"' in body
        for score in range(-2, 3):
            assert f'name="goal_{goal.pk}_gas" value="{score}"' in body
    assert "Visit the cinema together (group goal)" in body
    assert "Write what they said, in their words." in body
    assert body.index("Travel to Riga") < body.index("What the citizen says")


def test_stopped_goals_are_not_asked_but_achieved_ones_are(client):
    evaluation, own, group = _setting()
    stopped = GoalFactory(case=evaluation.case, title="Learn to swim", status=Goal.Status.STOPPED)
    achieved = GoalFactory(case=evaluation.case, title="Join a sports club", status=Goal.Status.ACHIEVED)
    client.force_login(evaluation.created_by)
    body = client.get(_url(evaluation)).content.decode()
    assert f"goal_{stopped.pk}_level" not in body
    assert f"goal_{achieved.pk}_level" in body


def test_recording_saves_everything_and_returns_to_the_case(client):
    evaluation, own, group = _setting()
    client.force_login(evaluation.created_by)
    response = client.post(_url(evaluation), _answers(own, group), follow=True)
    assert response.redirect_chain[-1][0] == evaluation.case.get_absolute_url() + "#evaluations"
    evaluation.refresh_from_db()
    assert evaluation.held_on == timezone.localdate()
    assert evaluation.citizen_words == "I was brave on the bus."
    assert {(a.goal_id, a.level) for a in evaluation.attainments.all()} == {
        (own.pk, "fully"),
        (group.pk, "partially"),
    }
    body = response.content.decode()
    assert "The evaluation is recorded." in body
    assert "2 goals: 1 fully, 1 partially" in body
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, object_id=evaluation.pk).exists()


def test_recording_twice_updates_without_duplicates_and_the_form_shows_the_last_answers(client):
    evaluation, own, group = _setting()
    client.force_login(evaluation.created_by)
    client.post(_url(evaluation), _answers(own, group))
    client.post(_url(evaluation), _answers(own, group, **{f"goal_{group.pk}_level": "not"}))
    assert GoalAttainment.objects.count() == 2
    assert GoalAttainment.objects.get(goal=group).level == "not"
    body = client.get(_url(evaluation)).content.decode()
    assert _checked(body, f"goal_{group.pk}_level") == "not"
    assert _checked(body, f"goal_{own.pk}_level") == "fully"
    assert "I was brave on the bus." in body


def test_a_goal_without_an_answer_is_named_in_the_error_and_nothing_is_saved(client):
    evaluation, own, group = _setting()
    client.force_login(evaluation.created_by)
    data = _answers(own, group)
    del data[f"goal_{group.pk}_level"]
    response = client.post(_url(evaluation), data)
    assert response.status_code == 400
    body = response.content.decode()
    message = "Say how far “Visit the cinema together” was achieved."
    assert body.count(message) == 2  # beside the radios and in the summary
    assert f'id="goal_{group.pk}_level-error"' in body
    assert "He bought the tickets himself." in body
    assert "I was brave on the bus." in body
    assert _checked(body, f"goal_{own.pk}_level") == "fully"
    evaluation.refresh_from_db()
    assert evaluation.held_on is None
    assert not GoalAttainment.objects.exists()


def test_held_date_in_the_future_is_refused(client):
    evaluation, own, group = _setting()
    client.force_login(evaluation.created_by)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(_url(evaluation), _answers(own, group, held_on=tomorrow))
    assert response.status_code == 400
    assert response.content.decode().count("The date it was held cannot be in the future.") == 2
    assert not GoalAttainment.objects.exists()


def test_a_case_without_goals_can_still_record_the_citizens_words(client):
    evaluation = EvaluationMomentFactory()
    client.force_login(evaluation.created_by)
    assert "This case has no goals to evaluate yet." in client.get(_url(evaluation)).content.decode()
    data = {"held_on": timezone.localdate().isoformat(), "citizen_words": "All good."}
    assert client.post(_url(evaluation), data).status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.citizen_words == "All good."


def test_a_stopped_goal_already_rated_keeps_its_answer_when_recording_again(client):
    attainment = GoalAttainmentFactory(level="partially")
    evaluation, goal = attainment.evaluation, attainment.goal
    evaluation.held_on = timezone.localdate()
    evaluation.save()
    Goal.objects.filter(pk=goal.pk).update(status=Goal.Status.STOPPED)
    client.force_login(evaluation.created_by)
    body = client.get(_url(evaluation)).content.decode()
    assert f"goal_{goal.pk}_level" in body


def test_unit_leader_may_record(client):
    evaluation, own, group = _setting()
    client.force_login(team_leader_of(evaluation.case))
    assert client.post(_url(evaluation), _answers(own, group)).status_code == 302


def test_provider_staff_may_not_record(client):
    evaluation, own, group = _setting()
    client.force_login(provider_staff_on(evaluation.case))
    assert client.get(_url(evaluation)).status_code == 403
    assert client.post(_url(evaluation), _answers(own, group)).status_code == 403
    assert not GoalAttainment.objects.exists()


def test_stranger_gets_404(client):
    evaluation, own, group = _setting()
    client.force_login(stranger())
    assert client.get(_url(evaluation)).status_code == 404
    assert client.post(_url(evaluation), _answers(own, group)).status_code == 404


def test_unknown_moment_gets_404(client):
    client.force_login(stranger())
    assert client.get(reverse("evaluations:evaluation_record", args=[999999])).status_code == 404


def _rate(evaluation, held_days_ago, **scores):
    from carepath.evaluations.models import QualityOfLifeRating

    evaluation.held_on = timezone.localdate() - datetime.timedelta(days=held_days_ago)
    evaluation.save()
    for domain, score in scores.items():
        QualityOfLifeRating.objects.create(evaluation=evaluation, domain=domain, score=score)


def _selected(body, name):
    """The value of the selected option of the select called `name`, or None."""
    select = re.search(rf'<select name="{name}".*?</select>', body, re.S).group(0)
    found = re.search(r'<option value="([^"]*)" selected>', select)
    return found.group(1) if found else None


def test_recording_stores_gas_quality_of_life_satisfaction_and_the_citizens_view(client):
    evaluation, own, group = _setting()
    client.force_login(evaluation.created_by)
    data = _answers(
        own,
        group,
        **{
            f"goal_{own.pk}_gas": "1",
            "quality_of_life_housing": "4",
            "quality_of_life_work": "",
            "satisfaction": "5",
            "citizen_view": "4",
        },
    )
    assert client.post(_url(evaluation), data).status_code == 302
    evaluation.refresh_from_db()
    assert (evaluation.satisfaction, evaluation.citizen_view, evaluation.citizen_view_in_portal) == (5, 4, False)
    assert {a.goal_id: a.gas_score for a in evaluation.attainments.all()} == {own.pk: 1, group.pk: None}
    assert dict(evaluation.quality_of_life.values_list("domain", "score")) == {"housing": 4}


def test_quality_of_life_is_prefilled_from_the_previous_moment(client):
    case = CaseFactory()
    _rate(EvaluationMomentFactory(case=case), 100, housing=2, health=3)
    _rate(EvaluationMomentFactory(case=case), 50, housing=3, leisure=4)
    planned = EvaluationMomentFactory(case=case)
    client.force_login(planned.created_by)
    body = client.get(_url(planned)).content.decode()
    assert _selected(body, "quality_of_life_housing") == "3"
    assert _selected(body, "quality_of_life_leisure") == "4"
    assert _selected(body, "quality_of_life_health") == ""  # "Not rated": not rated at the latest moment
    assert "Filled in from the last evaluation" in body


def test_a_gas_score_outside_the_scale_is_refused_and_the_other_answers_kept(client):
    evaluation, own, group = _setting()
    client.force_login(evaluation.created_by)
    data = _answers(own, group, **{f"goal_{own.pk}_gas": "3", "quality_of_life_health": "2", "citizen_view": "2"})
    response = client.post(_url(evaluation), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert _selected(body, "quality_of_life_health") == "2"
    assert _checked(body, "citizen_view") == "2"
    assert not GoalAttainment.objects.exists()


def test_faces_are_pictures_inside_the_labels_beside_their_words(client):
    evaluation, own, group = _setting()
    client.force_login(evaluation.created_by)
    body = client.get(_url(evaluation)).content.decode()
    for value in range(1, 6):
        assert f'src="/static/evaluations/faces/face-{value}.svg" alt=""' in body
    label = re.search(r'<label [^>]*for="id_citizen_view_3">(.*?)</label>', body, re.S).group(1)
    assert "<img" in label and "Happy" in label


def test_the_form_says_when_the_citizen_gave_their_view_in_the_portal(client):
    evaluation, own, group = _setting()
    evaluation.citizen_view, evaluation.citizen_view_in_portal = 2, True
    evaluation.save()
    client.force_login(evaluation.created_by)
    body = client.get(_url(evaluation)).content.decode()
    assert "The citizen gave their own view in the portal" in body
    assert _checked(body, "citizen_view") == "2"
