#!/usr/bin/env bash
# Issue 3's figures: the learner against the exact optimum, and rankings on held-out sends and the known truth.
# Usage: scripts/learning-quality.sh [WORK_DIR]   (needs the jar built: mvn -B -q -DskipTests package)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/campaign-rl-quality}"
rm -rf "$work" && mkdir -p "$work"
db="--db=jdbc:h2:file:$work/db/campaign-rl"
cli="$here/campaign-rl"

# Full-size planted data; 30 % of (subject, customer) pairs held out with seed 7.
"$cli" generate --out "$work/logs" 2>/dev/null
"$cli" ingest --data-dir "$work/logs" --holdout-share 0.3 --holdout-seed 7 "$db" 2>/dev/null

# Under 1 % of cells are goals at target 0.40 / more than 10 sends: 167 of 17 640 on the training part.
# How many episodes does the default learner (ε 0.1, α 0.1, γ 0.6) need?
"$cli" sweep --target-rate 0.40 --episodes 20000,200000,1000000,3000000,6000000,12000000 --seeds 1 \
  --out "$work/sweep" "$db" 2>/dev/null

# One model with enough episodes, then its evaluation (optimum, folds, held-out, truth).
"$cli" train --target-rate 0.40 --episodes 12000000 "$db" 2>/dev/null
"$cli" evaluate --method SEGMENT_SHRUNK --truth "$work/logs/truth.json" --out "$work/evaluation" "$db" 2>/dev/null
echo "Wrote $work/sweep/sweep.{csv,svg} and $work/evaluation/evaluation.{md,json}"
