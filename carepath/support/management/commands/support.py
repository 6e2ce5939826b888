"""`carepath support match | export-encodings FILE | import-pairs FILE | encode`: support given twice.

`match` pairs support records of different institutions from their encodings, in this installation.
`export-encodings` and `import-pairs` are the two ends of a matcher run elsewhere, on a machine with
neither the records nor the secret (`python -m carepath.linkage match`, docs/privacy-linkage.md).
All read only the encodings (what leaves each institution), never a name, and print counts only.
`encode` makes every record's encoding again, at the institution: after the shared secret changed (an
institution left the network) or the filter size did.
Idempotent: run them on a schedule (e.g. nightly); pairs found before are kept with their reviews,
none is added twice.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from carepath.linkage import files
from carepath.linkage.encoding import BYTES
from carepath.support import encodings, matching

NOT_CONFIGURED = "CAREPATH_LINKAGE_SECRET is not configured: records are not encoded; {} what is already encoded."


class Command(BaseCommand):
    help = (
        "Find support given twice across institutions, from the encodings only: `match` here, or "
        "`export-encodings` for a matcher elsewhere and `import-pairs` of what it found."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        subcommands.add_parser("match", help="Match every stored encoding and keep the new pairs.")
        export = subcommands.add_parser(
            "export-encodings",
            help="Write every stored encoding (link key, institution, kind, month, encoding) as JSON Lines "
            "for `python -m carepath.linkage match` on the matcher's machine.",
        )
        export.add_argument("file", metavar="FILE")
        pairs = subcommands.add_parser(
            "import-pairs",
            help="Keep the new pairs from a file written by `python -m carepath.linkage match`.",
        )
        pairs.add_argument("file", metavar="FILE")
        subcommands.add_parser(
            "encode", help="Encode every support record again (after the shared secret or the filter size changed)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "match":
            if not encodings.is_configured():
                self.stdout.write(NOT_CONFIGURED.format("matching"))
            result = matching.run()
            self.stdout.write(
                f"Compared {result.encodings} encoding(s): {result.pairs} pair(s), {result.new} new."
            )
        elif options["subcommand"] == "export-encodings":
            if not encodings.is_configured():
                self.stdout.write(NOT_CONFIGURED.format("exporting"))
            try:
                written = matching.export(options["file"])
            except files.WrongSize:
                raise CommandError(
                    f"An encoding stored here is not {BYTES} bytes (the filter size changed): encode the "
                    "records again before exporting. Nothing written."
                ) from None
            except OSError as problem:
                raise CommandError(f"Cannot write {options['file']}: {problem.strerror or problem}.") from None
            self.stdout.write(f"Exported {written} encoding(s) to {options['file']}.")
        elif options["subcommand"] == "encode":
            if not encodings.is_configured():
                raise CommandError(NOT_CONFIGURED.format("nothing changed in"))
            self.stdout.write(f"Encoded {encodings.encode_all()} support record(s) again.")
        elif options["subcommand"] == "import-pairs":
            try:
                pairs = files.read_pairs(options["file"])
            except files.Refused as refused:
                raise CommandError(f"Refused, nothing stored: {refused}.") from None
            stored = matching.import_pairs(pairs)
            self.stdout.write(
                f"Read {stored.pairs} pair(s): {stored.new} new, {stored.unknown} skipped with a key that is "
                f"no encoding here, {stored.inconsistent} skipped as not two institutions with one kind and month."
            )
