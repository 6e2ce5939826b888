from django.db import migrations, models


class Migration(migrations.Migration):
    """A unit's cases by status, newest first (issue 6): a team leader's caseload reads its page from
    this index instead of walking every unit's newest cases. It serves the old (unit, status)
    lookups too, which is why that index goes, after the new one is built. No data changes."""

    dependencies = [
        ('cases', '0005_authority_required'),
        ('organisations', '0001_initial'),
        ('people', '0004_person_search_indexes'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['unit', 'status', '-opened_at', '-id'], name='cases_case_unit_newest_first'),
        ),
        migrations.RemoveIndex(
            model_name='case',
            name='cases_case_unit_id_93ea2e_idx',
        ),
    ]
