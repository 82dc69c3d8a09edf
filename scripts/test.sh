#!/usr/bin/env bash
# Set up (first run only) and run every test: unit, whole-report, MkDocs build, browser.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
.venv/bin/python -m pytest "$@"
