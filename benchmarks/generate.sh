#!/usr/bin/env bash
# How long `carepath generate` takes for N citizens on a fresh embedded SQLite database
# (or on PostgreSQL when DATABASE_URL is set: it must point to an empty database).
# Usage: benchmarks/generate.sh [N] [SEED]      (default 100000 citizens, seed 1)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
seed=${2:-1}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export CAREPATH_DATA_DIR=$data
.venv/bin/carepath migrate -v0
start=$(date +%s.%N)
.venv/bin/carepath generate --citizens "$n" --seed "$seed" | tail -n 3
end=$(date +%s.%N)
engine=SQLite
[ -n "${DATABASE_URL:-}" ] && engine=PostgreSQL
python3 -c 'import sys; n, s = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]); print(f"{n} citizens in {s:.1f} s ({n / s:,.0f} citizens/s) on {sys.argv[4]}")' \
  "$n" "$start" "$end" "$engine"
