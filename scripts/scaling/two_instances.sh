#!/usr/bin/env bash
# Stateless app instances, proved: two `cchc serve` on one PostgreSQL database behind nginx (round robin), all on
# loopback; then scripts/scaling/test_two_instances.py signs in through nginx and uses the same session cookie on each
# instance directly, saves a report through one instance and reads it back through the other.
#
#   bash scripts/scaling/two_instances.sh BIN PG_URL
#
# BIN: the cchc executable. PG_URL: postgres://user@host:port/any_db?… on the server to use; the database
# cchc_scaling is dropped and created there. Ports: CCHC_SCALING_PORT (18700) for nginx, the next two for the
# instances. Installs Debian's nginx if missing. Exits non-zero on any failure; stops everything it started.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 BIN PG_URL" >&2
  exit 2
fi
BIN=$(readlink -f "$1")
PG_URL=$2
HERE=$(cd "$(dirname "$0")" && pwd)
[ -x "$BIN" ] || { echo "not an executable: $BIN" >&2; exit 2; }
PROXY_PORT=${CCHC_SCALING_PORT:-18700}
PORT_A=$((PROXY_PORT + 1))
PORT_B=$((PROXY_PORT + 2))

NGINX=$(command -v nginx || true)
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
if [ -z "$NGINX" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nginx >/dev/null
  NGINX=/usr/sbin/nginx
fi

for port in "$PROXY_PORT" "$PORT_A" "$PORT_B"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use: stop whatever listens there first (or set CCHC_SCALING_PORT)" >&2
    exit 1
  fi
done

WORK=$(mktemp -d /tmp/cchc-scaling.XXXXXX)
PIDS=()
cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ $status -ne 0 ]; then
    for log in a.log b.log nginx-error.log; do
      [ -f "$WORK/$log" ] && { echo "--- $WORK/$log (last lines)" >&2; tail -n 20 "$WORK/$log" >&2; }
    done
  fi
  exit $status
}
trap cleanup EXIT

# A fresh database on the same server: .../whatever?opts -> .../cchc_scaling?opts
DB_URL=$(printf '%s' "$PG_URL" | sed -E 's#^(postgres(ql)?://[^/]*)/[^?]*#\1/cchc_scaling#')
PGOPTIONS='--client-min-messages=warning' psql "$PG_URL" -q -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS cchc_scaling" -c "CREATE DATABASE cchc_scaling" >/dev/null

wait_login() {
  local port=$1 pid=$2 label=$3
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || { echo "instance $label exited during its start" >&2; return 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login")" = 200 ] && return 0
    sleep 0.5
  done
  echo "instance $label did not answer /login in 120 s" >&2
  return 1
}

# The first instance migrates and loads the demo into the empty database. The second starts only once the first
# answers: two instances migrating one empty database at once race on CREATE TABLE and the loser exits
# (docs/SCALING.md); on a migrated database the second migrates nothing and loads no demo. Only the first runs the
# reminder job: two jobs at once insert the same reminders and one of them fails (docs/SCALING.md).
(cd "$WORK" && DATABASE_URL="$DB_URL" CCHC_HOST=127.0.0.1 CCHC_PORT=$PORT_A exec "$BIN" serve > "$WORK/a.log" 2>&1) &
PIDS+=($!)
wait_login "$PORT_A" "${PIDS[0]}" A
(cd "$WORK" && DATABASE_URL="$DB_URL" CCHC_HOST=127.0.0.1 CCHC_PORT=$PORT_B CCHC_REMINDERS=off exec "$BIN" serve > "$WORK/b.log" 2>&1) &
PIDS+=($!)
wait_login "$PORT_B" "${PIDS[1]}" B

mkdir -m 1777 "$WORK/nginx-tmp"
cat > "$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 256; }
http {
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    log_format upstream '\$request_method \$uri \$status \$upstream_addr';
    access_log $WORK/nginx-access.log upstream;
    client_max_body_size 10m;
    upstream cchc { server 127.0.0.1:$PORT_A; server 127.0.0.1:$PORT_B; }
    server {
        listen 127.0.0.1:$PROXY_PORT;
        location / {
            proxy_pass http://cchc;
            # \$http_host keeps the port, which the CSRF Origin check compares (\$host would drop it)
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" -g 'daemon off;' &
PIDS+=($!)
for _ in $(seq 1 50); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PROXY_PORT/login")" = 200 ] && break
  sleep 0.2
done

python3 -m pytest -q -p no:cacheprovider "$HERE/test_two_instances.py" \
  --proxy "http://127.0.0.1:$PROXY_PORT" --instance "http://127.0.0.1:$PORT_A" --instance "http://127.0.0.1:$PORT_B" \
  --nginx-log "$WORK/nginx-access.log" --database-url "$DB_URL"

for label in A B; do
  pid=${PIDS[0]}; [ $label = B ] && pid=${PIDS[1]}
  kill -0 "$pid" 2>/dev/null || { echo "instance $label died during the checks" >&2; exit 1; }
done
if grep -E '^[^ ]+ (error|critical) ' "$WORK/a.log" "$WORK/b.log" >&2; then
  echo "an instance logged an error during the checks (above)" >&2
  exit 1
fi
echo "two instances behind nginx: one session and one report's values on either (logs in $WORK)"
