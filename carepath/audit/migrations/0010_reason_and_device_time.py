from django.db import migrations, models

from carepath.audit import triggers


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor.connection)


class Migration(migrations.Migration):
    """Why a record was read (a home visit) and, for a change made offline, when it was made on the
    device (issue 11). Hashed only when set: every existing entry keeps its hash (chain.py).

    SQLite may rebuild the table to add a column, which takes the append-only triggers with it; they
    are dropped first and put back after, in the same transaction, as in 0009. No row is changed.
    """

    dependencies = [
        ('audit', '0009_add_authority'),
    ]

    operations = [
        migrations.RunPython(drop_triggers, create_triggers),
        migrations.AddField(
            model_name='auditevent',
            name='device_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='made on the device at'),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='reason',
            field=models.CharField(blank=True, choices=[('', '(none given)'), ('home_visit', 'home visit')], default='', max_length=20, verbose_name='reason'),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
