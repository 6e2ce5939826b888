"""The default retention rule for changes made offline; docs/records-of-processing.md says why.

Copied here rather than imported, so this migration means the same thing in five years.
"""

from django.db import migrations

WHY = (
    "A change made on a home visit is kept as it arrived, so that nothing written there is lost and a "
    "conflict can be looked at again: it goes with the file, ten years after the case closed, like progress "
    "notes. What it changed (a note, a step, a photo) keeps its own rule."
)


def create_default(apps, schema_editor):
    RetentionRule = apps.get_model("privacy", "RetentionRule")
    RetentionRule.objects.get_or_create(
        record_type="offline_write",
        defaults={"years_after_case": 10, "years_after_signal": None, "action": "erase", "why": WHY},
    )


def remove_default(apps, schema_editor):
    apps.get_model("privacy", "RetentionRule").objects.filter(record_type="offline_write").delete()


class Migration(migrations.Migration):
    dependencies = [("privacy", "0007_offline_write_type")]

    operations = [migrations.RunPython(create_default, remove_default)]
