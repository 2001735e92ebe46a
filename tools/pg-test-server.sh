#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the shared-store tests and benchmarks.
#   tools/pg-test-server.sh start   create (first time) and start it; idempotent
#   tools/pg-test-server.sh stop    stop it (the data stays until 'destroy')
#   tools/pg-test-server.sh env     print the environment tests read (eval "$(... env)")
#   tools/pg-test-server.sh destroy stop it and remove its folder
# Runs initdb/pg_ctl as the 'postgres' OS user when started as root (no systemd),
# listens on 127.0.0.1 at a free port, under build/pg, or /tmp/territorial-pg-<id> when the
# postgres user cannot enter the checkout (TL_PG_DIR overrides).
# Tuned for tests only: fsync off — never keep real data in this cluster.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
default_dir() {
  # The server runs as the 'postgres' user, which cannot enter a checkout under a
  # private folder (a CI clone in a 0700 temp dir); then the cluster lives in /tmp,
  # one per checkout.
  if [ "$(id -u)" -ne 0 ] || runuser -u postgres -- test -x "$ROOT" 2>/dev/null; then
    echo "$ROOT/build/pg"
  else
    echo "/tmp/territorial-pg-$(printf '%s' "$ROOT" | md5sum | cut -c1-10)"
  fi
}
DIR="${TL_PG_DIR:-$(default_dir)}"
DATA="$DIR/data"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
ADMIN=tl_admin
DB=territorial_test

if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL server binaries not found: run tools/install-deps.sh (Debian package postgresql)" >&2
  exit 1
fi

as_pg() {  # run a command as the cluster's OS user
  # from / : the postgres user may not be allowed into the current directory
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port between 55432 and 55532" >&2
  exit 1
}

running() { [ -f "$DATA/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

init_cluster() {
  mkdir -p "$DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"
  as_pg mkdir -p "$DATA"
  head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$DIR/admin_password"
  chmod 644 "$DIR/admin_password"
  local pwfile
  pwfile="$(mktemp)"
  cp "$DIR/admin_password" "$pwfile"
  chmod 644 "$pwfile"
  as_pg "$BIN/initdb" -D "$DATA" -U "$ADMIN" --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
  rm -f "$pwfile"
  free_port > "$DIR/port"
  as_pg tee -a "$DATA/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $(cat "$DIR/port")
unix_socket_directories = '$DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
shared_buffers = 256MB
log_min_messages = warning
EOF
}

start() {
  [ -f "$DATA/PG_VERSION" ] || init_cluster
  if running; then return 0; fi
  local port
  port="$(cat "$DIR/port")"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then  # taken since: move
    port="$(free_port)"
    echo "$port" > "$DIR/port"
    as_pg sed -i "s/^port = .*/port = $port/" "$DATA/postgresql.conf"
  fi
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 start >/dev/null
  export PGPASSWORD
  PGPASSWORD="$(cat "$DIR/admin_password")"
  if ! "$BIN/psql" -h 127.0.0.1 -p "$port" -U "$ADMIN" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
    "$BIN/createdb" -h 127.0.0.1 -p "$port" -U "$ADMIN" "$DB"
  fi
}

stop() {
  if running; then as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; fi
}

print_env() {
  [ -f "$DIR/port" ] || { echo "no test server: run '$0 start' first" >&2; exit 1; }
  echo "export TL_PG_HOST=127.0.0.1"
  echo "export TL_PG_PORT=$(cat "$DIR/port")"
  echo "export TL_PG_DATABASE=$DB"
  echo "export TL_PG_USER=$ADMIN"
  echo "export TL_PG_PASSWORD=$(cat "$DIR/admin_password")"
  echo "export TL_PG_DIR=$DIR"
}

case "${1:-}" in
  start) start; print_env ;;
  stop) stop ;;
  env) print_env ;;
  destroy) stop; rm -rf "$DIR" ;;
  *) echo "usage: $0 start|stop|env|destroy" >&2; exit 2 ;;
esac
