import django.db.models.deletion
from django.db import migrations, models

from carepath.organisations.authority import backfill


def fill(apps, schema_editor):
    """Existing rows get their authority, parents first (docs/scaling.md, section 4)."""
    backfill(schema_editor, 'cases_signal', parent='organisations_unit', via='unit_id', column='organisation_id')
    backfill(schema_editor, 'cases_case', parent='organisations_unit', via='unit_id', column='organisation_id')
    backfill(schema_editor, 'cases_caseteammember', parent='cases_case', via='case_id')
    backfill(schema_editor, 'cases_deadline', parent='cases_signal', via='signal_id')


class Migration(migrations.Migration):
    """Every row of case data carries its authority (docs/scaling.md, section 4, step 1).
    A signal and a case take their unit's organisation; a team member its case's, a deadline its signal's.

    The column comes without its foreign-key constraint, which the next migration adds once the rows
    are filled (one check of the whole table instead of one per updated row); its index is built
    at the end of this migration, after the fill. Nothing is removed: backwards drops the column.
    """

    dependencies = [
        ('cases', '0003_case_newest_first_index'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='signal',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.AddField(
            model_name='case',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.AddField(
            model_name='caseteammember',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.AddField(
            model_name='deadline',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
