import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """`Referral.goals` gets an explicit through model on the table Django made for it: the same table, columns,
    indexes and unique pair, so only the migration state changes, not the database. Its rows can then
    carry an authority (the next migration)."""

    dependencies = [
        ('goals', '0003_field_names_translatable'),
        ('referrals', '0003_field_names_translatable'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReferralGoal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('referral', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='referrals.referral', verbose_name='referral')),
                        ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='goals.goal', verbose_name='goal')),
                    ],
                    options={
                        'verbose_name': 'goal of a referral',
                        'db_table': 'referrals_referral_goals',
                        'unique_together': {('referral', 'goal')},
                    },
                ),
                migrations.AlterField(
                    model_name='referral',
                    name='goals',
                    field=models.ManyToManyField(related_name='referrals', through='referrals.ReferralGoal', to='goals.goal', verbose_name='goals this service works on'),
                ),
            ],
            database_operations=[],
        ),
    ]
