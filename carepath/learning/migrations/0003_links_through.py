import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Each of `FocusGroup.cases`, `.goals` and `.steps` gets an explicit through model on the table Django made for it: the same table, columns,
    indexes and unique pair, so only the migration state changes, not the database. Its rows can then
    carry an authority (the next migration)."""

    dependencies = [
        ('cases', '0003_case_newest_first_index'),
        ('goals', '0003_field_names_translatable'),
        ('learning', '0002_field_names_translatable'),
        ('plans', '0002_field_names_translatable'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='FocusGroupCase',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('focusgroup', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='learning.focusgroup', verbose_name='focus group')),
                        ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cases.case', verbose_name='case')),
                    ],
                    options={
                        'verbose_name': 'case in a focus group',
                        'db_table': 'learning_focusgroup_cases',
                        'unique_together': {('focusgroup', 'case')},
                    },
                ),
                migrations.AlterField(
                    model_name='focusgroup',
                    name='cases',
                    field=models.ManyToManyField(blank=True, help_text='The people taking part, through their cases', related_name='focus_groups', through='learning.FocusGroupCase', to='cases.case', verbose_name='service users who took part'),
                ),
                migrations.CreateModel(
                    name='FocusGroupGoal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('focusgroup', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='learning.focusgroup', verbose_name='focus group')),
                        ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='goals.goal', verbose_name='goal')),
                    ],
                    options={
                        'verbose_name': 'goal discussed in a focus group',
                        'db_table': 'learning_focusgroup_goals',
                        'unique_together': {('focusgroup', 'goal')},
                    },
                ),
                migrations.AlterField(
                    model_name='focusgroup',
                    name='goals',
                    field=models.ManyToManyField(blank=True, related_name='+', through='learning.FocusGroupGoal', to='goals.goal', verbose_name='goals discussed'),
                ),
                migrations.CreateModel(
                    name='FocusGroupStep',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('focusgroup', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='learning.focusgroup', verbose_name='focus group')),
                        ('step', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='plans.step', verbose_name='step')),
                    ],
                    options={
                        'verbose_name': 'step discussed in a focus group',
                        'db_table': 'learning_focusgroup_steps',
                        'unique_together': {('focusgroup', 'step')},
                    },
                ),
                migrations.AlterField(
                    model_name='focusgroup',
                    name='steps',
                    field=models.ManyToManyField(blank=True, related_name='+', through='learning.FocusGroupStep', to='plans.step', verbose_name='activities (steps) discussed'),
                ),
            ],
            database_operations=[],
        ),
    ]
