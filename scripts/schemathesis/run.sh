#!/usr/bin/env bash
# Fuzzes every operation of the CCHC API against its own OpenAPI document (schemathesis 4.x) and
# fails on any server error or any difference between what the server does and what the document says.
#
# usage: scripts/schemathesis/run.sh [extra `st run` options for run 1, e.g. --include-path-regex '/units']
#
#   BASE_URL       server to test (default http://127.0.0.1:18600); the document is $BASE_URL/api/v1/openapi.json
#   CCHC_BIN       optional: a cchc binary. run.sh then starts it on a fresh SQLite database (demo loaded) at
#                  BASE_URL's port and stops it at the end. Recommended: the run writes data, locks accounts
#                  and trips the login throttle, so a second run on the same database is not comparable.
#   CCHC_USER, CCHC_PASSWORD   the account of the run (default thachha.noivu / cchc-demo: standing officer of a district)
#   MAX_EXAMPLES   examples per operation and phase (default 25)   SEED (default 1)   WORKERS (default 1)
#   REPORT_DIR     JUnit + NDJSON reports and the console logs (default scripts/schemathesis/report)
#   SCHEMA         optional: test this document (file or URL) instead of the served one, e.g. a candidate
#                  openapi.json, before the server is rebuilt with it
#   CCHC_STRICT_RESPONSES=0    leave out the check response_fields_documented (hooks.py): accept response
#                  fields the document does not describe
#
# Checks: not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
# positive_data_acceptance and negative_data_rejection (accepted statuses in schemathesis.toml), and
# response_fields_documented (hooks.py). stats.py summarises the statuses per operation from the NDJSON.
#
# Exit status: 0 when every check passed for every case; 1 on any failure; 2 when the run could not start.
#
# Two schemathesis runs:
#   1. every operation except DELETE /api/v1/auth/token, with the run's token;
#   2. DELETE /api/v1/auth/token alone, with a second, throw-away token of the same account (the first
#      case revokes it: 204; the others must then get the documented 401). Revoking the main token
#      would turn the rest of run 1 into 401s.
# POST /api/v1/auth/token is fuzzed like the rest: wrong passwords lead to 401, then 429 with
# Retry-After once the account or the address is throttled; both tokens are taken before that.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE_URL="${BASE_URL:-http://127.0.0.1:18600}"
BASE_URL="${BASE_URL%/}"
CCHC_USER="${CCHC_USER:-thachha.noivu}"
CCHC_PASSWORD="${CCHC_PASSWORD:-cchc-demo}"
MAX_EXAMPLES="${MAX_EXAMPLES:-25}"
SEED="${SEED:-1}"
WORKERS="${WORKERS:-1}"
REPORT_DIR="${REPORT_DIR:-$HERE/report}"
SERVED_SCHEMA="$BASE_URL/api/v1/openapi.json"
SCHEMA="${SCHEMA:-$SERVED_SCHEMA}"
CHECKS="not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,positive_data_acceptance,negative_data_rejection,response_fields_documented"
REVOKE_OP="DELETE /api/v1/auth/token"
[ "${CCHC_STRICT_RESPONSES:-1}" = 0 ] && CHECKS="${CHECKS%,response_fields_documented}"

command -v st >/dev/null 2>&1 || { echo "run.sh: schemathesis (st) not found: pip install 'schemathesis>=4,<5'" >&2; exit 2; }
mkdir -p "$REPORT_DIR"

SERVER_PID=""
SERVER_DIR=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
    if [ -n "$SERVER_DIR" ]; then rm -rf "$SERVER_DIR"; fi
}
trap cleanup EXIT

if [ -n "${CCHC_BIN:-}" ]; then
    PORT="$(python3 -c 'import sys,urllib.parse as u; print(u.urlparse(sys.argv[1]).port or 80)' "$BASE_URL")"
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/login")" != 000 ]; then
        echo "run.sh: something already answers at $BASE_URL; choose a free port for CCHC_BIN" >&2; exit 2
    fi
    SERVER_DIR="$(mktemp -d)"
    echo "run.sh: starting $CCHC_BIN on a fresh database ($SERVER_DIR), port $PORT"
    ( cd "$SERVER_DIR" && DATABASE_URL="sqlite://$SERVER_DIR/cchc.sqlite" CCHC_PORT="$PORT" \
        exec "$CCHC_BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$REPORT_DIR/server.log" 2>&1 ) &
    SERVER_PID=$!
fi

# Wait for the server (the demo loads in a few seconds).
for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/login")" = 200 ] && break
    if [ -n "$SERVER_PID" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "run.sh: the server exited; see $REPORT_DIR/server.log" >&2; exit 2
    fi
    sleep 1
done
if [ -n "$SERVER_PID" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "run.sh: the server exited; see $REPORT_DIR/server.log" >&2; exit 2
fi
[ "$(curl -s -o /dev/null -w '%{http_code}' "$SERVED_SCHEMA")" = 200 ] || { echo "run.sh: $SERVED_SCHEMA is not answering 200" >&2; exit 2; }

token() {
    local body
    body="$(curl -s -X POST "$BASE_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "$(python3 -c 'import json,sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2]}))' "$CCHC_USER" "$CCHC_PASSWORD")")"
    python3 -c 'import json,sys; print(json.loads(sys.argv[1])["token"])' "$body" 2>/dev/null \
        || { echo "run.sh: no token for $CCHC_USER: $body" >&2; echo "(429: the login throttle of an earlier run; use a fresh database, e.g. CCHC_BIN=...)" >&2; return 1; }
}
TOKEN="$(token)" || exit 2
REVOKE_TOKEN="$(token)" || exit 2

export PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}"
export CCHC_ST_CACHE="$REPORT_DIR/st-cache"   # schemathesis.toml [cache]: never ./.schemathesis in the repository
export SCHEMATHESIS_HOOKS=hooks

# The document's server is "/": requests go to BASE_URL whichever document is tested.
common=(--url "$BASE_URL/" --seed "$SEED" --max-examples "$MAX_EXAMPLES" --workers "$WORKERS" --checks "$CHECKS"
        --continue-on-failure --generation-database none --request-timeout 60
        --report junit,ndjson --report-dir "$REPORT_DIR" --no-color --output-truncate false)

echo "run.sh: $SCHEMA against $BASE_URL as $CCHC_USER, seed $SEED, $MAX_EXAMPLES examples per operation and phase"
CCHC_BASE_URL="$BASE_URL" CCHC_TOKEN="$TOKEN" st --config-file "$HERE/schemathesis.toml" run "$SCHEMA" "${common[@]}" \
    -H "Authorization: Bearer $TOKEN" --exclude-name "$REVOKE_OP" \
    --report-junit-path "$REPORT_DIR/junit-operations.xml" --report-ndjson-path "$REPORT_DIR/operations.ndjson" \
    "$@" 2>&1 | tee "$REPORT_DIR/operations.log"
status_main=${PIPESTATUS[0]}

# The server must have survived, and the account must still be usable: a run that locked itself out
# would have tested only 401s.
me="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE_URL/api/v1/me")"
status_token=0
if [ "$me" = 000 ]; then
    echo "run.sh: the server stopped answering during the run (a crash?)${SERVER_PID:+; see $REPORT_DIR/server.log}" >&2
    status_token=1
elif [ "$me" != 200 ]; then
    echo "run.sh: after the run GET /api/v1/me with the run's token answers $me (the run revoked or locked its own account)" >&2
    status_token=1
fi

st --config-file "$HERE/schemathesis.toml" run "$SCHEMA" "${common[@]}" \
    -H "Authorization: Bearer $REVOKE_TOKEN" --include-name "$REVOKE_OP" \
    --report-junit-path "$REPORT_DIR/junit-revoke.xml" --report-ndjson-path "$REPORT_DIR/revoke.ndjson" \
    2>&1 | tee "$REPORT_DIR/revoke.log"
status_revoke=${PIPESTATUS[0]}

cases() { grep -Eo '^ +[0-9]+ generated' "$1" | tail -1 | grep -Eo '[0-9]+' || echo 0; }
n_main="$(cases "$REPORT_DIR/operations.log")"
n_revoke="$(cases "$REPORT_DIR/revoke.log")"
echo
echo "run.sh: cases run: $((n_main + n_revoke)) ($n_main on all operations but $REVOKE_OP, $n_revoke on $REVOKE_OP)"
echo "run.sh: reports: $REPORT_DIR/junit-operations.xml, $REPORT_DIR/junit-revoke.xml (logs: operations.log, revoke.log)"
if [ "$status_main" -ne 0 ] || [ "$status_revoke" -ne 0 ] || [ "$status_token" -ne 0 ]; then
    echo "run.sh: FAILED (schemathesis: operations $status_main, revoke $status_revoke; server up and token valid after the run: $([ $status_token = 0 ] && echo yes || echo no))"
    exit 1
fi
echo "run.sh: OK — no server error, no mismatch with the document"
exit 0
