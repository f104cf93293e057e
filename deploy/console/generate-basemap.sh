#!/usr/bin/env bash
# Regenerates the console's base map (src/console/src/main/resources/META-INF/resources/map/basemap.geojson) from
# Natural Earth's 1:50m Admin 0 countries, as the npm package world-atlas packages them (TopoJSON). Needs npm and a
# JDK; the build and the tests never run this: they read the committed file. Method and parameters:
# org.tcc.stack.zones.BaseMapGenerator, and the file's own "properties".
set -euo pipefail
cd "$(dirname "$0")/../.."

PACKAGE=world-atlas
VERSION=2.0.2
TARBALL_SHA256=032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97
OUT=src/console/src/main/resources/META-INF/resources/map/basemap.geojson

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
echo "$TARBALL_SHA256  $work/$PACKAGE-$VERSION.tgz" | sha256sum -c --quiet -
tar -xzf "$work/$PACKAGE-$VERSION.tgz" -C "$work"

if [ -z "${TCC_SKIP_BUILD:-}" ]; then ./mvnw -B -q -pl src/stack -am install -DskipTests; fi
java -cp "src/stack/target/tcc-stack-0.1.0-SNAPSHOT.jar:src/stack/target/lib/*" \
  org.tcc.stack.zones.BaseMapGenerator "$work/package/countries-50m.json" "$PACKAGE@$VERSION" "$OUT"
echo "wrote $OUT ($(wc -c < "$OUT") bytes)"
