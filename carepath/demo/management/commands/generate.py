"""Generate a synthetic municipality: households, people, signals and cases in every stage.

Deterministic: the same --citizens and --seed give the same data (dates count back from a fixed
anchor, not from today). Each seed gets its own "Synthetic municipality (seed S)" with its own
providers and staff, also after `carepath demo`; running a seed twice is refused.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from carepath.demo.consistency import problems
from carepath.demo.synthetic.digest import data_digest
from carepath.demo.synthetic.generator import AlreadyGenerated, generate


class Command(BaseCommand):
    help = "Generate a synthetic municipality of N citizens, deterministically from a seed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--citizens", type=int, required=True, help="How many people to create.")
        parser.add_argument("--seed", type=int, default=1, help="The same seed gives the same data.")
        parser.add_argument("--batch", type=int, default=5000, help="People per write batch.")
        parser.add_argument("--digest", action="store_true", help="Print a SHA-256 of the data afterwards.")
        parser.add_argument("--check", action="store_true", help="Check the consistency invariants afterwards.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["citizens"] < 1 or options["batch"] < 1:
            raise CommandError("--citizens and --batch must be at least 1.")
        report = (lambda made: self.stdout.write(f"  {made} citizens...")) if options["verbosity"] > 1 else None
        try:
            result = generate(citizens=options["citizens"], seed=options["seed"], batch=options["batch"],
                              progress=report)
        except AlreadyGenerated as exists:
            raise CommandError(f"{exists} exists already: use another --seed or a fresh database.") from None
        width = max(len(label) for label in result.counts)
        self.stdout.write(f"{result.authority}: {result.citizens} citizens")
        for label, count in result.counts.items():
            self.stdout.write(f"  {label.ljust(width)}  {count:>9}")
        self.stdout.write(f"  {'rows'.ljust(width)}  {sum(result.counts.values()):>9}")
        self.stdout.write("Signals by stage: " + ", ".join(f"{k} {v}" for k, v in result.stages.items()))
        self.stdout.write(self.style.SUCCESS(f"Generated in {result.seconds:.1f} s."))
        if options["digest"]:
            self.stdout.write(f"Digest: {data_digest()}")
        if options["check"]:
            found = problems()
            if found:
                raise CommandError("Inconsistent data: " + "; ".join(found))
            self.stdout.write("Consistency: all invariants hold.")
