from typing import Any

from django.apps import AppConfig
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created


def add_search_functions(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """SQLite has no pg_trgm nor unaccent: give each connection the person search's two functions
    (people/search.py), so the same query finds the same people as on PostgreSQL."""
    if connection.vendor != "sqlite":
        return
    from carepath.people import search

    raw = connection.connection
    raw.create_function("carepath_fold", 1, search.fold, deterministic=True)
    raw.create_function("carepath_word_similarity", 2, search.word_similarity, deterministic=True)
    raw.create_function("carepath_similarity", 2, search.similarity, deterministic=True)


class PeopleConfig(AppConfig):
    name = "carepath.people"

    def ready(self) -> None:
        connection_created.connect(add_search_functions, dispatch_uid="carepath.people.search_functions")
