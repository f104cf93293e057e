#!/usr/bin/env bash
# Trilateral Crisis Coordination: the whole system on one machine, no Docker.
#   ./tcc up        build what is needed, start Kafka, PostgreSQL, Keycloak and the three services (Ctrl-C stops)
#   ./tcc down      stop a running stack
#   ./tcc status    show which parts are up
set -euo pipefail
cd "$(dirname "$0")"

java_major() {
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}
if ! command -v java >/dev/null 2>&1; then
  echo "tcc: no 'java' on the PATH: install a JDK 17 or newer" >&2; exit 2
fi
major="$(java_major)"
if [ -z "$major" ] || [ "$major" -lt 17 ]; then
  echo "tcc: Java 17 or newer is needed; 'java' here is version ${major:-unknown} (set JAVA_HOME/PATH to a newer JDK)" >&2
  exit 2
fi

KEYCLOAK_VERSION=26.7.3
LOCAL_REPO="${TCC_MAVEN_REPO:-$HOME/.m2/repository}"
KEYCLOAK_ZIP="$LOCAL_REPO/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
STACK_JAR="src/stack/target/tcc-stack-0.1.0-SNAPSHOT.jar"

needs_build() {
  local marker=".tcc/build.stamp"
  [ -f "$marker" ] || return 0
  [ -f "$STACK_JAR" ] || return 0
  for svc in alert-ingestion consultation notification console; do
    [ -f "src/$svc/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -z "$(find pom.xml src deploy -newer "$marker" -type f -not -path '*/target/*' -print -quit)" ] && return 1
  return 0
}

build() {
  mkdir -p .tcc
  if [ ! -f "$KEYCLOAK_ZIP" ]; then
    echo "[tcc] first build: Maven downloads Keycloak $KEYCLOAK_VERSION (about 180 MB) once, and the project's dependencies"
  fi
  echo "[tcc] building the services (./mvnw -B -q -DskipTests install) ..."
  ./mvnw -B -q -DskipTests install
  touch .tcc/build.stamp
}

cmd="${1:-help}"
case "$cmd" in
  up)
    if needs_build; then build; else echo "[tcc] build is up to date"; fi
    ;;
esac

if [ ! -f "$STACK_JAR" ]; then
  echo "tcc: the launcher is not built yet: run ./tcc up first" >&2; exit 2
fi
exec java -Dtcc.keycloak.zip="$KEYCLOAK_ZIP" -cp "$STACK_JAR:src/stack/target/lib/*" org.tcc.stack.Tcc "$@"
