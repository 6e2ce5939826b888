"""`carepath practices reindex` and `carepath practices embed`: rebuild the practice library's search
index and its "similar practices" vectors.

Saving a practice keeps both up to date. Run `reindex` after an upgrade of PostgreSQL or of the
stemmers, or once for practices saved before the index existed; run `embed` after an upgrade of the
embedding model (docs/decisions/0016-local-sentence-embeddings.md). Both can run while people work.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from carepath.practices import search, similar


class Command(BaseCommand):
    help = "Rebuild the practice library's search index (`reindex`) or its embeddings (`embed`)."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        subcommands.add_parser("reindex", help="Rebuild every practice's full-text index.")
        subcommands.add_parser("embed", help="Compute every practice's vector with the bundled model again.")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        if options["subcommand"] == "reindex":
            count = search.reindex_all()
            self.stdout.write(f"Indexed {count} practice(s) in {time.monotonic() - started:.1f} s.")
        elif options["subcommand"] == "embed":
            count = similar.rebuild_all()
            self.stdout.write(
                f"Embedded {count} practice(s) with {similar.MODEL_NAME} in {time.monotonic() - started:.1f} s."
            )
