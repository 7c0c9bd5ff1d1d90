#!/usr/bin/env bash
# docs/spark.md's figures: the full-size generated logs ingested by the CSV adapter (./campaign-rl ingest) and by
# Spark in local mode (SparkSubmit --master local[2] of campaign-rl-spark.jar), alternated in the same run, at 1x
# (500 000 customers, ~2.48 M sends) and 10x (5 000 000 customers, ~24.8 M sends: the generator caps sends per
# customer, so 10x the sends is 10x the customers). Both store into an H2 file of their own through the same
# IngestLogsService. Prints the machine's load beside each figure.
# Usage: [SCALES="1 10"] scripts/spark-figures.sh [WORK_DIR] [ROUNDS]   (after mvn -B -q -DskipTests package; it packages adapters-spark again
# to list Spark's jars)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/campaign-rl-spark-figures}"
rounds="${2:-2}"
jar="$here/adapters-spark/target/campaign-rl-spark.jar"
[[ -f "$jar" && -f "$here/adapters-web/target/campaign-rl.jar" ]] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }
mkdir -p "$work"
# Spark's own jars (the module's provided dependencies), as a Spark distribution would put them on the classpath.
(cd "$here" && mvn -B -q -o -DskipTests package dependency:build-classpath -pl adapters-spark -am -Dmdep.includeScope=provided \
    -Dmdep.outputFile=target/spark-classpath.txt >/dev/null)
spark_cp="$(cat "$here/adapters-spark/target/spark-classpath.txt")"
# What Spark needs opened on Java 17: the module's spark.jvm.options (spark-submit's launcher adds them itself).
spark_opts="$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$here/adapters-spark/pom.xml")"
export SPARK_LOCAL_IP=127.0.0.1

seconds() { /usr/bin/time -f "%e" -o "$work/time.txt" "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }; cat "$work/time.txt"; }
csv_ingest() { rm -rf "$work/csv-db"; seconds "$here/campaign-rl" ingest --data-dir "$1" --db "jdbc:h2:file:$work/csv-db/rl"; }
spark_ingest() {   # the logs' folder, then SparkIngest's other options
  rm -rf "$work/spark-db"
  local logs="$1"
  shift
  # shellcheck disable=SC2086
  seconds java -Xmx4g $spark_opts -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit --master 'local[2]' \
      --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
      --conf spark.log.level=WARN \
      --class org.campaignrl.boot.spark.SparkIngest "$jar" --db "jdbc:h2:file:$work/spark-db/rl" --data-dir "$logs" "$@"
}

printf '%-5s %-6s %-10s %-10s %-8s %s\n' scale round csv_s spark_s ratio "load (1, 5, 15 min) before the round"
for scale in ${SCALES-1 10}; do
  logs="$work/logs-${scale}x"
  if [[ ! -f "$logs/sent_emails.csv" ]]; then
    "$here/campaign-rl" generate --out "$logs" --customers $((500000 * scale)) --seed 42 >/dev/null
  fi
  for round in $(seq 1 "$rounds"); do
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    csv="$(csv_ingest "$logs")"
    spark="$(spark_ingest "$logs")"
    printf '%-5s %-6s %-10s %-10s %-8s %s\n' "${scale}x" "$round" "$csv" "$spark" \
        "$(awk -v s="$spark" -v c="$csv" 'BEGIN { printf "%.1f", s / c }')" "$load"
  done
  wc -l "$logs"/*.csv | sed 's/^/  /'
done

# A CSV log is one task per file: the 1x sends cut into PARTS part files (each with the header), in a folder, against
# the one file, alternated. SCALES="" runs only this.
parts="${PARTS:-2}"
logs="$work/logs-1x"
if [[ -f "$logs/sent_emails.csv" && "$parts" -gt 1 ]]; then
  folder="$work/sent_emails-${parts}-parts"
  if [[ ! -d "$folder" ]]; then
    mkdir -p "$folder"
    tail -n +2 "$logs/sent_emails.csv" > "$folder/body"
    split -n "l/$parts" -d "$folder/body" "$folder/body-" && rm "$folder/body"
    for body in "$folder"/body-*; do
      { head -n 1 "$logs/sent_emails.csv"; cat "$body"; } > "$folder/part-${body##*-}.csv" && rm "$body"
    done
  fi
  printf '%-5s %-6s %-10s %-10s %s\n' sends round one_file_s "${parts}_parts_s" "load (1, 5, 15 min) before the round"
  for round in $(seq 1 "$rounds"); do
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    one="$(spark_ingest "$logs")"
    many="$(spark_ingest "$logs" --sent "$folder")"
    printf '%-5s %-6s %-10s %-10s %s\n' 1x "$round" "$one" "$many" "$load"
  done
fi
