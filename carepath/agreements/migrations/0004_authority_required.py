import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The authority, filled by 0003_add_authority, is required from now on, and checked by a foreign key."""

    dependencies = [
        ('agreements', '0003_add_authority'),
    ]

    operations = [
        migrations.AlterField(
            model_name='agreementversion',
            name='authority',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.AlterField(
            model_name='agreementaction',
            name='authority',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
    ]
