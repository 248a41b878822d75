#!/usr/bin/env bash
# One command on a fresh Debian machine with the .NET SDK: installs what Mixwright needs, builds it, and runs
# the main job on the bundled demo session (stems are generated here, nothing is downloaded).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
dotnet build src/Assistant -c Release -o out/mixwright --nologo -v quiet
out/mixwright/mixwright demo --dir demo
