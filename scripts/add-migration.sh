#!/usr/bin/env bash
# Adds a migration with the same name for every database provider, so both stay in step.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet restore Lynchpin.slnx >/dev/null
for provider in Sqlite Postgres; do
  project=src/Lynchpin.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
