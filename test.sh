#!/usr/bin/env bash
# One command that runs every test: installs the test oracles (ffmpeg, sox, fluidsynth) and runs the suite.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
log=$(mktemp)
set +e
dotnet test Assistant.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line over all test projects.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
rm -f "$log"
exit "$status"
