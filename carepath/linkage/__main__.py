"""The matcher as a program of its own, for a machine that has neither the records nor the secret.

    python -m carepath.linkage match ENCODINGS.jsonl [MORE.jsonl ...] --out PAIRS.jsonl [--threshold T]

It reads the encodings the institutions exported (`carepath support export-encodings`), refuses the
whole input if any line is more or less than an encoding (`files.read_encodings`), and writes the
pairs found for the institutions to import (`carepath support import-pairs`). Only numpy and this
package are needed; nothing here imports Django. The summary it prints has counts only.
"""

import argparse
import sys
from collections.abc import Sequence

from carepath.linkage import files, matcher


def threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError("a number, for example 0.8") from None
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError("a Dice similarity above 0 and at most 1")
    return number


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m carepath.linkage",
        description="Privacy-preserving record linkage: compare encodings only (docs/privacy-linkage.md).",
    )
    commands = main.add_subparsers(dest="command", required=True)
    match = commands.add_parser(
        "match",
        help="pair encodings of different institutions, same kind of support and month",
        description=(
            "Read the encodings (JSON Lines: key, institution, kind, period, clk) of one or more institutions "
            "and write the pairs alike enough to be one person (JSON Lines: left, right, score)."
        ),
    )
    match.add_argument("encodings", nargs="+", metavar="ENCODINGS.jsonl", help="files exported by the institutions")
    match.add_argument("--out", required=True, metavar="PAIRS.jsonl", help="where to write the pairs found")
    match.add_argument(
        "--threshold", type=threshold, default=matcher.THRESHOLD,
        help=f"the least Dice similarity of a pair (default {matcher.THRESHOLD})",
    )
    return main


def main(argv: Sequence[str] | None = None) -> int:
    options = parser().parse_args(argv)
    try:
        records = files.read_encodings(options.encodings)
    except files.Refused as refused:
        print(f"Refused, nothing written: {refused}", file=sys.stderr)
        return 1
    pairs = matcher.match(records, threshold=options.threshold) if records else []
    try:
        files.write_pairs(options.out, pairs)
    except OSError as problem:
        print(f"Cannot write {options.out}: {problem.strerror or problem}", file=sys.stderr)
        return 1
    institutions = len({record.institution for record in records})
    print(
        f"Compared {len(records)} encoding(s) of {institutions} institution(s) from {len(options.encodings)} "
        f"file(s): {len(pairs)} pair(s) written to {options.out}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
