#!/bin/sh
# The load run, in one command: builds the app, the bare endpoint and the bench in Release, loads one trust of 100
# schools into PostgreSQL and SQLite (kept in bench/.load-run for later runs; --reload loads again), and drives every
# page and API call in the list at 1 and 32 connections beside the bare endpoint; then times the staff import. The
# demo trust on SQLite runs the same set. Options go to `Lynchpin.Bench load-run` (see docs/performance.md), e.g.
#   bench/load-run.sh --targets postgres --duration 10
# Needs wrk (apt-get install -y wrk) and PostgreSQL on localhost (user and password lynchpin, as for the tests).
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v wrk >/dev/null; then
  echo "wrk is not installed: apt-get install -y wrk" >&2
  exit 2
fi
if [ "${LOAD_RUN_NO_BUILD:-}" != 1 ]; then
  for project in src/Lynchpin.Web/Lynchpin.Web.csproj bench/Lynchpin.BareEndpoint/Lynchpin.BareEndpoint.csproj bench/Lynchpin.Bench/Lynchpin.Bench.csproj; do
    dotnet build -c Release -v q -nologo "$root/$project"
  done
fi
exec dotnet "$root/bench/Lynchpin.Bench/bin/Release/net10.0/Lynchpin.Bench.dll" load-run --root "$root" "$@"
