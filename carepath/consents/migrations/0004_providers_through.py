import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """`Consent.providers` gets an explicit through model on the table Django made for it: the same table, columns,
    indexes and unique pair, so only the migration state changes, not the database. Its rows can then
    carry an authority (the next migration)."""

    dependencies = [
        ('consents', '0003_field_names_translatable'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ConsentProvider',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('consent', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='consents.consent', verbose_name='consent')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisations.organisation', verbose_name='provider')),
                    ],
                    options={
                        'verbose_name': 'provider a consent covers',
                        'db_table': 'consents_consent_providers',
                        'unique_together': {('consent', 'organisation')},
                    },
                ),
                migrations.AlterField(
                    model_name='consent',
                    name='providers',
                    field=models.ManyToManyField(blank=True, help_text='For sharing with providers: leave empty to cover every provider the case is referred to.', related_name='+', through='consents.ConsentProvider', through_fields=('consent', 'organisation'), to='organisations.organisation', verbose_name='providers this consent covers'),
                ),
            ],
            database_operations=[],
        ),
    ]
