#!/usr/bin/env bash
# Profiles the report path (issue 14 regression): a fresh stack, one bench point, and a JFR recording (the JDK's
# flight recorder, 'profile' settings: execution samples every 10-20 ms, allocation samples, thread CPU) of each
# service and of the broker during the point, started with jcmd (no JVM option needed; TCC_SERVICE_JAVA_OPTS would
# also take -XX:StartFlightRecording=filename=<dir>/,settings=profile to record from start).
# Run from the repository root inside the build lock:
#   flock /tmp/tcc-mvn.lock docs/benchmarks/issue-14-regression/profile.sh <label> [rate]
# Then per recording: jfr print --events jdk.ExecutionSample <file>, or (JDK 21+) jfr view hot-methods <file>.
set -euo pipefail
label="$1"; rate="${2:-150}"
out=".tcc/prof-$label"
rm -rf "$out"; mkdir -p "$out"
./tcc down >/dev/null 2>&1 || true
rm -rf .tcc/kafka .tcc/postgres
cleanup() { ./tcc down >/dev/null 2>&1 || true; wait "$up" 2>/dev/null || true; }
trap cleanup EXIT
./tcc up > "$out/up.log" 2>&1 &
up=$!
for _ in $(seq 1 900); do
  grep -q '^ready' "$out/up.log" && break
  if ! kill -0 "$up" 2>/dev/null; then echo "tcc up exited: see $out/up.log" >&2; exit 1; fi
  sleep 1
done
grep -q '^ready' "$out/up.log" || { echo "stack not ready: see $out/up.log" >&2; exit 1; }
jcmd=/usr/lib/jvm/java-17-openjdk-amd64/bin/jcmd
( while ! grep -q '^point:' "$out/bench-output.txt" 2>/dev/null; do sleep 0.5; done
  sleep 8
  for svc in alert-ingestion consultation notification kafka; do
    pgid=$(awk -v s="$svc" '$1 == s {print $2}' .tcc/stack.pids)
    pid=$(pgrep -g "$pgid" java | head -1)
    "$jcmd" "$pid" JFR.start name=prof settings=profile duration=40s filename="$PWD/$out/$svc.jfr" >/dev/null
  done ) &
./tcc bench --rates "$rate" --seconds 60 --warmup-seconds 90 --salvos 0 --out "$out" 2>&1 | tee "$out/bench-output.txt"
