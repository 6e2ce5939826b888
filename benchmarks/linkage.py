"""Duplicate support across institutions: our encodings-only matcher against Splink on clear text.

Usage (Splink and DuckDB come with the bench extra: `pip install -e '.[bench]'`):
    .venv/bin/python benchmarks/linkage.py --people 100000 [--people 1000000] [--seed 2026]

For each size, generates synthetic people over ten institutions (carepath.linkage.synthetic, with
ground truth), then runs, on the same records:
- ours: each institution's records encoded under a shared secret (the encoding is timed, though each
  institution would run it on its own machine), then the matcher on the encodings alone;
- Splink 5 with the DuckDB backend on the clear-text names, birth date and address (folded the same
  way), blocked on kind of support and month and pairs only across institutions, trained by
  expectation maximisation, pairs kept at a match probability of at least 0.5; Splink's best F1
  over other probability thresholds is printed as well.
Prints precision, recall, F1 and seconds for both. Nothing is asserted.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from carepath.linkage import matcher, synthetic  # noqa: E402
from carepath.linkage.encoding import Encoder  # noqa: E402
from carepath.linkage.text import fold  # noqa: E402

SECRET = os.urandom(32)  # in use, agreed by the institutions and never given to the matcher
Pair = tuple[str, str]


def scores(found: set[Pair], truth: set[Pair]) -> tuple[float, float, float]:
    hits = len(found & truth)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(truth) if truth else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if hits else 0.0)


def ours(data: synthetic.Dataset) -> tuple[set[Pair], float, float]:
    start = time.perf_counter()
    encoder = Encoder(secret=SECRET)
    clks = encoder.encode_many([record.person for record in data.records])
    sent = [
        matcher.Encoded(r.key, r.institution, r.kind, r.period, clks[row].tobytes())
        for row, r in enumerate(data.records)
    ]
    encoded = time.perf_counter()
    found = {_pair(m.left, m.right) for m in matcher.match(sent)}
    return found, encoded - start, time.perf_counter() - encoded


def splink(data: synthetic.Dataset) -> tuple[dict[Pair, float], float]:
    import duckdb
    import pyarrow as pa
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on
    from splink.blocking_rule_library import CustomRule

    start = time.perf_counter()
    table = pa.table({
        "unique_id": [r.key for r in data.records],
        "institution": [r.institution for r in data.records],
        "kind": [r.kind for r in data.records],
        "period": [r.period for r in data.records],
        "given_names": [fold(r.person.given_names) for r in data.records],
        "family_names": [fold(r.person.family_names) for r in data.records],
        "birth_date": [r.person.birth_date.isoformat() if r.person.birth_date else None for r in data.records],
        "address": [fold(r.person.address) or None for r in data.records],
    })
    connection = duckdb.connect()
    connection.register("arrow_records", table)
    connection.execute("CREATE TABLE records AS SELECT * FROM arrow_records")
    db_api = DuckDBAPI(connection=connection)
    same_support = "l.kind = r.kind AND l.period = r.period AND l.institution <> r.institution"
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.ForenameSurnameComparison("given_names", "family_names"),
            cl.DateOfBirthComparison("birth_date", input_is_string=True),
            cl.LevenshteinAtThresholds("address", [2, 5]),
        ],
        blocking_rules_to_generate_predictions=[
            CustomRule(f"{same_support} AND {rule}")
            for rule in (
                "l.birth_date = r.birth_date",
                "l.family_names = r.family_names AND substr(l.given_names, 1, 2) = substr(r.given_names, 1, 2)",
                "l.family_names = r.given_names",
                "l.given_names = r.given_names AND substr(l.birth_date, 1, 4) = substr(r.birth_date, 1, 4)",
                "l.address = r.address",
            )
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(db_api.register("records"), settings, log_level=30)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_names", "family_names", "birth_date")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    # Blocked on the family name and two letters of the given name, not the family name alone: at a million
    # people the latter is billions of pairs.
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("family_names", "substr(given_names, 1, 2)")
    )
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    rows = predictions.as_duckdbpyrelation().select("unique_id_l, unique_id_r, match_probability").fetchall()
    elapsed = time.perf_counter() - start
    return {_pair(left, right): probability for left, right, probability in rows}, elapsed


def _pair(left: str, right: str) -> Pair:
    return (left, right) if left < right else (right, left)


def run(people: int, seed: int) -> None:
    data = synthetic.generate(people, seed=seed)
    truth = {_pair(*pair) for pair in data.truth}
    print(f"\n{people:,} people, {len(data.records):,} support records, {len(truth):,} true pairs (seed {seed})")
    found, encode_seconds, match_seconds = ours(data)
    p, r, f1 = scores(found, truth)
    seconds = encode_seconds + match_seconds
    print(f"ours (encodings only)  precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}  "
          f"time {seconds:.1f} s (encoding {encode_seconds:.1f} s, matching {match_seconds:.1f} s)")
    probabilities, seconds = splink(data)
    p, r, f1 = scores({pair for pair, probability in probabilities.items() if probability >= 0.5}, truth)
    print(f"Splink (clear text)    precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}  time {seconds:.1f} s")
    best = max(
        ((scores({pair for pair, pr in probabilities.items() if pr >= threshold}, truth), threshold)
         for threshold in (0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999)),
        key=lambda found: found[0][2],
    )
    (p, r, f1), threshold = best
    print(f"Splink, best threshold precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}  (match probability >= {threshold})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, action="append", help="people to generate (repeatable)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; matcher threshold {matcher.THRESHOLD} (Dice)")
    for people in args.people or [100_000]:
        run(people, args.seed)


if __name__ == "__main__":
    main()
