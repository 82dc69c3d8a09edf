#!/usr/bin/env bash
# Set up (first run only) and build the site from the bundled report into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/unreport build "$@"
