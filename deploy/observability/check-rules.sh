#!/usr/bin/env bash
# Checks the operations centre's Prometheus rules and dashboard with the real promtool (Debian package
# `prometheus`; .ci/run installs it when missing):
#   1. promtool check rules on the plain rules file;
#   2. promtool test rules on its unit tests (alerts fire when they should, stay quiet otherwise);
#   3. the PrometheusRule manifest in k8s/components/observability carries exactly the plain file's groups;
#   4. every query of the Grafana dashboard parses as PromQL (promtool check rules on them as recording rules);
#   5. the local stack's scrape configuration (prometheus-local.yml) is valid.
# `check-rules.sh --write` regenerates the PrometheusRule from the plain file instead of comparing.
set -euo pipefail
cd "$(dirname "$0")/../.."

rules=deploy/observability/prometheus/tcc-rules.yml
tests=deploy/observability/prometheus/tcc-rules.test.yml
manifest=k8s/components/observability/tcc-prometheusrule.yaml
dashboard=deploy/observability/grafana/tcc-operations.json

command -v promtool >/dev/null || { echo "promtool not found (apt-get install -y prometheus)" >&2; exit 2; }

render() {
  cat <<'HEAD'
# GENERATED from deploy/observability/prometheus/tcc-rules.yml by deploy/observability/check-rules.sh --write:
# edit the plain file, then regenerate. For the Prometheus Operator (kube-prometheus-stack selects rules by label).
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: tcc-operations
  labels:
    app.kubernetes.io/part-of: tcc
    app.kubernetes.io/component: observability
spec:
HEAD
  sed -n '/^groups:/,$p' "$rules" | sed 's/^/  /'
}

if [ "${1:-}" = "--write" ]; then
  mkdir -p "$(dirname "$manifest")"
  render > "$manifest"
  echo "wrote $manifest"
  exit 0
fi

promtool check rules "$rules"
promtool check config deploy/observability/prometheus/prometheus-local.yml
(cd "$(dirname "$tests")" && promtool test rules "$(basename "$tests")")

if ! diff -u <(render) "$manifest"; then
  echo "$manifest is not the PrometheusRule of $rules: run deploy/observability/check-rules.sh --write" >&2
  exit 1
fi
echo "  SUCCESS: $manifest carries the groups of $rules"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{
  echo "groups:"
  echo "  - name: dashboard-queries"
  echo "    rules:"
  n=0
  # each "expr" of the dashboard, Grafana's variables replaced by what Prometheus would see
  grep -o '"expr": "\([^"\\]\|\\.\)*"' "$dashboard" | sed -e 's/^"expr": "//' -e 's/"$//' -e 's/\\"/"/g' \
    -e 's/\$__rate_interval/5m/g' -e 's/\$job/.*/g' | while IFS= read -r expr; do
      n=$((n + 1))
      printf '      - record: dashboard:query_%d\n        expr: %s\n' "$n" "'${expr//\'/\'\'}'"
    done
} > "$work/dashboard-rules.yml"
count=$(grep -c 'record:' "$work/dashboard-rules.yml" || true)
[ "$count" -gt 0 ] || { echo "no query found in $dashboard" >&2; exit 1; }
promtool check rules "$work/dashboard-rules.yml" >/dev/null
echo "  SUCCESS: the $count queries of $dashboard parse"
