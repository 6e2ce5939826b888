# A review or an inquiry may be about a pilot (nullable: existing records are about none).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0005_authority_required'),
        ('pilots', '0001_pilots'),
    ]

    operations = [
        migrations.AddField(
            model_name='afteractionreview',
            name='pilot',
            field=models.ForeignKey(blank=True, help_text='The pilot this review looks back on, if any.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='after_action_reviews', to='pilots.pilot', verbose_name='pilot'),
        ),
        migrations.AddField(
            model_name='appreciativeinquiry',
            name='pilot',
            field=models.ForeignKey(blank=True, help_text='The pilot this inquiry is about, if any.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='inquiries', to='pilots.pilot', verbose_name='pilot'),
        ),
    ]
