#!/usr/bin/env bash
# The report-path regression (issue 14): the untraced benchmark of issue-14-tracing/run.sh, on a fresh stack, for one
# build of the services (label: before | after). Run from the repository root with nothing else running, inside the
# build lock, one label after the other:  flock /tmp/tcc-mvn.lock docs/benchmarks/issue-14-regression/run.sh before
# An optional second argument sets the warm-up in seconds (default 60, as in issue-14-tracing).
# At the end the CPU time of every thread of the three services is kept (threads.txt: JIT, Kafka clients, workers).
set -euo pipefail
label="$1"
warmup="${2:-60}"
out="docs/benchmarks/issue-14-regression/$label"
mkdir -p "$out"
./tcc down >/dev/null 2>&1 || true
rm -rf .tcc/kafka .tcc/postgres   # same starting point for both runs (Keycloak's realm is kept)
./tcc up > "$out/up.log" 2>&1 &
up=$!
cleanup() { ./tcc down >/dev/null 2>&1 || true; wait "$up" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 900); do
  grep -q '^ready' "$out/up.log" && break
  if ! kill -0 "$up" 2>/dev/null; then echo "tcc up exited: see $out/up.log" >&2; exit 1; fi
  sleep 1
done
grep -q '^ready' "$out/up.log" || { echo "stack not ready: see $out/up.log" >&2; exit 1; }
./tcc bench --rates 50,200 --seconds 30 --warmup-seconds "$warmup" --out "$out" 2>&1 | tee "$out/bench-output.txt"
for svc in alert-ingestion consultation notification; do
  pid=$(awk -v s="$svc" '$1 == s {print $2}' .tcc/stack.pids)
  echo "== $svc (up $(ps -o etime= -p "$pid"))"
  ps -L -o time=,comm= -p "$pid" | sort -r | head -25
done > "$out/threads.txt"
