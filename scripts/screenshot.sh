#!/usr/bin/env bash
# Regenerates the README's pictures of the HTML report: runs the main job on
# the bundled corpora into target/screenshot-reports/ and has headless
# chromium (scripts/install-chromium.sh) render the index and the China
# relay story's page to docs/report-index.png and docs/report-story.png.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-chromium.sh >/dev/null
command -v chromium >/dev/null || { echo "screenshot: chromium is not installed" >&2; exit 1; }
cargo build --release --quiet
reports=target/screenshot-reports
target/release/parallax compare corpora/ --out "$reports" --force > /dev/null
mkdir -p docs
shoot() { # page png width height
    local profile; profile=$(mktemp -d)
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" --window-size="$3,$4" \
        --screenshot="$PWD/$2" "file://$PWD/$1" 2>/dev/null
    rm -rf "$profile"
    echo "screenshot: $2"
}
shoot "$reports/html/index.html" docs/report-index.png 1280 800
shoot "$reports/html/china-foreign-policy-relay.html" docs/report-story.png 1280 1000
