#!/usr/bin/env bash
# Where enrich-service's CPU goes in the end-to-end bench: runs ./newsroom bench with the given options, records
# enrich-service with JFR (the "profile" settings, stacks 256 deep) over the throughput phase, and prints the shares
# by part of its work (org.newsroom.bench.JfrShares; docs/benchmarks.md). Not a test: a profile of one run.
#   ./newsroom enrich-profile [bench options]
#   ./newsroom enrich-profile --articles=20000 --warmup=2000 --loads=100 --duration=20 --ceiling-docs=5000
# The bench's own report goes to target/enrich-profile/bench.log, the recording to target/enrich-profile/enrich.jfr.
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
OUT="$ROOT/target/enrich-profile"
BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"
mkdir -p "$OUT"
rm -f "$OUT/enrich.jfr"

bash "$ROOT/scripts/bench.sh" "$@" > "$OUT/bench.log" 2>&1 &
BENCH=$!
trap 'kill "$BENCH" 2> /dev/null || true' EXIT # Ctrl-C stops the bench too (its stack stops with it)
echo "[enrich-profile] bench running (log: $OUT/bench.log); recording starts with its throughput phase"
phase() {
  until grep -qE "$1" "$OUT/bench.log"; do
    kill -0 "$BENCH" 2>/dev/null || { tail -n 5 "$OUT/bench.log"; echo "[enrich-profile] the bench stopped" >&2; exit 1; }
    sleep 0.5
  done
}
phase '\[bench\] throughput'
# The pid the bench's stack wrote when it started its enrich-service (BenchStack: target/bench-run/run).
PID="$(cat "$ROOT/target/bench-run/run/enrich-service.pid" 2> /dev/null || true)"
[ -n "$PID" ] || { echo "[enrich-profile] the bench's enrich-service wrote no pid" >&2; exit 1; }
"${BIN}jcmd" "$PID" JFR.configure stackdepth=256 > /dev/null
"${BIN}jcmd" "$PID" JFR.start name=enrich-profile settings=profile filename="$OUT/enrich.jfr" > /dev/null
echo "[enrich-profile] recording enrich-service (pid $PID) over the throughput phase"
phase '\[bench\] (latency @|ceiling)'
"${BIN}jcmd" "$PID" JFR.stop name=enrich-profile > /dev/null
echo "[enrich-profile] recorded ($(du -h "$OUT/enrich.jfr" | cut -f1)); waiting for the bench to finish"
wait "$BENCH" || { tail -n 5 "$OUT/bench.log"; exit 1; }
# The bench's CPU per article of enrich-service: all, work, JIT compiler, collector (its throughput-phase table).
grep -E '^\| enrich-service \| [0-9.]+ ms \|' "$OUT/bench.log" | head -n 1 \
  | sed 's/^/[enrich-profile] CPU per article (all, work, JIT compiler, collector): /' || true
JAR="$(ls "$ROOT"/bench/target/bench-*.jar | head -n 1)"
"${BIN}java" -cp "$JAR:$(cat "$ROOT/bench/target/classpath.txt")" org.newsroom.bench.JfrShares "$OUT/enrich.jfr"
