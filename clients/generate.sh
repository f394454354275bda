#!/usr/bin/env bash
# The one command for the API contract and its clients.
#
#   clients/generate.sh           refresh clients/openapi.json from the API, then regenerate both clients from it
#   clients/generate.sh --check   regenerate both clients from the committed snapshot into a temporary folder
#                                 and fail if the committed clients differ (the test command runs this)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=${1:-write}

nswag_dll() {
  dotnet restore clients/csharp/Platform.Client.csproj -v q >/dev/null
  local dir
  dir=$(dotnet msbuild clients/csharp/Platform.Client.csproj -getProperty:NSwagDir_Net100)
  echo "${dir%/}/dotnet-nswag.dll"
}

generate_clients() { # $1: snapshot, $2: C# output, $3: TypeScript output
  (cd clients && dotnet "$(cd "$root" && nswag_dll)" run nswag.json \
    "/variables:Input=$1,CSharpOutput=$2,TypeScriptOutput=$3" >/dev/null)
  # NSwag's fetch template sends an optional header it was not given as an empty value, which the API refuses
  # (an empty Idempotency-Key is a 400): send such a header only when it has a value.
  (cd clients && sed -E -i 's/^( *)"([A-Za-z-]+)": ([A-Za-z_]+) !== undefined \&\& \3 !== null \? "" \+ \3 : "",$/\1...(\3 !== undefined \&\& \3 !== null ? { "\2": "" + \3 } : {}),/' "$3")
}

refresh_snapshot() {
  local work port pid
  work=$(mktemp -d)
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  dotnet build src/Platform.Api -c Release -v q -nologo >/dev/null
  Database__ConnectionString="Data Source=$work/snapshot.db" Bootstrap__ClientSecret="snapshot-only" \
    dotnet src/Platform.Api/bin/Release/net10.0/Platform.Api.dll --urls "http://127.0.0.1:$port" >"$work/api.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    kill -0 $pid 2>/dev/null || { cat "$work/api.log"; exit 1; }
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/openapi/v1.json" |
    node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(JSON.stringify(JSON.parse(s),null,2)+'\n'))" \
    >clients/openapi.json
  echo "refreshed clients/openapi.json"
}

case "$mode" in
  write)
    refresh_snapshot
    generate_clients openapi.json csharp/Generated/PlatformClient.g.cs typescript/src/platform-client.ts
    echo "regenerated clients/csharp/Generated/PlatformClient.g.cs and clients/typescript/src/platform-client.ts"
    ;;
  --check)
    out=$(mktemp -d)
    generate_clients openapi.json "$out/PlatformClient.g.cs" "$out/platform-client.ts"
    status=0
    diff -u clients/csharp/Generated/PlatformClient.g.cs "$out/PlatformClient.g.cs" >/dev/null || { echo "clients/csharp/Generated/PlatformClient.g.cs is not what clients/openapi.json generates"; status=1; }
    diff -u clients/typescript/src/platform-client.ts "$out/platform-client.ts" >/dev/null || { echo "clients/typescript/src/platform-client.ts is not what clients/openapi.json generates"; status=1; }
    [ $status -eq 0 ] && echo "generated clients match clients/openapi.json" || echo "run clients/generate.sh and commit the result"
    exit $status
    ;;
  *) echo "usage: clients/generate.sh [--check]" >&2; exit 2 ;;
esac
