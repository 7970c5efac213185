#!/bin/sh
# Headless Chromium and its driver for the browser tests (tests/browser) and
# scripts/screenshots.py: Debian's packages, never a downloaded browser.
# Root installs them with apt-get; anyone else gets a note and the browser
# tests skip themselves with the reason.
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: chromium/chromedriver missing; run as root on Debian:" \
         "apt-get install chromium chromium-driver (browser tests will be skipped)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium chromium-driver
