#!/usr/bin/env bash
# Installs, from Debian's packages, the three engines the e2e scenarios run in, when any is missing:
#   chromium                       Chromium, driven by playwright-core
#   firefox-esr                    Firefox ESR, driven by puppeteer-core over WebDriver BiDi
#   webkit2gtk-driver xvfb xauth   WebKitGTK's MiniBrowser and WebKitWebDriver, on a virtual X display
# No browser is ever downloaded by a test tool. Quick when everything is there already.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox_path="${FIREFOX_PATH:-/usr/lib/firefox-esr/firefox-esr}"
packages=()
[ -x "$chromium_path" ] || packages+=(chromium)
[ -x "$firefox_path" ] || packages+=(firefox-esr)
minibrowser_path="${MINIBROWSER_PATH:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
{ command -v WebKitWebDriver >/dev/null && [ -x "$minibrowser_path" ]; } || packages+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || packages+=(xvfb)
command -v xauth >/dev/null || packages+=(xauth)
if [ ${#packages[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Missing browser packages: ${packages[*]}. Install them (sudo apt-get install ${packages[*]}) or set CHROMIUM_PATH / FIREFOX_PATH." >&2
  exit 1
fi
echo "Installing Debian's ${packages[*]}…"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet: fetch them only when the install cannot find a package.
apt-get install -y -qq "${packages[@]}" >/dev/null 2>&1 || {
  apt-get update -qq
  apt-get install -y -qq "${packages[@]}" >/dev/null
}
"$chromium_path" --version
"$firefox_path" --version
