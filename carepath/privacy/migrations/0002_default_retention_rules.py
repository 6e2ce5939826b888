"""The default retention rules; docs/records-of-processing.md says why each period was chosen.

Copied here rather than imported, so this migration means the same thing in five years.
"""

from django.db import migrations

TEN_YEARS = "Social-service files are kept ten years after the case closes, as public-sector archive rules commonly require; check your national rules."
STATISTICS = " Levels, statuses and dates stay for outcome statistics."
SIGNAL = " A signal that led to no case: two years, so a repeated signal is recognised."

# record type, years after the case closed, years after a signal closed without a case, action, why
DEFAULTS = [
    ("person", 10, 2, "anonymise", TEN_YEARS + SIGNAL + " The audit log refers to the person, so the row stays, blanked."),
    ("household", 10, 2, "anonymise", TEN_YEARS + SIGNAL),
    ("signal", 10, 2, "anonymise", TEN_YEARS + SIGNAL),
    ("case", 10, None, "anonymise", TEN_YEARS + " The audit log refers to the case." + STATISTICS),
    ("consent", 10, None, "erase", TEN_YEARS + " The consent proves the lawful basis as long as the file exists."),
    ("assessment", 10, None, "anonymise", TEN_YEARS + STATISTICS),
    ("goal", 10, None, "anonymise", TEN_YEARS + STATISTICS),
    ("step", 10, None, "anonymise", TEN_YEARS + STATISTICS),
    ("attachment", 1, None, "erase", "Pictures and videos of the person help while the plan runs; a year after, they are not needed."),
    ("savings", 5, None, "erase", "Money records: five years, as bookkeeping rules commonly require."),
    ("agreement", 10, None, "anonymise", TEN_YEARS),
    ("referral", 10, None, "anonymise", TEN_YEARS + STATISTICS),
    ("note", 10, None, "erase", TEN_YEARS),
    ("evaluation", 10, None, "anonymise", TEN_YEARS + STATISTICS),
    ("wish", 2, None, "erase", "A wish is taken up as a goal, which keeps what matters; the wish itself is not needed long."),
    ("proxy", 1, 1, "erase", "A proxy only matters while the file is followed; a year after the last case, it goes."),
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
    dependencies = [("privacy", "0001_retention_rule")]

    operations = [migrations.RunPython(create_defaults, remove_defaults)]
