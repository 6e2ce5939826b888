import django.db.models.deletion
from django.db import migrations, models

from carepath.organisations.authority import backfill


def fill(apps, schema_editor):
    """Existing rows get their authority, parents first (docs/scaling.md, section 4)."""
    backfill(schema_editor, 'imports_importedcase', parent='cases_case', via='case_id')


class Migration(migrations.Migration):
    """Every row of case data carries its authority (docs/scaling.md, section 4, step 1).
    An imported case's reference takes the case's authority.

    The column comes without its foreign-key constraint, which the next migration adds once the rows
    are filled (one check of the whole table instead of one per updated row); its index is built
    at the end of this migration, after the fill. Nothing is removed: backwards drops the column.
    """

    dependencies = [
        ('cases', '0004_add_authority'),
        ('imports', '0001_imported_case'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='importedcase',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
