#!/usr/bin/env bash
# Scale benchmark of batch runs (issue: reports and batch runs at scale).
# Generates corpora of 1,000 and 10,000 three-version stories of about 25
# sentences from FLORES-200 (scripts/scale-corpus.py), then times
# `parallax compare DIR --out OUT` with 1 and 2 threads, and the bare cost
# of reading and analysing the same corpus without aligning
# (`parallax-eval tokenise`). Prints the figures and writes them to
# benches/results/scale.csv. Also times the bundled corpora/.
#
# This is a benchmark, not a test: it needs ../shared/data (or $PARALLAX_DATA)
# and a quiet machine. Sizes can be given: scripts/bench-scale.sh 1000 10000
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
cargo build --release --quiet --workspace
bin=target/release/parallax
eval=target/release/parallax-eval
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

out=benches/results/scale.csv
tmp=$(mktemp)
echo "corpus,stories,threads,wall_s,stories_per_s,peak_rss_mib,bare_wall_s,ratio_to_bare" > "$tmp"
printf '%-16s %8s %8s %9s %12s %10s %10s\n' corpus stories threads "wall s" "stories/s" "peak MiB" "vs bare"

run() { # name dir stories
    local name=$1 dir=$2 stories=$3
    /usr/bin/time -o "$tmp.time" -f "%e %M" "$eval" tokenise --corpora "$dir" > /dev/null
    local bare; bare=$(cut -d' ' -f1 "$tmp.time")
    for threads in 1 2; do
        /usr/bin/time -o "$tmp.time" -f "%e %M" "$bin" compare "$dir" --out target/scale-out --force --jobs "$threads" > /dev/null 2>&1 || true
        read -r wall kb < "$tmp.time"
        local rate mib ratio
        rate=$(awk -v n="$stories" -v w="$wall" 'BEGIN {printf "%.1f", n / w}')
        mib=$(awk -v k="$kb" 'BEGIN {printf "%.1f", k / 1024}')
        ratio=$(awk -v w="$wall" -v b="$bare" 'BEGIN {printf "%.1f", w / b}')
        printf '%-16s %8s %8s %9s %12s %10s %10s\n' "$name" "$stories" "$threads" "$wall" "$rate" "$mib" "${ratio}x"
        echo "$name,$stories,$threads,$wall,$rate,$mib,$bare,$ratio" >> "$tmp"
    done
}

for n in "${sizes[@]}"; do
    dir=target/scale-$n
    if [ ! -f "$dir/.complete" ]; then
        rm -rf "$dir"
        python3 scripts/scale-corpus.py --stories "$n" --out "$dir" > /dev/null
        touch "$dir/.complete"
    fi
    run "generated" "$dir" "$n"
done
run "corpora/" corpora "$(find corpora -mindepth 1 -maxdepth 1 -type d | wc -l)"
mkdir -p benches/results
mv "$tmp" "$out"
rm -f "$tmp.time"
echo "saved $out"
