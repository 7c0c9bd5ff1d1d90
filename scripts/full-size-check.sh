#!/usr/bin/env bash
# Issue 2's acceptance run: generate the full-size logs, ingest and export them with the heap limited to
# 512 MiB, check the exported cells against an independent SQL aggregation, then train with the defaults.
# Usage: scripts/full-size-check.sh [WORK_DIR]   (needs the jar built and PostgreSQL on 127.0.0.1:5432)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/campaign-rl-full}"
rm -rf "$work" && mkdir -p "$work"
export JAVA_OPTS="-Xmx512m"
db="--db=jdbc:h2:file:$work/db/campaign-rl"
timed() { /usr/bin/time -f "  [%e s wall, %M KiB peak RSS]" "$@"; }
timed "$here/campaign-rl" generate --out "$work/logs"
timed "$here/campaign-rl" ingest --data-dir "$work/logs" "$db"
timed "$here/campaign-rl" export-cells --out "$work/cells.csv" "$db"
bash "$here/data/verify-aggregation.sh" "$work/logs" "$work/cells.csv"
timed "$here/campaign-rl" train "$db"
