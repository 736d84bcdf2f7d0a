#!/usr/bin/env bash
# The first purchase after a read-only warm-up (issue 5), probed on its own: starts kgrec on a fresh copy of the
# trained demo data that bench/load.sh keeps ($BENCH_DIR/data-trained; run bench/load.sh once first), waits for
# GET /ready, sends 30 s of recommendations at 150 requests/s, optionally sends purchases of scratch customers, and then
# runs the interaction-to-visibility probe for a few customers. Prints the probe's figures; the first probe (#0) is the
# first real purchase the service sees. Run on purpose, never in CI; one start per run, and the figures of single runs
# scatter widely, so compare alternating runs.
#
#   bench/first-purchase.sh <tag> [server JVM flags...]
#
# Environment: WARM=n sends n purchases of scratch customers (99900–99904) right before the probe, SETTLE=s waits s
# seconds after them; PROBES (default 6); JAR (default api/target/kgrec.jar); ASYNC_PROFILER=<folder with bin/asprof
# and lib/libasyncProfiler.so> with PROFILE=cpu|wall records the probe (JFR output, $BENCH_DIR/first-<tag>.jfr);
# BENCH_DIR (default target/bench); HTTP_PORT and BOLT_PORT as for bench/load.sh (default 18080, 17687).
# Logs go to $BENCH_DIR/first-<tag>.*; the server log holds -XX:+PrintCompilation
# output if that flag is given, and first-<tag>.uptime the JVM's uptime just before and after the probe.
set -euo pipefail
cd "$(dirname "$0")/.."
TAG=$1; shift
BENCH_DIR=${BENCH_DIR:-$PWD/target/bench}
HTTP_PORT=${HTTP_PORT:-18080}
BOLT_PORT=${BOLT_PORT:-17687}
OUT=$BENCH_DIR/first-$TAG
[[ -d "$BENCH_DIR/data-trained" ]] || { echo "no $BENCH_DIR/data-trained: run bench/load.sh once first" >&2; exit 1; }
CP=$PWD/api/target/test-classes:$PWD/api/target/classes:$(cat api/target/bench.cp)
JAR=${JAR:-$PWD/api/target/kgrec.jar}
APP_JAVA_OPTS="-Xmx2g -XX:+ExitOnOutOfMemoryError $*"
# shellcheck source=bench/server.sh
source bench/server.sh
fresh_copy "$BENCH_DIR/data-trained" "$BENCH_DIR/data-first"
trap stop_app EXIT
start_app "$BENCH_DIR/data-first" "$OUT.serve.log"
await_ready 300 "$OUT.serve.log"
PID=$APP_PID
LB="java -Xmx512m -cp $CP io.kgrec.api.bench.LoadBenchmark --url http://127.0.0.1:$HTTP_PORT/graphql
    --bolt bolt://127.0.0.1:$BOLT_PORT --pid $PID --workloads recommendations"
$LB --rounds 1 --warmup 20 --seconds 10 --rate 150 --visibility 0 --write-customers "$OUT.customers" \
  >"$OUT.reads.log" 2>&1
if [[ -n "${WARM:-}" ]]; then
  python3 bench/scratch-purchases.py "http://127.0.0.1:$HTTP_PORT/graphql" "$OUT.customers" "$WARM"
  sleep "${SETTLE:-0}"
fi
jcmd $PID VM.uptime >"$OUT.uptime" 2>&1 || true
if [[ -n "${PROFILE:-}" ]]; then
  "$ASYNC_PROFILER/bin/asprof" start -t -e "$PROFILE" -i "${INTERVAL:-200us}" -o jfr -f "$OUT.jfr" $PID
fi
$LB --rounds 0 --visibility "${PROBES:-6}" >"$OUT.probe.log" 2>&1
jcmd $PID VM.uptime >>"$OUT.uptime" 2>&1 || true
if [[ -n "${PROFILE:-}" ]]; then
  "$ASYNC_PROFILER/bin/asprof" stop $PID >/dev/null
fi
grep -E "^\| (recordInteraction|next|mutation)|slowest" "$OUT.probe.log"
