#!/usr/bin/env bash
# Squashes every migration into one new baseline per provider (ADR 0009). Since ADR 0013 a schema change is a new
# migration (eng/add-migration.sh); this is only for a deliberate squash, with the history table mapped by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf Nacars.Core/Data/Migrations/Sqlite Nacars.Core/Data/Migrations/Postgres
# Built without the old baseline, so the tool does not find a migration of the same name in the assembly.
dotnet build Nacars.Workbench -c Debug -v q -nologo >/dev/null
dotnet ef migrations add Initial --no-build --project Nacars.Core --startup-project Nacars.Workbench \
  --context SqliteNacarsDbContext --output-dir Data/Migrations/Sqlite
Nacars__Database__Provider=Postgres Nacars__Database__ConnectionString='Host=127.0.0.1;Database=design' \
  dotnet ef migrations add Initial --no-build --project Nacars.Core --startup-project Nacars.Workbench \
  --context PostgresNacarsDbContext --output-dir Data/Migrations/Postgres
