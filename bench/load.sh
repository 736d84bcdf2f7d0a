#!/usr/bin/env bash
# The serving load benchmark (issue 5): builds kgrec, starts it as its own JVM on the Complete Journey demo data with
# a trained model, and runs io.kgrec.api.bench.LoadBenchmark against it on loopback: recommendations(first: 10) with
# reasons side by side with the naive pure-Cypher baseline, then interaction-to-visibility. Run on purpose, never in CI.
#
#   bench/load.sh [LoadBenchmark options, e.g. --seconds 30 --rounds 3 --clients 16]
#
# Environment: SKIP_BUILD=1 reuses the built jar and classpath; APP_JAVA_OPTS are the server JVM's flags (default
# -Xmx2g -XX:+ExitOnOutOfMemoryError, as the README starts it); HTTP_PORT and BOLT_PORT (default 18080, 17687); BENCH_DIR (default target/bench).
# The first run trains the demo model once (about 4 minutes) into $BENCH_DIR/data-trained; every run then starts
# from a fresh copy of it, so the audit log and the probe's purchases of one run never reach the next.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH_DIR=${BENCH_DIR:-$ROOT/target/bench}
HTTP_PORT=${HTTP_PORT:-18080}
BOLT_PORT=${BOLT_PORT:-17687}
APP_JAVA_OPTS=${APP_JAVA_OPTS:--Xmx2g -XX:+ExitOnOutOfMemoryError}
mkdir -p "$BENCH_DIR"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -DskipTests package
  mvn -B -q test-compile dependency:build-classpath -pl api -am -Dmdep.outputFile=target/bench.cp \
      -Dmdep.includeScope=test
fi
JAR=$ROOT/api/target/kgrec.jar
CP=$ROOT/api/target/test-classes:$ROOT/api/target/classes:$(cat "$ROOT/api/target/bench.cp")

# shellcheck source=bench/server.sh
source "$ROOT/bench/server.sh"
trap stop_app EXIT

if [[ ! -d "$BENCH_DIR/data-trained" ]]; then
  echo "first run: loading the demo data and training its model into $BENCH_DIR/data-trained"
  rm -rf "$BENCH_DIR/data-training"
  start_app "$BENCH_DIR/data-training" "$BENCH_DIR/train.log"
  await_log "$BENCH_DIR/train.log" "model 1 serves" 1200
  stop_app
  mv "$BENCH_DIR/data-training" "$BENCH_DIR/data-trained"
fi

fresh_copy "$BENCH_DIR/data-trained" "$BENCH_DIR/data-run"
start_app "$BENCH_DIR/data-run" "$BENCH_DIR/serve.log"
await_log "$BENCH_DIR/serve.log" "Started KgrecMain" 300
await_ready 300 "$BENCH_DIR/serve.log"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1), server JVM flags: $APP_JAVA_OPTS, git $(git rev-parse --short HEAD)"
java -Xmx512m -cp "$CP" io.kgrec.api.bench.LoadBenchmark --url "http://127.0.0.1:$HTTP_PORT/graphql" \
  --bolt "bolt://127.0.0.1:$BOLT_PORT" --pid "$APP_PID" --write-customers "$BENCH_DIR/customers.txt" "$@"
# Heap the server still uses after a full collection, with whatever the run left in its caches.
jcmd "$APP_PID" GC.run >/dev/null && jcmd "$APP_PID" GC.heap_info | grep -m1 -o 'total [0-9]*K, used [0-9]*K' \
  | sed 's/^/server heap after a full GC: /' || true
stop_app
# The served-list cache's figures are the server's last words (ServedListCache, on shutdown).
grep -o 'served-list cache:.*' "$BENCH_DIR/serve.log" || true
