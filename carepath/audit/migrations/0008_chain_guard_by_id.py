from django.db import migrations, models

from carepath.audit import triggers


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor.connection)


class Migration(migrations.Migration):
    """The fork guard moves from a unique prev_hash (a random page of a large index per entry) to a
    unique `chained_after` id (the index's right end). No entry is changed: existing entries keep
    NULL there and stay chained as they are. SQLite rebuilds the table for these two operations,
    which takes its triggers with it, so they are put back."""

    dependencies = [
        ("audit", "0007_field_names_translatable"),
    ]

    operations = [
        migrations.RunPython(drop_triggers, create_triggers),
        migrations.RemoveConstraint(
            model_name="auditevent",
            name="audit_chain_never_forks",
        ),
        migrations.AddField(
            model_name="auditevent",
            name="chained_after",
            field=models.PositiveBigIntegerField(
                editable=False, null=True, unique=True, verbose_name="written after entry"
            ),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
