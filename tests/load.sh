#!/usr/bin/env bash
# The load benchmark (run by hand, not part of the test command). Publishes Release, starts a bare Kestrel
# endpoint (tests/Platform.Load) and the API on loopback, seeds a tenant with 200 units through the API, warms
# up, and runs wrk per operation. Prints one table per round: req/s, p50, p99, non-2xx answers, and the ratio
# to the bare endpoint measured in the same round. Request logging stays on (to a file), as in production.
# Also the CPU time the serving process spent per request (utime+stime from /proc over the run) and the CPU ratio
# (the bare endpoint's CPU per request over the operation's): on a machine shared with builds, req/s follows what
# else runs, CPU per request much less, so the CPU ratio is the steadier estimate of the ratio on a quiet machine.
#
#   bash tests/load.sh [--rounds N] [--duration 8s] [--warmup 10s] [--connections 64] [--only PATTERN] [--api DIR]
#
# --warmup is each operation's run before the rounds. Under load the JIT's second tier (after its instrumented step)
# reaches an operation's code late: profiled, a create still spent 18 % of the API's CPU in the JIT 10 s into its run
# and none after 30 s; a shorter warm-up measures the JIT in the first round.
# --api DIR measures an API already published to DIR (another commit's, for a before/after table) instead of
# publishing this tree's.
# --only runs the operations whose name contains PATTERN, or one of PATTERN's |-separated parts (and always the
# bare endpoint, for the ratio): --only 'GET one|list 50 units'.
# Needs wrk (Debian: apt-get install -y wrk). The API's rate limit is raised for the run, so that the limiter
# is measured, not hit.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

rounds=3
duration=8s
warmup=10s
connections=64
only=""
api_dir=""
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --api) api_dir=$(cd "$2" && pwd); shift 2 ;;
    *) echo "usage: bash tests/load.sh [--rounds N] [--duration 8s] [--warmup 10s] [--connections 64] [--only PATTERN] [--api DIR]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

wait_until_up() { # url, pid, log
  for _ in $(seq 1 240); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { tail -n 30 "$3" >&2; return 1; }
    sleep 0.5
  done
  echo "no answer from $1" >&2
  return 1
}

echo "publishing (Release)..."
if [ -n "$api_dir" ]; then cp -r "$api_dir" "$work/api"; else dotnet publish src/Platform.Api -c Release --nologo -v q -o "$work/api" >/dev/null; fi
dotnet publish tests/Platform.Load -c Release --nologo -v q -o "$work/load" >/dev/null

bare_port=$(free_port)
dotnet "$work/load/Platform.Load.dll" bare --urls "http://127.0.0.1:$bare_port" >"$work/bare.log" 2>&1 &
pids+=($!)
bare_pid=$!
wait_until_up "http://127.0.0.1:$bare_port/ping" "${pids[-1]}" "$work/bare.log"

api_port=$(free_port)
admin_secret="load-$(date +%s%N)"
# From its own folder, as the container runs it, so that appsettings.json (log levels, JSON log lines) applies.
(cd "$work/api" && exec env ASPNETCORE_ENVIRONMENT=Production \
  Database__ConnectionString="Data Source=$work/load.db" \
  Bootstrap__ClientId=load-admin Bootstrap__ClientSecret="$admin_secret" \
  RateLimiting__PermitLimit=2000000000 \
  dotnet Platform.Api.dll --urls "http://127.0.0.1:$api_port") >"$work/api.log" 2>&1 &
pids+=($!)
api_pid=$!
wait_until_up "http://127.0.0.1:$api_port/health/ready" "${pids[-1]}" "$work/api.log"

echo "seeding a tenant with 200 units, 60 leases and a discount..."
eval "$(dotnet "$work/load/Platform.Load.dll" seed "http://127.0.0.1:$api_port/" load-admin "$admin_secret")"
export PLINTH_ID CLIENT_ID CLIENT_SECRET

bare="http://127.0.0.1:$bare_port"
api="http://127.0.0.1:$api_port"
tenant="$api/v1/tenants/$TENANT"
auth="Authorization: Bearer $TOKEN"
# name | url | wrk script (tests/load/*.lua) or - | token: yes or no
operations=(
  "GET /health/live|$api/health/live|-|no"
  "GET one unit|$tenant/units/$UNIT_ID|-|yes"
  "list 50 units|$tenant/units?limit=50|-|yes"
  "list 50 leases|$tenant/leases?limit=50|-|yes"
  "GET one discount|$tenant/discounts/$DISCOUNT_ID|-|yes"
  "create a plinth|$tenant/plinths|create-plinth.lua|yes"
  "create a unit|$tenant/units|create-unit.lua|yes"
  "PUT unit If-Match: *|$tenant/units/$UNIT_ID|update-unit.lua|yes"
  "token endpoint|$api/connect/token|token.lua|no"
  "GET /openapi/v1.json|$api/openapi/v1.json|-|no"
)

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Prints "req/s p50_ms p99_ms non2xx cpu_us_per_request" for one wrk run against the process $5.
measure() { # url, script, token, duration, serving pid
  local args=(-t1 "-c$connections" "-d$4" --latency --timeout 10s) ticks
  ticks=$(cpu_ticks "$5")
  [ "$2" != "-" ] && args+=(-s "tests/load/$2")
  [ "$3" = "yes" ] && args+=(-H "$auth")
  wrk "${args[@]}" "$1" >"$work/wrk.txt"
  awk -v ticks=$(($(cpu_ticks "$5") - ticks)) -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v + 0 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { failed += $5 }
    /Socket errors:/ { gsub(",", ""); failed += $4 + $6 + $8 + $10 }
    / requests in / { requests = $1 }
    END { printf "%.0f %.2f %.2f %d %.0f\n", rps, p50, p99, failed, (requests > 0 ? ticks * 1e6 / hz / requests : 0) }' "$work/wrk.txt"
  # No answer within the run (every request still waiting at the end) shows as 0 req/s: say so.
  grep -q "^ *Latency" "$work/wrk.txt" && ! grep -q " 0 requests in" "$work/wrk.txt" || echo "  (no request to $1 finished in $4)" >&2
}

selected() {
  [ -z "$only" ] && return 0
  local part parts
  IFS='|' read -ra parts <<<"$only"
  for part in "${parts[@]}"; do [[ "$1" == *"$part"* ]] && return 0; done
  return 1
}

echo "warming up..."
measure "$bare/ping" - no "$warmup" "$bare_pid" >/dev/null
for operation in "${operations[@]}"; do
  IFS='|' read -r name url script token <<<"$operation"
  selected "$name" && measure "$url" "$script" "$token" "$warmup" "$api_pid" >/dev/null
done

for round in $(seq 1 "$rounds"); do
  echo
  echo "round $round of $rounds ($(date -u +%H:%M:%S) UTC, wrk -t1 -c$connections -d$duration, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  printf "%-24s %10s %9s %9s %8s %7s %11s %9s\n" operation "req/s" "p50 ms" "p99 ms" non-2xx ratio "cpu us/req" "cpu ratio"
  read -r bare_rps p50 p99 failed bare_cpu <<<"$(measure "$bare/ping" - no "$duration" "$bare_pid")"
  printf "%-24s %10s %9s %9s %8s %7s %11s %9s\n" "bare /ping" "$bare_rps" "$p50" "$p99" "$failed" "1.00" "$bare_cpu" "1.00"
  for operation in "${operations[@]}"; do
    IFS='|' read -r name url script token <<<"$operation"
    selected "$name" || continue
    read -r rps p50 p99 failed cpu <<<"$(measure "$url" "$script" "$token" "$duration" "$api_pid")"
    printf "%-24s %10s %9s %9s %8s %7s %11s %9s\n" "$name" "$rps" "$p50" "$p99" "$failed" \
      "$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')" "$cpu" \
      "$(awk -v a="$cpu" -v b="$bare_cpu" 'BEGIN { printf "%.3f", (a > 0 ? b / a : 0) }')"
  done
done
