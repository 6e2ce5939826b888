import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """`Goal.group_cases` gets an explicit through model on the table Django made for it: the same table, columns,
    indexes and unique pair, so only the migration state changes, not the database. Its rows can then
    carry an authority (the next migration)."""

    dependencies = [
        ('cases', '0003_case_newest_first_index'),
        ('goals', '0003_field_names_translatable'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='GoalGroupCase',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='goals.goal', verbose_name='goal')),
                        ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cases.case', verbose_name='case')),
                    ],
                    options={
                        'verbose_name': 'case a group goal is shared with',
                        'db_table': 'goals_goal_group_cases',
                        'unique_together': {('goal', 'case')},
                    },
                ),
                migrations.AlterField(
                    model_name='goal',
                    name='group_cases',
                    field=models.ManyToManyField(blank=True, help_text='A group goal is shared by several people; each sees it on their own case.', related_name='shared_goals', through='goals.GoalGroupCase', to='cases.case', verbose_name='shared with the cases of'),
                ),
            ],
            database_operations=[],
        ),
    ]
