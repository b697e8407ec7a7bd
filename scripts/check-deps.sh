#!/usr/bin/env bash
# Checks the dependency tree with cargo-deny (installed from crates.io into
# ~/.cargo/bin when missing): every crate's licence against deny.toml's
# list, no wildcard versions, crates from crates.io only. The advisory
# check needs the RustSec database from GitHub, which this machine's network
# does not reach; it runs when the database can be fetched and is reported
# as skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo-deny >/dev/null 2>&1; then
    echo "check-deps: installing cargo-deny from crates.io"
    cargo install --locked --quiet cargo-deny
fi
cargo deny --log-level error check licenses bans sources
echo "check-deps: licences, bans and sources ok"
log=$(mktemp)
if timeout 120 cargo deny check advisories > "$log" 2>&1; then
    echo "check-deps: advisories ok"
elif grep -q "failed to fetch advisory database" "$log"; then
    echo "check-deps: advisories SKIPPED: the RustSec database could not be fetched from GitHub here"
else
    cat "$log" >&2
    echo "check-deps: advisories FAILED" >&2
    exit 1
fi
rm -f "$log"
