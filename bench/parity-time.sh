#!/usr/bin/env bash
# Times the trust parity report at trust scale (issue 13's closing note): GET /api/trusts/{code}/parity?year=2025 as a
# trust admin with pay access (pay figures, suppression, the audited read) and as one without, beside the trust profile
# API as a reference for the machine's load, each request timed at the client with curl, one at a time. By hand, never in the tests. Needs the Release builds:
#   dotnet build bench/Lynchpin.Bench -c Release && dotnet build src/Lynchpin.Web -c Release
# Usage: bench/parity-time.sh [sqlite|postgres] [RUNS]   (PostgreSQL: the database lynchpin_bench_parity on localhost)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
provider=${1:-sqlite}
runs=${2:-30}
port=5197
data=$root/bench/.load-run
mkdir -p "$data"
app=$root/src/Lynchpin.Web/bin/Release/net10.0/Lynchpin.Web.dll
bench=$root/bench/Lynchpin.Bench/bin/Release/net10.0/Lynchpin.Bench.dll
if [ "$provider" = sqlite ]; then
  export Database__Provider=Sqlite ConnectionStrings__Lynchpin="Data Source=$data/lynchpin_bench_parity.db"
  rm -f "$data/lynchpin_bench_parity.db"
  dotnet "$bench" trust-load sqlite "$data/lynchpin_bench_parity.db"
else
  export Database__Provider=Postgres ConnectionStrings__Lynchpin="Host=localhost;Database=lynchpin_bench_parity;Username=lynchpin;Password=lynchpin"
  dotnet "$bench" trust-load postgres "$ConnectionStrings__Lynchpin"
fi
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Lynchpin__Demo=false
cd "$root/src/Lynchpin.Web"
dotnet "$app" users create --email parity.pay@bench.example --role TrustAdmin --trust TR10001 --password Bench-Parity-2026 --pay-access >/dev/null
dotnet "$app" users create --email parity.nopay@bench.example --role TrustAdmin --trust TR10001 --password Bench-Parity-2026 >/dev/null
pay=$(dotnet "$app" tokens create --email parity.pay@bench.example --name parity | tail -1)
nopay=$(dotnet "$app" tokens create --email parity.nopay@bench.example --name parity | tail -1)
Urls=http://127.0.0.1:$port Logging__LogLevel__Default=Warning dotnet "$app" > "$data/parity-app.log" 2>&1 &
server=$!
trap 'kill $server' EXIT
until curl -fs "http://127.0.0.1:$port/health" >/dev/null; do sleep 1; done

time_it() { # name token path
  local url="http://127.0.0.1:$port$3" status
  status=$(curl -s -o "$data/parity-$1.json" -w '%{http_code}' -H "Authorization: Bearer $2" "$url")
  echo "$1: first answer $status, $(wc -c < "$data/parity-$1.json") bytes"
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -H "Authorization: Bearer $2" "$url"; done
  for _ in $(seq "$runs"); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $2" "$url"; done | sort -n |
    awk -v name="$1" '{ t[NR] = $1 * 1000 } END { printf "%s: %d runs, min %.0f ms, median %.0f ms, p90 %.0f ms, max %.0f ms\n", name, NR, t[1], t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)], t[NR] }'
}
# The trust profile (docs/performance.md's load run) as the reference for the machine's load at the time.
time_it profile "$nopay" /api/trusts/TR10001/profile?year=2025
time_it parity-with-pay "$pay" /api/trusts/TR10001/parity?year=2025
time_it parity-without-pay "$nopay" /api/trusts/TR10001/parity?year=2025
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
