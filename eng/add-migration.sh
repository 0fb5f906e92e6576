#!/usr/bin/env bash
# Adds one schema migration for both providers (ADR 0013: the baseline is frozen; each change is a small migration,
# with any data move written into it by hand). Usage: bash eng/add-migration.sh NameOfTheChange
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: bash eng/add-migration.sh NameOfTheChange}"
dotnet tool restore >/dev/null
dotnet build Nacars.Workbench -c Debug -v q -nologo >/dev/null
dotnet ef migrations add "$name" --no-build --project Nacars.Core --startup-project Nacars.Workbench \
  --context SqliteNacarsDbContext --output-dir Data/Migrations/Sqlite
Nacars__Database__Provider=Postgres Nacars__Database__ConnectionString='Host=127.0.0.1;Database=design' \
  dotnet ef migrations add "$name" --no-build --project Nacars.Core --startup-project Nacars.Workbench \
  --context PostgresNacarsDbContext --output-dir Data/Migrations/Postgres
