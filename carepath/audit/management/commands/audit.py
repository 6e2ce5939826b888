"""`carepath audit verify`: check that the audit log's hash chain is whole.

Exits with status 1 and names the first broken link when it is not. Prints the head (last entry's
id and hash) so an operator can keep it outside the database and pass it back with --anchor: a
rewrite of the whole tail after that point is then found too.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from carepath.audit.models import AuditEvent
from carepath.audit.verify import verify_chain


def _anchor(value: str) -> tuple[int, str]:
    entry_id, _, entry_hash = value.partition(":")
    if not entry_id.isdigit() or len(entry_hash) != 64:
        raise ValueError(value)
    return int(entry_id), entry_hash.lower()


class Command(BaseCommand):
    help = "Work with the audit log. `verify` checks its hash chain."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        verify = subcommands.add_parser("verify", help="Check every entry's hash and link; exit 1 at a break.")
        verify.add_argument("--chunk-size", type=int, default=5000, help="Entries read per round trip.")
        verify.add_argument(
            "--anchor", type=_anchor, action="append", default=[], metavar="ID:HASH",
            help="An entry id and hash printed by an earlier verify, kept outside the database. Repeatable.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "verify":
            self.verify(chunk_size=options["chunk_size"], anchors=options["anchor"])

    def verify(self, *, chunk_size: int, anchors: list[tuple[int, str]]) -> None:
        outcome = verify_chain(chunk_size=chunk_size)
        if outcome.broken is not None:
            self.stdout.write(f"Checked {outcome.checked} entries before the first broken link.")
            raise CommandError(f"Audit log broken at entry {outcome.broken.entry_id}: {outcome.broken.problem}.")
        for entry_id, kept_hash in anchors:
            stored = AuditEvent.objects.filter(pk=entry_id).values_list("hash", flat=True).first()
            if stored != kept_hash:
                raise CommandError(
                    f"Audit log broken at entry {entry_id}: anchor mismatch: its hash is not the one kept "
                    "outside the database, so the log was rewritten from there on."
                )
        self.stdout.write(f"Checked {outcome.checked} entries: the chain is whole.")
        if outcome.head_id is not None:
            self.stdout.write(f"Head: {outcome.head_id}:{outcome.head_hash} (keep it to pass as --anchor later)")
        if anchors:
            self.stdout.write(f"{len(anchors)} anchor(s) match.")
