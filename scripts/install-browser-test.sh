#!/usr/bin/env bash
# Installs what the browser test of the HTML report's review loop needs
# (tests/review_browser.rs): Debian's chromium (scripts/install-chromium.sh),
# node and npm (Debian's, when missing), and Playwright's core library from
# npm into tests/browser/node_modules, from the committed package-lock.json.
# No browser is downloaded: the test drives the system's chromium.
# Exits 0 when everything is in place (CI then requires the test to run),
# 1 otherwise, after saying what is missing (the test then skips, saying so).
set -u
cd "$(dirname "$0")/.."

scripts/install-chromium.sh
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "install-browser-test: apt-get install -y nodejs npm"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null \
            || echo "install-browser-test: apt-get install nodejs npm failed"
    fi
fi
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing node"
if command -v npm >/dev/null 2>&1; then
    if ! PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error; then
        missing="$missing playwright-core(npm ci failed)"
    fi
else
    missing="$missing npm"
fi
if [ -n "$missing" ]; then
    echo "install-browser-test: missing:$missing; the review browser test will skip"
    exit 1
fi
echo "install-browser-test: ready (node $(node --version), playwright-core $(node -p "require('./tests/browser/node_modules/playwright-core/package.json').version"))"
exit 0
