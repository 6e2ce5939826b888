from django.db import migrations

from carepath.audit.chain import GENESIS, entry_hash


def chain_existing_entries(apps, schema_editor):
    """Give the entries written before the chain existed their hashes, oldest first. Nothing is dropped."""
    AuditEvent = apps.get_model("audit", "AuditEvent")
    prev_hash = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        event.prev_hash = prev_hash
        event.hash = entry_hash(
            prev_hash=prev_hash, at=event.at, user_id=event.user_id, action=event.action, what=event.what,
            object_id=event.object_id, case_id=event.case_id, person_id=event.person_id,
        )
        event.save(update_fields=["prev_hash", "hash"])
        prev_hash = event.hash


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0003_auditevent_hash_chain_fields"),
    ]

    operations = [
        # Backwards there is nothing to undo: 0003 backwards removes the two columns.
        migrations.RunPython(chain_existing_entries, migrations.RunPython.noop),
    ]
