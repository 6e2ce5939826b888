"""Practices for tests: complete ESN forms that pass every validator."""

import factory

from carepath.practices.choices import Status, Theme
from carepath.practices.models import Practice, PracticePrinciple, PracticeTheme
from carepath.testing import factories as f


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Practice {n}")
    organisations = "Vilnius City Municipality"
    owner = factory.SubFactory(f.AuthorityFactory)
    country = "LT"
    contact = "policy@esn-eu.org"
    status = Status.ESTABLISHED
    summary = "People with intellectual disabilities realise their dreams. They plan it with a staff member."
    context = "Negative attitudes lead to discrimination and low self-esteem."
    objective_1 = "Address social exclusion through person-centred support."
    activities = "Service users propose their wishes and dreams; a plan is drawn up with them."
    outcomes = "Of 44 goals, 28 were fully achieved."
    evaluation = "Focus groups after each activity."
    language = "en"
    created_by = factory.SubFactory(f.UserFactory)

    @factory.post_generation
    def themes(obj: Practice, create: bool, extracted: list[str] | None, **kwargs: object) -> None:  # noqa: N805
        for theme in extracted if extracted is not None else [Theme.DISABILITY]:
            PracticeTheme.objects.create(practice=obj, theme=theme)

    @factory.post_generation
    def principles(obj: Practice, create: bool, extracted: list[int] | None, **kwargs: object) -> None:  # noqa: N805
        for principle in extracted if extracted is not None else [17]:
            PracticePrinciple.objects.create(practice=obj, principle=principle)
