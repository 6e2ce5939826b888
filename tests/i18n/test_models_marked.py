"""Field names, help texts and choices of Carepath's models reach the user in forms, tables and
exports: each is marked for translation (a lazy string), not plain English."""

from django.apps import apps
from django.utils.functional import Promise


def _carepath_fields():
    for model in apps.get_models():
        if model.__module__.startswith("carepath."):
            for field in model._meta.get_fields(include_hidden=False):
                if field.auto_created:
                    continue  # the id, or a reverse relation (named by the other side)
                yield model, field


def test_every_verbose_name_help_text_and_choice_is_translatable():
    plain = []
    for model, field in _carepath_fields():
        where = f"{model._meta.label}.{field.name}"
        name = getattr(field, "verbose_name", "")
        # An unnamed field gets an English name made from its own ("created at"): that counts as plain too.
        if name and not isinstance(name, Promise):
            plain.append(f"{where} verbose_name {name!r}")
        help_text = getattr(field, "help_text", "")
        if help_text and not isinstance(help_text, Promise):
            plain.append(f"{where} help_text {help_text!r}")
        for _value, label in getattr(field, "flatchoices", None) or []:
            if label and not isinstance(label, Promise):
                plain.append(f"{where} choice {label!r}")
    assert plain == []


def test_every_model_name_is_translatable():
    plain = [
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("carepath.")
        and not isinstance(model._meta.verbose_name, Promise)
        and model._meta.verbose_name != model._meta.model_name
    ]
    assert plain == []
