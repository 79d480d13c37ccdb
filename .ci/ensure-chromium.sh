#!/usr/bin/env bash
# Installs Debian's Chromium (used by the browser and e2e tests) when it is missing.
# No browser is ever downloaded by a test tool: Playwright drives this one.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is missing at $chromium_path. Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi
echo "Installing Debian's chromium…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
"$chromium_path" --version
