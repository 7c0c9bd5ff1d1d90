#!/usr/bin/env bash
# Issue 13's table: `train` with only --target-rate and --min-sends (training until converged), against the exact
# optimum and against the original service's fixed 20 000 episodes, on the bundled sample and on full-size logs shaped
# like a real export. Every figure is what `models show` prints for the stored model; times are the training itself
# (as `train` reports it) and the whole `train` process.
# Usage: scripts/learning-targets.sh [WORK_DIR]   (needs the jar built: mvn -B -q -DskipTests package)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/campaign-rl-targets}"
cli="$here/campaign-rl"
targets=(0.30/10 0.40/50 0.45/100 0.50/30 0.35/200)
rm -rf "$work" && mkdir -p "$work"

"$cli" generate --preset real-shaped --out "$work/real-shaped" >/dev/null 2>&1

figure() { # figure NAME METRICS_LINE
  sed -n "s/.*[ ,]$1=\([^,]*\).*/\1/p" <<<"$2"
}

printf '| logs | target / min sends | training | goal cells | converged | success (of reachable) | steps / fewest | greedy = Q* | mean abs Q error | training ms | train command s |\n'
printf '|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n'
for logs in sample real-shaped; do
  dir="$here/data/sample"; [ "$logs" = sample ] || dir="$work/$logs"
  db="--db=jdbc:h2:file:$work/db-$logs/campaign-rl"
  "$cli" ingest --data-dir "$dir" --rejects "$work/rejected-$logs.csv" "$db" >/dev/null 2>&1
  for target in "${targets[@]}"; do
    rate="${target%/*}"; sends="${target#*/}"
    for training in defaults original; do
      extra=(); [ "$training" = original ] && extra=(--episodes 20000)
      started=$(date +%s.%N)
      out=$("$cli" train --target-rate "$rate" --min-sends "$sends" --no-activate "${extra[@]}" "$db" 2>/dev/null)
      ended=$(date +%s.%N)
      id=$(sed -n 's/^Model \([0-9]*\) trained.*/\1/p' <<<"$out")
      ms=$(sed -n 's/.* in \([0-9.]*\) ms.*/\1/p' <<<"$out")
      metrics=$("$cli" models show "$id" "$db" 2>/dev/null | sed -n 's/^  metrics: //p')
      metrics=" $metrics"
      verdict=$("$cli" models show "$id" "$db" 2>/dev/null | sed -n 's/^  \(converged\|not converged\|not measured\)\(:.*\)\{0,1\}$/\1/p')
      success=$(figure success_rate_over_reachable "$metrics")
      steps=$(figure mean_steps "$metrics"); fewest=$(figure mean_optimal_steps "$metrics")
      ratio=$(awk -v s="${steps:-nan}" -v f="${fewest:-nan}" 'BEGIN { if (f + 0 > 0) printf "%.3f", s / f; else print "–" }')
      label="until converged"; [ "$training" = original ] && label="20 000 episodes (the original's)"
      printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.2f |\n' "$logs" "$target" "$label" \
        "$(awk -v v="$(figure goal_cells "$metrics")" 'BEGIN { printf "%d", v }')" "$verdict" \
        "$(awk -v v="${success:-nan}" 'BEGIN { if (v == "nan") print "– (no goals)"; else printf "%.2f %%", 100 * v }')" \
        "$ratio" "$(awk -v v="$(figure greedy_agreement "$metrics")" 'BEGIN { printf "%.2f %%", 100 * v }')" \
        "$(figure mean_abs_q_error "$metrics")" "$ms" "$(awk -v a="$started" -v b="$ended" 'BEGIN { print b - a }')"
    done
  done
done
