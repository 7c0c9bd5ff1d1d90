#!/usr/bin/env bash
# The rankings side by side on several generated data sets: for each (generator seed, hold-out seed), full-size
# planted data with 30 % of the (subject, customer) pairs held out, then `evaluate --truth`. Prints one Markdown
# table: the held-out top-10 conversion of LOGISTIC_SHRUNK and SEGMENT_SHRUNK against the truly best cells' held-out
# conversion, and the mean true rate of each one's choice against the truly best (docs/learning-quality.md).
# Usage: scripts/ranking-seeds.sh [WORK_DIR] ["42:7 43:11 ..."]   (needs the jar: mvn -B -q -DskipTests package)
# About 10 s per data set.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/campaign-rl-ranking-seeds}"
pairs="${2:-42:7 43:11 44:12 45:13 46:14 47:15}"
cli="$here/campaign-rl"
rm -rf "$work" && mkdir -p "$work"
for pair in $pairs; do
    seed=${pair%%:*} holdout=${pair#*:}
    dir="$work/$seed-$holdout"
    db="--db=jdbc:h2:file:$dir/db/campaign-rl"
    "$cli" generate --out "$dir/logs" --seed "$seed" >/dev/null 2>&1
    "$cli" ingest --data-dir "$dir/logs" --holdout-share 0.3 --holdout-seed "$holdout" "$db" >/dev/null 2>&1
    # The rankings do not depend on the Q table; evaluate needs a model, a small one does.
    "$cli" train --episodes 1000 "$db" >/dev/null 2>&1
    "$cli" evaluate --method SEGMENT_SHRUNK --truth "$dir/logs/truth.json" --out "$dir/evaluation" "$db" >/dev/null 2>&1
done
python3 - "$work" $pairs <<'PY'
import json, sys
work, pairs = sys.argv[1], sys.argv[2:]
print("| seeds (data:hold-out) | held-out top-10: LOGISTIC_SHRUNK | SEGMENT_SHRUNK | truly best cells, held out "
      "| true mean of the choice: LOGISTIC_SHRUNK | SEGMENT_SHRUNK | truly best |")
print("|---|---:|---:|---:|---:|---:|---:|")
def pct(x): return f"{100 * x:.2f} %"
for pair in pairs:
    d = json.load(open(f"{work}/{pair.replace(':', '-')}/evaluation/evaluation.json"))
    held = {m["method"]: m["top10_conversion"] for m in d["heldout"]["methods"]}
    truth = {m["method"]: m for m in d["truth"]["methods"]}
    print(f"| {pair} | {pct(held['LOGISTIC_SHRUNK'])} | {pct(held['SEGMENT_SHRUNK'])} "
          f"| {pct(d['truth']['truth_best_heldout_conversion'])} "
          f"| {pct(truth['LOGISTIC_SHRUNK']['chosen_true_mean'])} | {pct(truth['SEGMENT_SHRUNK']['chosen_true_mean'])} "
          f"| {pct(truth['SEGMENT_SHRUNK']['best_true_mean'])} |")
PY
