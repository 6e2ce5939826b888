"""The practice library's full-text index (practices/search.py), one kind per database.

SQLite: an FTS5 table of the folded texts and their stems, its rowid the practice's id. The tokenizer
removes every diacritic (`remove_diacritics 2`, also from letters with several marks, as Vietnamese
has), though search.py already folds the texts it writes. search.py keeps the rows up to date. A
trigger deletes a practice's row with the practice (by a cascade or a test's flush too). Django
rebuilds a SQLite table to alter it, which drops the table's triggers: a later migration that alters
practices_practice should create FTS_DELETE_TRIGGER again. Nothing goes wrong meanwhile: the search
joins on the practices, so a row left behind is never an answer, and `carepath practices reindex`
deletes such rows.

PostgreSQL: a GIN index on `search_vector`, which search.py writes.

Written as SQL run by vendor, not as model indexes: each database gets a different structure, and
Django knows neither an FTS5 table nor a GIN index that SQLite could create. Practices saved before
this migration are indexed by `carepath practices reindex`.
"""

from django.db import migrations

FTS_TABLE = """
CREATE VIRTUAL TABLE IF NOT EXISTS practices_practice_fts
USING fts5(title, summary, body, stems, tokenize = 'unicode61 remove_diacritics 2')
"""
FTS_DELETE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS practices_practice_fts_delete AFTER DELETE ON practices_practice
BEGIN DELETE FROM practices_practice_fts WHERE rowid = old.id; END
"""
GIN_INDEX = """
CREATE INDEX IF NOT EXISTS practices_practice_search_vector ON practices_practice USING gin (search_vector)
"""


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(FTS_TABLE)
        schema_editor.execute(FTS_DELETE_TRIGGER)
    elif vendor == "postgresql":
        schema_editor.execute(GIN_INDEX)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS practices_practice_fts_delete")
        schema_editor.execute("DROP TABLE IF EXISTS practices_practice_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS practices_practice_search_vector")


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_practice_library")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
