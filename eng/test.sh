#!/usr/bin/env bash
# Runs every test. Installs what the tests need when it is missing (Debian's Chromium for the browser tests,
# PostgreSQL for the provider and scale-out tests, Postfix as a stand-in CJSM relay, Dovecot as the IMAP mailbox,
# nginx for the reverse-proxy test, promtool for the alert rules),
# so a fresh Debian machine with only the .NET SDK passes. Usage: bash eng/test.sh [extra dotnet test args]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }

need_packages=()
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
command -v pdftotext >/dev/null || need_packages+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need_packages+=(fonts-dejavu-core)
[ -x /usr/sbin/nginx ] || need_packages+=(nginx)
command -v promtool >/dev/null || need_packages+=(prometheus)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing test dependencies from Debian: ${need_packages[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi
/usr/bin/chromium --version

# The provider and scale-out tests run against a real PostgreSQL on loopback (NACARS_TEST_POSTGRES names another).
if [ -z "${NACARS_TEST_POSTGRES:-}" ]; then bash eng/postgres.sh; fi
# The relay tests send through Debian's Postfix on loopback: STARTTLS required, a test CA in the trust store.
bash eng/relay.sh
# The IMAP tests read mail from Debian's Dovecot on loopback, which the relay delivers to <user>@imap.relay-test.example.
bash eng/dovecot.sh

dotnet restore Nacars.sln
dotnet build Nacars.sln --no-restore -c Release
# The log is kept so that, on failure, the failed tests and their messages are repeated at the very end, where a
# CI summary that shows only the last lines will still carry them.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test Nacars.sln --no-build -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
if [ "$status" -ne 0 ]; then
  echo
  echo "==== Failed tests (repeated from above) ===="
  grep -E -A 25 '^\s+Failed [A-Za-z]' "$log" | head -n 60 || echo "(no failed test lines found; see the output above)"
  echo "==== Failed test names ===="
  grep -E '^\s+Failed [A-Za-z]' "$log" | head -n 20 || true
fi
exit "$status"
