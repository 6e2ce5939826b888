# Pilots of service user involvement along SEMPRE's five steps (seed 001).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('organisations', '0002_organisation_shares_practice_outcomes'),
        ('practices', '0001_practice_library'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Pilot',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('title', models.CharField(max_length=200, verbose_name='title of the pilot')),
                ('step', models.CharField(choices=[('explore', 'Explore empowerment'), ('kick_start', 'Kick-start the idea'), ('identify', 'Identify a pilot'), ('assess', 'Assess the outcomes'), ('keep_momentum', 'Keep the momentum')], default='explore', max_length=20, verbose_name='step of the roadmap')),
                ('started_on', models.DateField(blank=True, null=True, verbose_name='started on')),
                ('stakeholders', models.TextField(blank=True, help_text='Who takes part: service users, staff, partners.', verbose_name='stakeholders')),
                ('objectives', models.TextField(help_text='One objective a line.', verbose_name='objectives')),
                ('success_factors', models.TextField(blank=True, help_text='What shows that the pilot works.', verbose_name='success factors')),
                ('scenarios', models.TextField(blank=True, help_text='How you test the feasibility of user involvement with scenarios.', verbose_name='scenarios')),
                ('decisions', models.TextField(blank=True, help_text='The decisions taken before starting and along the way.', verbose_name='decisions')),
                ('keep_momentum', models.TextField(blank=True, help_text='How you spread the word, meet the concerns new ideas bring and make the pilot last.', verbose_name='keeping the momentum')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                ('practice', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='pilots', to='practices.practice', verbose_name='practice it became')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'pilot',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['unit', 'step'], name='pilots_pilo_unit_id_79d935_idx')],
            },
        ),
    ]
