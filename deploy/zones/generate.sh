#!/usr/bin/env bash
# Regenerates the impact zones the alert-ingestion service ships
# (src/alert-ingestion/src/main/resources/zones/default-zones.geojson) from Natural Earth's 1:10m Admin 0
# countries, as the npm package world-atlas packages them (TopoJSON). Needs npm and a JDK; the build and the tests
# never run this: they read the committed file. Method and parameters: org.tcc.stack.zones.ZoneGenerator, and the
# file's own "properties".
set -euo pipefail
cd "$(dirname "$0")/../.."

PACKAGE=world-atlas
VERSION=2.0.2
TARBALL_SHA256=032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97
OUT=src/alert-ingestion/src/main/resources/zones/default-zones.geojson

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
echo "$TARBALL_SHA256  $work/$PACKAGE-$VERSION.tgz" | sha256sum -c --quiet -
tar -xzf "$work/$PACKAGE-$VERSION.tgz" -C "$work"

./mvnw -B -q -pl src/stack -am install -DskipTests
java -Xmx4g -cp "src/stack/target/tcc-stack-0.1.0-SNAPSHOT.jar:src/stack/target/lib/*" \
  org.tcc.stack.zones.ZoneGenerator "$work/package/countries-10m.json" "$OUT"
echo "wrote $OUT ($(wc -c < "$OUT") bytes)"
k8s/overlays/local/trust/update.sh   # the local overlay's ConfigMap tcc-trust carries a copy
