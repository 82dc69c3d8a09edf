#!/usr/bin/env bash
# Create .venv and install unreport with its pinned dependencies.
#   scripts/setup.sh          the tool only
#   scripts/setup.sh test     the tool, the test tools (axe-core included) and Chromium
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
  # The browser tests drive Debian's Chromium (never a downloaded browser build).
  if [ ! -x /usr/bin/chromium ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  fi
else
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
fi
# Byte-code for the checkout's modules, as pip writes it for an installed package: with
# PYTHONDONTWRITEBYTECODE set, Python would otherwise compile them again on every run.
.venv/bin/python -m compileall -q generator
