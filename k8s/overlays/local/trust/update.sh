#!/usr/bin/env sh
# Copies what the local overlay's alert-ingestion trusts (ConfigMap tcc-trust) from where the repository keeps it:
# the local sensors' public keys and the demo impact zones, both LOCAL-ONLY (their private halves and provenance:
# deploy/sensors, deploy/zones/generate.sh). kustomize reads files only below the overlay, hence copies; the
# deploy-check test fails when they differ from the originals. Production never uses these (docs/operations.md).
set -eu
cd "$(dirname "$0")"
resources=../../../../src/alert-ingestion/src/main/resources
cp "$resources/sensors/local-sensors.jwks.json" sensor-registry.jwks.json
cp "$resources/zones/default-zones.geojson" zones.geojson
echo "updated $(pwd)/sensor-registry.jwks.json and zones.geojson"
