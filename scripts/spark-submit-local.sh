#!/usr/bin/env bash
# Ingests the three logs with Apache Spark into the registry database, for users with a Spark 4 distribution
# (spark-submit on PATH, or SPARK_HOME set): the jar adapters-spark/target/campaign-rl-spark.jar, built by
# mvn -B -q -DskipTests package. `./campaign-rl serve --db` on the same database then serves the new dataset.
# Usage: scripts/spark-submit-local.sh --db JDBC_URL --data-dir DIR [SparkIngest options]
#        SPARK_MASTER=yarn scripts/spark-submit-local.sh --db … --sent hdfs://nn/logs/sent --responded … --customers …
# SPARK_MASTER defaults to local[*]; SPARK_SUBMIT_OPTS-style extras go in SPARK_OPTIONS (e.g. "--driver-memory 4g").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/adapters-spark/target/campaign-rl-spark.jar"
if [[ ! -f "$jar" ]]; then
  echo "spark-submit-local: $jar is missing; build it first with: mvn -B -q -DskipTests package" >&2
  exit 1
fi
submit="spark-submit"
if [[ -n "${SPARK_HOME:-}" ]]; then
  submit="$SPARK_HOME/bin/spark-submit"
elif ! command -v spark-submit >/dev/null; then
  echo "spark-submit-local: no spark-submit on PATH and no SPARK_HOME: install a Spark 4 distribution" >&2
  exit 1
fi
# shellcheck disable=SC2086
exec "$submit" --master "${SPARK_MASTER:-local[*]}" ${SPARK_OPTIONS:-} \
    --class org.campaignrl.boot.spark.SparkIngest "$jar" "$@"
