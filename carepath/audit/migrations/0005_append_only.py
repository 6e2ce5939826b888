from django.db import migrations, models

from carepath.audit import triggers


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor.connection)


class Migration(migrations.Migration):
    """The chain cannot fork, and the database refuses UPDATE and DELETE on the log."""

    dependencies = [
        ("audit", "0004_chain_existing_entries"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.UniqueConstraint(fields=("prev_hash",), name="audit_chain_never_forks"),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
