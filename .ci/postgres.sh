#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests and prints the URL to
# use as KPI_TEST_POSTGRES. Usage:
#   eval "$(.ci/postgres.sh start)"     # exports KPI_TEST_POSTGRES, PGTEST_DIR
#   .ci/postgres.sh stop
# Installs Debian's postgresql package when it is missing (needs root and
# apt). The server runs as the postgres user on 127.0.0.1:${PGTEST_PORT:-55432}
# with trust authentication, its data in a temporary folder.
set -euo pipefail
port=${PGTEST_PORT:-55432}
case "${1:-start}" in
start)
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bindir" ]; then
    export DEBIAN_FRONTEND=noninteractive
    (apt-get update -qq && apt-get install -y -qq postgresql) >/dev/null 2>&1 || { echo "echo 'postgresql could not be installed' >&2"; exit 0; }
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  dir=$(mktemp -d /tmp/kpi-pg.XXXXXX)
  chown postgres "$dir"
  run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  run "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >/dev/null
  run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  run "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE kpi_test" >/dev/null
  echo "export PGTEST_DIR=$dir PGTEST_BIN=$bindir"
  echo "export KPI_TEST_POSTGRES='postgres://postgres@127.0.0.1:$port/kpi_test?sslmode=disable'"
  ;;
stop)
  [ -n "${PGTEST_DIR:-}" ] || exit 0
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$PGTEST_BIN/pg_ctl" -D "$PGTEST_DIR/data" -m fast stop >/dev/null || true
  else
    "$PGTEST_BIN/pg_ctl" -D "$PGTEST_DIR/data" -m fast stop >/dev/null || true
  fi
  rm -rf "$PGTEST_DIR"
  ;;
esac
