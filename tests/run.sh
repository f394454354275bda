#!/usr/bin/env bash
# The test command: everything that must hold before a change lands. CI runs exactly this.
#   .NET build (warnings as errors), unit and integration tests, `dotnet publish` of the API (what the
#   Dockerfile builds), Spectral and Redocly on the contract, generated clients matching the contract, the C# client
#   packing, and the TypeScript client type-checked and run against the API on loopback.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

started=$(date +%s)
work=$(mktemp -d)
checks_passed=0
checks_failed=0
failures=()

check() { # name, command...
  local name=$1
  shift
  echo
  echo "== $name"
  if "$@"; then
    checks_passed=$((checks_passed + 1))
  else
    checks_failed=$((checks_failed + 1))
    failures+=("$name")
  fi
}

dotnet_tests() {
  dotnet test Platform.sln -c Release --no-build --nologo \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=tests.trx" --results-directory "$work/trx"
}

typescript_smoke() {
  local port pid status
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  Database__ConnectionString="Data Source=$work/smoke.db" Bootstrap__ClientId=smoke-admin Bootstrap__ClientSecret=smoke-secret \
    dotnet "$work/publish/Platform.Api.dll" --urls "http://127.0.0.1:$port" >"$work/smoke-api.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.5
  done
  (cd clients/typescript && PLATFORM_BASE_URL="http://127.0.0.1:$port" PLATFORM_CLIENT_ID=smoke-admin PLATFORM_CLIENT_SECRET=smoke-secret \
    node dist/smoke/smoke.js)
  status=$?
  kill $pid 2>/dev/null
  wait $pid 2>/dev/null
  [ $status -eq 0 ] || tail -n 20 "$work/smoke-api.log"
  return $status
}

check "build (Release, warnings as errors)" dotnet build Platform.sln -c Release --nologo -v q
check ".NET unit and integration tests" dotnet_tests
check "dotnet publish of the API" dotnet publish src/Platform.Api -c Release --no-build --nologo -v q -o "$work/publish"
check "C# client packs as a NuGet package" dotnet pack clients/csharp -c Release --no-build --nologo -v q -o "$work/packages"
check "install contract and client tools (npm ci)" bash -c "cd clients && npm ci --no-audit --no-fund --loglevel=error && cd typescript && npm ci --no-audit --no-fund --loglevel=error"
check "Spectral (spectral:oas + OWASP) on clients/openapi.json: zero errors" \
  bash -c "cd clients && npx --no-install spectral lint openapi.json --ruleset .spectral.yaml --fail-severity error"
check "Redocly (recommended) on clients/openapi.json: zero errors" \
  bash -c "cd clients && npx --no-install redocly lint openapi.json --config redocly.yaml --format stylish"
check "generated clients match clients/openapi.json" bash clients/generate.sh --check
check "TypeScript client type-checks (strict)" bash -c "cd clients/typescript && npx --no-install tsc -p tsconfig.json"
check "TypeScript client against the running API" typescript_smoke

# One closing line for people and for CI: .NET test cases plus the checks above.
trx=$(find "$work/trx" -name '*.trx' 2>/dev/null | head -n 1)
counter() { [ -n "$trx" ] && grep -o "<Counters [^>]*" "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
tests_passed=$(counter passed)
tests_failed=$(counter failed)
tests_total=$(counter total)
tests_skipped=$((tests_total - tests_passed - tests_failed))

echo
echo "== summary ($(($(date +%s) - started)) s)"
echo ".NET tests: $tests_passed passed, $tests_failed failed, $tests_skipped skipped"
echo "checks: $checks_passed passed, $checks_failed failed"
for f in "${failures[@]}"; do echo "  failed: $f"; done
echo "$((tests_passed + checks_passed)) passed, $((tests_failed + checks_failed)) failed, $tests_skipped skipped"
[ "$checks_failed" -eq 0 ]
