#!/usr/bin/env bash
# Makes a PostgreSQL server from Debian run on loopback with a login for Nacars, installing it when missing.
# Used by the test script (provider and scale-out tests) and by the README's "several instances" steps.
# Usage: bash eng/postgres.sh [role] [password]      (defaults: nacars / nacars — for tests and trials only)
set -euo pipefail
role="${1:-nacars}"
password="${2:-nacars}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  echo "Installing PostgreSQL from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi

read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
  # No systemd here: start the cluster directly. It listens on localhost only (Debian's default).
  as_root pg_ctlcluster "$version" "$cluster" start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
pg_isready -h 127.0.0.1 -p "$port"

# A login that may create (and so drop) its own databases; not a superuser.
as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -v role="$role" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'password') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')
\gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'password')
\gexec
SQL
echo "PostgreSQL $version/$cluster on 127.0.0.1:$port, login '$role'"
