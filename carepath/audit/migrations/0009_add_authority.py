import django.db.models.deletion
from django.db import migrations, models

from carepath.audit import triggers
from carepath.organisations.authority import backfill


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor.connection)


def fill(apps, schema_editor):
    """Entries about a case get the case's authority; entries about a person only stay empty."""
    backfill(schema_editor, 'audit_auditevent', parent='cases_case', via='case_id')
    if schema_editor.connection.vendor == 'postgresql':
        # Nothing may wait for the end of the transaction when the foreign key is added below.
        schema_editor.execute('SET CONSTRAINTS ALL IMMEDIATE')


class Migration(migrations.Migration):
    """Each audit entry about a case carries the case's authority (docs/scaling.md, section 4, step 1).

    Not part of the hash: entries keep their hashes, and `carepath audit verify` checks them as before.
    The log refuses UPDATE by its triggers, so they are dropped while the existing entries are
    filled and put back after, in the same transaction (SQLite also rebuilds the table to add the
    foreign key, which takes the triggers with it, as in 0008). The foreign key is added after the
    fill: one check of the whole table instead of one per entry.
    """

    dependencies = [
        ('audit', '0008_chain_guard_by_id'),
        ('cases', '0004_add_authority'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(drop_triggers, create_triggers),
        migrations.AddField(
            model_name='auditevent',
            name='authority',
            field=models.ForeignKey(db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='auditevent',
            name='authority',
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='authority'),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
