"""How the encoding's size, field weights and the matcher's threshold were chosen (docs/privacy-linkage.md).

Usage:
    .venv/bin/python benchmarks/linkage_tuning.py --people 100000 --people 1000000 [--seed 8]
        [--bits 2048] [--weights 10,24,4] [--lowest 0.55]

Generates the synthetic data of benchmarks/linkage.py on the tuning seed (8; the benchmark itself
uses 2026, so the choice is not fitted to the figures it reports), encodes it with the filter size and
the name, birth date and address weights given, matches at the lowest threshold, then prints
precision, recall and F1 at every threshold from there to 0.90 and the best one. Nothing is asserted.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkage import SECRET, _pair, scores  # noqa: E402

from carepath.linkage import encoding, matcher, synthetic  # noqa: E402


def use_filter_size(bits: int) -> None:
    """The filter size is a constant of the code (every institution must use the same); try another here."""
    for module in (encoding, matcher):
        module.WORDS, module.BYTES = bits // 64, bits // 8  # type: ignore[attr-defined]
    encoding.BITS = bits


def sweep(people: int, seed: int, schema: encoding.Schema, lowest: float) -> None:
    data = synthetic.generate(people, seed=seed)
    truth = {_pair(*pair) for pair in data.truth}
    start = time.perf_counter()
    clks = encoding.Encoder(secret=SECRET, schema=schema).encode_many([r.person for r in data.records])
    sent = [
        matcher.Encoded(r.key, r.institution, r.kind, r.period, clks[i].tobytes()) for i, r in enumerate(data.records)
    ]
    found = [(_pair(m.left, m.right), m.score) for m in matcher.match(sent, threshold=lowest)]
    print(f"\n{people:,} people, seed {seed}, {encoding.BITS} bits, weights name {schema.name} "
          f"date {schema.birth_date} address {schema.address}: {time.perf_counter() - start:.1f} s")
    best = (0.0, 0.0)
    for step in range(round(lowest * 100), 91):
        threshold = step / 100
        p, r, f1 = scores({pair for pair, score in found if score >= threshold}, truth)
        best = max(best, (f1, threshold))
        print(f"  threshold {threshold:.2f}  precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}")
    print(f"  best F1 {best[0]:.4f} at {best[1]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, action="append")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--bits", type=int, default=encoding.BITS)
    parser.add_argument("--weights", default=None, help="name,birth_date,address bits per token")
    parser.add_argument("--lowest", type=float, default=0.55)
    args = parser.parse_args()
    use_filter_size(args.bits)
    schema = encoding.Schema(*map(int, args.weights.split(","))) if args.weights else encoding.DEFAULT_SCHEMA
    for people in args.people or [100_000]:
        sweep(people, args.seed, schema, args.lowest)


if __name__ == "__main__":
    main()
