"""Default retention rules for network meetings and the support register; docs/records-of-processing.md says why.

Copied here rather than imported, so this migration means the same thing in five years.
"""

from django.db import migrations

# record type, years (after the case closed; for support, after the day it was given), years after a signal, action, why
DEFAULTS = [
    (
        "meeting", 10, None, "erase",
        "Minutes, decisions and the names of family members who took part are part of the file: they go with it, "
        "ten years after the case closed, like progress notes. Steps agreed in a meeting keep the rule of steps.",
    ),
    (
        "support", 3, None, "erase",
        "A support register serves to share support fairly now: three years after the support was given covers a "
        "comparison with the year before and the institutions' yearly reports. Its encoding, matches and reviews "
        "go with it. Institutions that must keep money support longer for their accounts set their own period.",
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
    dependencies = [("privacy", "0005_more_record_types_meetings_support")]

    operations = [migrations.RunPython(create_defaults, remove_defaults)]
