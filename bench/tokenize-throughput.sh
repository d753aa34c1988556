#!/usr/bin/env bash
# Tokenizations per second at 16 clients, side by side in one run:
#   before      — a jar you name (e.g. one built from an older commit), embedded H2
#   embedded    — war/target/cardvault.jar, embedded H2 (the default)
#   postgresql  — war/target/cardvault.jar, PostgreSQL (only when CARDVAULT_TEST_PG_URL is set)
# Each configuration: fresh data, start, 3 s warm-up, then `wrk -t2 -c16 -d<seconds>s` POSTing
# secret-key tokenizations of a standard test card; loopback only, bounded in time.
# Usage, from the repository root (needs wrk: apt-get install -y wrk):
#   bench/tokenize-throughput.sh [--before path/to/old-cardvault.jar] [--seconds 10] [--reset-pg]
# --reset-pg empties the PostgreSQL database named by CARDVAULT_TEST_PG_URL first (drop schema
# public cascade), since a database made under another master key refuses to start; use a
# database kept for benchmarks only.
# Not a test: numbers depend on the machine; docs/operations.md records one run.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=""; SECONDS_RUN=10; RESET_PG=0
while [ $# -gt 0 ]; do
  case "$1" in
    --before) BEFORE="$2"; shift 2 ;;
    --seconds) SECONDS_RUN="$2"; shift 2 ;;
    --reset-pg) RESET_PG=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$SECONDS_RUN" -le 60 ] || { echo "at most 60 s per configuration" >&2; exit 2; }
JAR_NOW="$(pwd)/war/target/cardvault.jar"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
ADMIN="bench-admin-$RANDOM$RANDOM"
MASTER="$(head -c32 /dev/urandom | base64)"
PORT=18480
RESULTS=()

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

run() { # name jar db-url(optional)
  local name="$1" jar="$2" url="${3:-}" port pid log sk
  port="$(free_port)"; log="$WORK/$name.log"
  mkdir -p "$WORK/$name"
  (
    cd "$WORK/$name"
    env -i PATH="$PATH" HOME="$WORK" \
      CARDVAULT_DATA_DIR="$WORK/$name/data" CARDVAULT_DEMO=false \
      CARDVAULT_MASTER_KEY="$MASTER" CARDVAULT_ADMIN_KEY="$ADMIN" \
      CARDVAULT_RATELIMIT_TOKENIZE_SECRET_PER_KEY=0 \
      ${url:+CARDVAULT_DB_URL="$url" CARDVAULT_DB_USER="${CARDVAULT_TEST_PG_USER:-cardvault}" CARDVAULT_DB_PASSWORD="${CARDVAULT_TEST_PG_PASSWORD:-cardvault}"} \
      java -jar "$jar" --port "$port" > "$log" 2>&1 &
    echo $! > "$WORK/$name.pid"
  )
  pid="$(cat "$WORK/$name.pid")"
  for _ in $(seq 480); do curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && break; sleep 1; done
  if ! sk="$(curl -sf -H 'content-type: application/json' -H "x-admin-key: $ADMIN" \
        -d '{"name":"Bench"}' "http://127.0.0.1:$port/api/v1/admin/tenants" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["secretKey"])')"; then
    RESULTS+=("$(printf '%-11s did not start within 480 s (see its log)' "$name")")
    echo "${RESULTS[-1]}"; kill "$pid" 2>/dev/null || true; return 0
  fi
  cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"number":"4111111111111111","expiryMonth":12,"expiryYear":2031,"cvc":"123"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-api-key"] = "$sk"
LUA
  wrk -t2 -c16 -d3s -s "$WORK/post.lua" "http://127.0.0.1:$port/api/v1/tokens" > /dev/null
  local out rps non2xx
  out="$(wrk -t2 -c16 -d"${SECONDS_RUN}s" --latency -s "$WORK/post.lua" "http://127.0.0.1:$port/api/v1/tokens")"
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  non2xx="$(echo "$out" | awk '/Non-2xx/ {print $5}')"
  RESULTS+=("$(printf '%-11s %10s tokenizations/s  p50 %-8s p99 %-8s non-2xx %s' "$name" "$rps" \
      "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" "${non2xx:-0}")")
  echo "${RESULTS[-1]}"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

if [ -n "$BEFORE" ]; then run before "$BEFORE"; fi
run embedded "$JAR_NOW"
if [ -n "${CARDVAULT_TEST_PG_URL:-}" ]; then
  case "$CARDVAULT_TEST_PG_URL" in jdbc:postgresql://127.0.0.1*|jdbc:postgresql://localhost*) ;; *) echo "loopback PostgreSQL only" >&2; exit 2 ;; esac
  if [ "$RESET_PG" = 1 ]; then
    PGPASSWORD="${CARDVAULT_TEST_PG_PASSWORD:-cardvault}" psql -q "${CARDVAULT_TEST_PG_URL#jdbc:}" \
      -U "${CARDVAULT_TEST_PG_USER:-cardvault}" -c 'drop schema public cascade; create schema public'
  fi
  run postgresql "$JAR_NOW" "$CARDVAULT_TEST_PG_URL"
fi
echo "16 clients (wrk -t2 -c16), ${SECONDS_RUN} s each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg):"
printf '%s\n' "${RESULTS[@]}"
