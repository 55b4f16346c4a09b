#!/usr/bin/env bash
# What the tests need beyond npm packages: Debian's Chromium for the browser
# tests (playwright-core drives it; no browser is downloaded). Skips when a
# Chromium is already there or OPENINGS_CHROMIUM names one.
set -euo pipefail
if [ -n "${OPENINGS_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ]; then
  echo "Chromium: ${OPENINGS_CHROMIUM:-/usr/bin/chromium}"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "No /usr/bin/chromium and no apt-get: install Chromium and set OPENINGS_CHROMIUM=/path/to/chromium; the browser tests are skipped until then."
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium
