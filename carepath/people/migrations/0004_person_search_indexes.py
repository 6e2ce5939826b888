"""The person search's indexes (people/search.py).

PostgreSQL: the pg_trgm and unaccent extensions, an IMMUTABLE wrapper of unaccent (an index expression
may call only immutable functions; unaccent() is stable because its dictionary could change), and a
GIN trigram index on the folded full name. The wrapper is PL/pgSQL: a LANGUAGE sql wrapper of a
stable function is not inlined, and PL/pgSQL's simple-expression path calls it at about half the
cost (measured over 50,000 names: 1.8 against 3.1 microseconds each); the search computes it for
every candidate. The index keeps no pending list (fastupdate off): every search would read that
list whole, so a busy day of new signals would slow each search until the next vacuum.

Both databases: an index on the birth date, for a search by birth date alone or a name narrowed by
it. SQLite needs no extension: the people app registers the same folding and similarities as Python
functions on each connection (apps.py).

Written as SQL, not as model indexes: the trigram index exists on PostgreSQL only, and its
expression must be spelled exactly as the search writes it.
"""

from django.db import migrations

UNACCENT_FUNCTION = """
CREATE OR REPLACE FUNCTION carepath_unaccent(text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
AS $$ BEGIN RETURN public.unaccent('public.unaccent'::regdictionary, $1); END $$
"""
NAME_INDEX = """
CREATE INDEX IF NOT EXISTS people_person_name_trgm ON people_person
USING gin (lower(carepath_unaccent(given_name || ' ' || family_name)) gin_trgm_ops) WITH (fastupdate = off)
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        schema_editor.execute(UNACCENT_FUNCTION)
        schema_editor.execute(NAME_INDEX)
    schema_editor.execute("CREATE INDEX IF NOT EXISTS people_person_birth_date ON people_person (birth_date)")


def drop(apps, schema_editor):
    """The indexes and the wrapper go; the extensions stay (other schemas or tools may use them)."""
    schema_editor.execute("DROP INDEX IF EXISTS people_person_birth_date")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS people_person_name_trgm")
        schema_editor.execute("DROP FUNCTION IF EXISTS carepath_unaccent(text)")


class Migration(migrations.Migration):
    dependencies = [("people", "0003_field_names_translatable")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
