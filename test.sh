#!/usr/bin/env bash
# One command that runs every test: installs the test oracles (ffmpeg, sox, fluidsynth) and runs the .NET suite,
# then the training pipeline's smoke test (a few steps on tiny data and an ONNX export; no real training).
set -uo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh || exit 1
log=$(mktemp)
dotnet test Assistant.sln -c Release --nologo 2>&1 | tee "$log"
dotnet_status=${PIPESTATUS[0]}
smoke_status=0
if [ -x training/smoke_test.sh ]; then
  training/smoke_test.sh || smoke_status=$?
fi
# One plain closing line over all test projects, the smoke test counted as one test.
awk -v smoke="$smoke_status" -v has_smoke="$([ -x training/smoke_test.sh ] && echo 1 || echo 0)" '
     /^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { if (has_smoke == 1) { if (smoke == 0) p += 1; else f += 1 }
           printf "%d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
rm -f "$log"
[ "$dotnet_status" -eq 0 ] && [ "$smoke_status" -eq 0 ]
