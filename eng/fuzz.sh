#!/usr/bin/env bash
# Fuzzes the attachment cleaner (JPEG, PNG, WebP, PDF, JPEGs inside PDFs) and the public form's multipart reader for a
# set time per target. Every crash or hang is kept in Nacars.Tests/Intake/Attachments/Regressions, which the test suite
# replays (FuzzRegressionTests): commit them. Usage: bash eng/fuzz.sh [seconds per target, default 120] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
seed="${2:-$RANDOM}"
dotnet build Nacars.Bench -c Release -v q -nologo >/dev/null
dotnet Nacars.Bench/bin/Release/net10.0/Nacars.Bench.dll fuzz --seconds "$seconds" --seed "$seed" \
  --regressions Nacars.Tests/Intake/Attachments/Regressions
