import factory

from carepath.evaluations.models import GoalAttainment
from carepath.testing.factories import EvaluationMomentFactory, GoalFactory


class GoalAttainmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalAttainment

    evaluation = factory.SubFactory(EvaluationMomentFactory)
    goal = factory.SubFactory(GoalFactory, case=factory.SelfAttribute("..evaluation.case"))
    level = GoalAttainment.Level.FULLY
