#!/usr/bin/env bash
# Tracing overhead (issue 14): the same benchmark on a fresh stack with the OTLP exporter on (every span of every
# service exported to a local OTLP/HTTP receiver, otlp-sink.py) and off (no endpoint: the SDK is disabled, the trace
# context still travels on rows and records). Run from the repository root with nothing else running, e.g. inside the
# build lock:  flock /tmp/tcc-mvn.lock docs/benchmarks/issue-14-tracing/run.sh traced
#              flock /tmp/tcc-mvn.lock docs/benchmarks/issue-14-tracing/run.sh untraced
set -euo pipefail
variant="$1"                      # traced | untraced
here="docs/benchmarks/issue-14-tracing"
out="$here/$variant"
mkdir -p "$out"
./tcc down >/dev/null 2>&1 || true
rm -rf .tcc/kafka .tcc/postgres   # same starting point for both runs (Keycloak's realm is kept)
sink=""
if [ "$variant" = traced ]; then
  python3 "$here/otlp-sink.py" 127.0.0.1:4318 "$out/otlp-sink.json" &
  sink=$!
  export TCC_OTLP_ENDPOINT=http://127.0.0.1:4318 TCC_OTLP_PROTOCOL=http/protobuf
fi
cleanup() {
  ./tcc down >/dev/null 2>&1 || true
  if [ -n "$sink" ]; then kill "$sink" 2>/dev/null || true; fi
}
trap cleanup EXIT
./tcc up > "$out/up.log" 2>&1 &
for _ in $(seq 1 600); do
  grep -q '^ready' "$out/up.log" && break
  if ! kill -0 $! 2>/dev/null; then echo "tcc up exited: see $out/up.log" >&2; exit 1; fi
  sleep 1
done
grep -q '^ready' "$out/up.log" || { echo "stack not ready: see $out/up.log" >&2; exit 1; }
# the services' environment, as they run (proof of the variant)
for svc in alert-ingestion consultation notification; do
  pid=$(awk -v s="$svc" '$1 == s {print $2}' .tcc/stack.pids)
  printf '%s: %s\n' "$svc" "$(tr '\0' '\n' < /proc/"$pid"/environ | grep -E '^TCC_OTLP' | tr '\n' ' ')"
done > "$out/otlp-env.txt"
./tcc bench --rates 50,200 --seconds 30 --warmup-seconds 60 --out "$out" 2>&1 | tee "$out/bench-output.txt"
sleep 6   # the sink writes its counts every 5 s
