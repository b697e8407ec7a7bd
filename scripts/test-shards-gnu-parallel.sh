#!/usr/bin/env bash
# Checks the README's GNU parallel recipe for sharded runs: the bundled
# corpora learned once, compared in 4 shards run by GNU parallel (here as
# local jobs; across hosts add --sshloginfile), merged, and the merged
# report folder must be byte-identical to a single run with the same table.
# Installs Debian's `parallel` when missing (as root). CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v parallel >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq parallel >/dev/null
    fi
fi
command -v parallel >/dev/null || { echo "test-shards: GNU parallel is not installed and cannot be; SKIPPED"; exit 0; }
cargo build --release --quiet
bin=$PWD/target/release/parallax
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" learn corpora/ --out "$work/table.tsv" > /dev/null
"$bin" compare corpora/ --learned "$work/table.tsv" --out "$work/single" > /dev/null
parallel --will-cite -j 2 "$bin" compare corpora/ --learned "$work/table.tsv" \
    --shard {}/4 --out "$work/shard-{}" '>' /dev/null ::: 1 2 3 4
"$bin" merge "$work"/shard-{1,2,3,4} --out "$work/merged" > /dev/null
if diff -r "$work/single" "$work/merged" > "$work/diff.txt"; then
    echo "test-shards: 4 shards under GNU parallel, merged = single run ($(ls "$work/merged/html" | wc -l) pages, $(($(wc -l < "$work/merged/rows.csv") - 1)) rows)"
else
    echo "test-shards: FAILED: merged shards differ from a single run:" >&2
    head -20 "$work/diff.txt" >&2
    exit 1
fi
