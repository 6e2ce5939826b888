"""Default retention rules for the records the outcomes work added; docs/records-of-processing.md says why.

Copied here rather than imported, so this migration means the same thing in five years.
"""

from django.db import migrations

# record type, years after the case closed, years after a signal closed without a case, action, why
DEFAULTS = [
    (
        "quality_of_life", 10, None, "erase",
        "Ratings of how a person's life goes are about their health and wellbeing: they go with the file, ten years "
        "after the case closed. Outcome reports of periods that old then no longer show a quality-of-life change.",
    ),
    (
        "focus_group", 5, None, "anonymise",
        "Five years after the session, once no participant's case is kept: the findings have fed five years of "
        "outcome reports; the free text, which may name people, is blanked. Date, unit and service stay.",
    ),
    (
        "focus_group_material", 1, None, "erase",
        "Photos and videos show the people who took part: a year after the session, once no participant's case "
        "is kept, they go, like the pictures of a plan.",
    ),
]


def create_defaults(apps, schema_editor):
    RetentionRule = apps.get_model("privacy", "RetentionRule")
    for record_type, after_case, after_signal, action, why in DEFAULTS:
        RetentionRule.objects.get_or_create(
            record_type=record_type,
            defaults={"years_after_case": after_case, "years_after_signal": after_signal, "action": action, "why": why},
        )


def remove_defaults(apps, schema_editor):
    RetentionRule = apps.get_model("privacy", "RetentionRule")
    RetentionRule.objects.filter(record_type__in=[d[0] for d in DEFAULTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("privacy", "0003_more_record_types")]

    operations = [migrations.RunPython(create_defaults, remove_defaults)]
