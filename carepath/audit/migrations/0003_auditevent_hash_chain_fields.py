import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Room for the hash chain; the time is now set by the writer, since it is part of the hash."""

    dependencies = [
        ("audit", "0002_alter_auditevent_action"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="previous hash"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.AlterModelOptions(
            name="auditevent",
            options={"ordering": ["-at"], "verbose_name": "audit event", "verbose_name_plural": "audit events"},
        ),
    ]
