#!/usr/bin/env bash
# Scale benchmark of batch runs (issue: reports and batch runs at scale).
# Generates corpora of 1,000 and 10,000 three-version stories from
# FLORES-200 (scripts/scale-corpus.py): "news", real news as translated by
# people (whole articles strung to about 16 sentences, no edits), and
# "generated", about 25 sentences with relay edits (sentences dropped,
# numbers changed, sentences merged and moved). Times `parallax compare DIR
# --out OUT` with 1 and 2 threads (wall and CPU seconds, peak memory), and
# the bare cost of reading and analysing the same corpus without aligning
# (`parallax-eval tokenise`, 2 threads). Prints the figures and writes them
# to benches/results/scale.csv. Also times the bundled corpora/.
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
echo "corpus,stories,threads,wall_s,cpu_s,stories_per_s,peak_rss_mib,bare_wall_s,bare_stories_per_s,ratio_to_bare" > "$tmp"
printf '%-10s %7s %7s %8s %8s %10s %9s %11s %8s\n' corpus stories threads "wall s" "cpu s" "stories/s" "peak MiB" "bare st/s" "vs bare"

run() { # name dir stories
    local name=$1 dir=$2 stories=$3
    /usr/bin/time -o "$tmp.time" -f "%e %M" "$eval" tokenise --corpora "$dir" > /dev/null
    local bare; bare=$(cut -d' ' -f1 "$tmp.time")
    local bare_rate; bare_rate=$(awk -v n="$stories" -v w="$bare" 'BEGIN {printf "%.0f", n / w}')
    for threads in 1 2; do
        /usr/bin/time -o "$tmp.time" -f "%e %U %S %M" "$bin" compare "$dir" --out target/scale-out --force --jobs "$threads" > /dev/null 2>&1 || true
        read -r wall user sys kb < "$tmp.time"
        local rate mib ratio cpu
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
        rate=$(awk -v n="$stories" -v w="$wall" 'BEGIN {printf "%.1f", n / w}')
        mib=$(awk -v k="$kb" 'BEGIN {printf "%.1f", k / 1024}')
        ratio=$(awk -v w="$wall" -v b="$bare" 'BEGIN {printf "%.1f", w / b}')
        printf '%-10s %7s %7s %8s %8s %10s %9s %11s %8s\n' "$name" "$stories" "$threads" "$wall" "$cpu" "$rate" "$mib" "$bare_rate" "${ratio}x"
        echo "$name,$stories,$threads,$wall,$cpu,$rate,$mib,$bare,$bare_rate,$ratio" >> "$tmp"
    done
}

for kind in news generated; do
    for n in "${sizes[@]}"; do
        dir=target/scale-$kind-$n
        if [ ! -f "$dir/.complete" ]; then
            rm -rf "$dir"
            flag=()
            [ "$kind" = news ] && flag=(--natural)
            python3 scripts/scale-corpus.py --stories "$n" --out "$dir" "${flag[@]}" > /dev/null
            touch "$dir/.complete"
        fi
        run "$kind" "$dir" "$n"
    done
done
run "corpora/" corpora "$(find corpora -mindepth 1 -maxdepth 1 -type d | wc -l)"
mkdir -p benches/results
mv "$tmp" "$out"
rm -f "$tmp.time"
echo "saved $out"
