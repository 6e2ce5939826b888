import django.db.models.deletion
from django.db import migrations, models

from carepath.organisations.authority import backfill


def fill(apps, schema_editor):
    """Existing rows get their authority, parents first (docs/scaling.md, section 4)."""
    backfill(schema_editor, 'agreements_agreementversion', parent='cases_case', via='case_id')
    backfill(schema_editor, 'agreements_agreementaction', parent='agreements_agreementversion', via='version_id')


class Migration(migrations.Migration):
    """Every row of case data carries its authority (docs/scaling.md, section 4, step 1).
    A version takes its case's authority, an action its version's.

    The column comes without its foreign-key constraint, which the next migration adds once the rows
    are filled (one check of the whole table instead of one per updated row); its index is built
    at the end of this migration, after the fill. Nothing is removed: backwards drops the column.
    """

    dependencies = [
        ('agreements', '0002_field_names_translatable'),
        ('cases', '0004_add_authority'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='agreementversion',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.AddField(
            model_name='agreementaction',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
