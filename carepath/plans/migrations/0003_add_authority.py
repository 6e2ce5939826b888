import django.db.models.deletion
from django.db import migrations, models

from carepath.organisations.authority import backfill


def fill(apps, schema_editor):
    """Existing rows get their authority, parents first (docs/scaling.md, section 4)."""
    backfill(schema_editor, 'plans_step', parent='goals_goal', via='goal_id')
    backfill(schema_editor, 'plans_stepattachment', parent='plans_step', via='step_id')
    backfill(schema_editor, 'plans_savingsplan', parent='goals_goal', via='goal_id')
    backfill(schema_editor, 'plans_savingsdeposit', parent='plans_savingsplan', via='savings_plan_id')


class Migration(migrations.Migration):
    """Every row of case data carries its authority (docs/scaling.md, section 4, step 1).
    A step and a savings plan take their goal's authority, an attachment its step's, a deposit its plan's.

    The column comes without its foreign-key constraint, which the next migration adds once the rows
    are filled (one check of the whole table instead of one per updated row); its index is built
    at the end of this migration, after the fill. Nothing is removed: backwards drops the column.
    """

    dependencies = [
        ('goals', '0005_add_authority'),
        ('organisations', '0001_initial'),
        ('plans', '0002_field_names_translatable'),
    ]

    operations = [
        migrations.AddField(
            model_name='step',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.AddField(
            model_name='stepattachment',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.AddField(
            model_name='savingsplan',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.AddField(
            model_name='savingsdeposit',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
