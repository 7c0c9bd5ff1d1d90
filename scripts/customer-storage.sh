#!/usr/bin/env bash
# What keeping customers costs a full-size ingest (issue 14; docs/campaigns.md, "Storing customers"): whole
# `campaign-rl ingest` processes of a jar that keeps no customers (BEFORE) and of this build (AFTER), alternated,
# each into a new H2 file; prints each run's wall and CPU (user + sys) seconds and peak RSS, the medians, and the
# ratios after/before. Load on the machine moves wall times a lot; CPU seconds move less. `uptime` is printed
# before and after.
#
#   scripts/customer-storage.sh BEFORE_JAR [PAIRS] [DATA_DIR]
#
# BEFORE_JAR: e.g. built from commit 682a468 (git archive 682a468 | tar -x -C /tmp/before; mvn -q -o -DskipTests
# package there). DATA_DIR defaults to /tmp/campaign-rl-customers/full, generated when missing with
# `generate --customers 500000 --seed 42`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="${1:?the jar of a build that keeps no customers}"
pairs="${2:-5}"
data="${3:-/tmp/campaign-rl-customers/full}"
work="$(mktemp -d /tmp/campaign-rl-customers-runs.XXXXXX)"
trap 'rm -rf "$work"' EXIT
if [[ ! -f "$data/userbase.csv" ]]; then
  CAMPAIGN_RL_CDS=off "$here/campaign-rl" generate --out "$data" --customers 500000 --seed 42 >/dev/null
fi
echo "uptime before: $(uptime)"
run() { # label jar n
  local db="$work/$1-$3"
  CAMPAIGN_RL_CDS=off CAMPAIGN_RL_JAR="$2" /usr/bin/time -f "$1 %e %U %S %M" -o "$work/time" \
    "$here/campaign-rl" ingest --data-dir "$data" --db "jdbc:h2:file:$db/c" >/dev/null 2>&1
  cat "$work/time" | tee -a "$work/all"
}
: > "$work/all"
echo "label wall_s user_s sys_s max_rss_kb"
for ((i = 0; i < pairs; i++)); do
  run before "$before" "$i"
  run after "$here/adapters-web/target/campaign-rl.jar" "$i"
done
echo "uptime after: $(uptime)"
python3 - "$work/all" <<'PY'
import sys, statistics
rows = [line.split() for line in open(sys.argv[1])]
def med(label, f):
    return statistics.median(f(r) for r in rows if r[0] == label)
for name, f in [("wall s", lambda r: float(r[1])), ("cpu s", lambda r: float(r[2]) + float(r[3])),
                ("max rss MB", lambda r: float(r[4]) / 1024)]:
    b, a = med("before", f), med("after", f)
    print(f"median {name}: before {b:.2f}, after {a:.2f}, after/before {a / b:.3f}")
PY
