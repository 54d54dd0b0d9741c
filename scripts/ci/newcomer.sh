#!/usr/bin/env bash
# The README's first minute, as a newcomer runs it: a fresh clone in a temporary folder, no
# DATABASE_URL, `npm ci --omit=dev` (as the README says), `npm run dev`, sign in as the demo technician and read bill 291's critical
# records; then the same with `npm run build && npm start`. Fails on any step; prints the timings.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/cc-newcomer-XXXXXX)"
port="${NEWCOMER_PORT:-3390}"
base="http://localhost:${port}"
server_pid=""

cleanup() {
  [ -n "$server_pid" ] && kill -- "-$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
unset DATABASE_URL TEST_DATABASE_URL PGLITE_DIR

# Starts a command in its own process group (so every child can be stopped) with its output in a log.
start_server() {
  local log="$1"
  shift
  setsid bash -c "$*" >"$log" 2>&1 &
  server_pid=$!
}

stop_server() {
  kill -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# Polls until the demo technician can sign in and bill 291's endpoint 1 answers with critical
# reports; prints the seconds until the server first answered any request, then until the records.
sign_in_and_read() {
  local label="$1" log="$2" started="$3" deadline=$((SECONDS + 300)) first="" jar="$work/cookies"
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "newcomer: $label exited early"; tail -40 "$log"; return 1
    fi
    if [ -z "$first" ] && curl -fsS -o /dev/null "$base/login" 2>/dev/null; then first=$((SECONDS - started)); fi
    if [ -n "$first" ]; then
      local status
      status=$(curl -sS -o "$work/login.json" -w '%{http_code}' -c "$jar" -H "origin: $base" \
        -H 'content-type: application/json' -d '{"username":"tech","password":"demo1234"}' "$base/auth/login" || true)
      if [ "$status" = 200 ]; then
        curl -fsS -b "$jar" "$base/report/291/critical/records" -o "$work/records.json"
        local n
        n=$(node -e 'const r=require(process.argv[1]); if(!Array.isArray(r.reports)) process.exit(1); console.log(r.reports.length)' "$work/records.json")
        if [ "$n" -lt 1 ]; then echo "newcomer: $label: bill 291 has no critical reports for tech"; return 1; fi
        echo "newcomer: $label — first answer ${first}s, signed in and read bill 291 (${n} critical reports) at $((SECONDS - started))s"
        return 0
      fi
      if [ "$status" != 000 ] && [ "$status" != 503 ]; then
        echo "newcomer: $label: sign-in answered $status"; cat "$work/login.json"; echo; tail -40 "$log"; return 1
      fi
    fi
    sleep 1
  done
  echo "newcomer: $label did not answer within 300 s"; tail -40 "$log"; return 1
}

git clone -q "$repo" "$work/cc"
cd "$work/cc"
t0=$SECONDS
npm ci --omit=dev --loglevel=error >"$work/npm-ci.log" 2>&1 || { tail -40 "$work/npm-ci.log"; exit 1; }
echo "newcomer: npm ci --omit=dev took $((SECONDS - t0))s"

start_server "$work/dev.log" "PORT=$port npm run dev"
sign_in_and_read "npm run dev" "$work/dev.log" "$SECONDS"
stop_server

# A production start on a data folder of its own first start, as on a machine that never ran dev.
rm -rf .data
t1=$SECONDS
npm run build >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; exit 1; }
echo "newcomer: npm run build took $((SECONDS - t1))s"
start_server "$work/start.log" "PORT=$port npm start"
sign_in_and_read "npm start" "$work/start.log" "$SECONDS"
stop_server
echo "newcomer: from npm ci to a signed-in bill on the embedded default, in all $((SECONDS - t0))s"
