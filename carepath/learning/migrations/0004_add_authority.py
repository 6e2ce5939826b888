import django.db.models.deletion
from django.db import migrations, models

from carepath.organisations.authority import backfill


def fill(apps, schema_editor):
    """Existing rows get their authority, parents first (docs/scaling.md, section 4)."""
    backfill(schema_editor, 'learning_focusgroup_cases', parent='cases_case', via='case_id')
    backfill(schema_editor, 'learning_focusgroup_goals', parent='goals_goal', via='goal_id')
    backfill(schema_editor, 'learning_focusgroup_steps', parent='plans_step', via='step_id')


class Migration(migrations.Migration):
    """Every row of case data carries its authority (docs/scaling.md, section 4, step 1).
    A focus group's link to a case, goal or step takes that case's, goal's or step's authority: a focus group may take in cases of several authorities.

    The column comes without its foreign-key constraint, which the next migration adds once the rows
    are filled (one check of the whole table instead of one per updated row); its index is built
    at the end of this migration, after the fill. Nothing is removed: backwards drops the column.
    """

    dependencies = [
        ('cases', '0004_add_authority'),
        ('goals', '0005_add_authority'),
        ('learning', '0003_links_through'),
        ('organisations', '0001_initial'),
        ('plans', '0003_add_authority'),
    ]

    operations = [
        migrations.AddField(
            model_name='focusgroupcase',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.AddField(
            model_name='focusgroupgoal',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.AddField(
            model_name='focusgroupstep',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
