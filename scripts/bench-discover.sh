#!/usr/bin/env bash
# Scale benchmark of relay discovery (issue 19). Writes generated archives
# of about 1,000 and 10,000 articles (more if given) with
# `parallax-eval discover-archive`: stories of FLORES-200 sentences drawn at
# random with invented names, published alone, as relays whole or
# condensed, chains and double relays, half of them dated, and patchwork
# distractors, one article per file in outlet folders. Times
# `parallax discover ARCHIVE --out OUT` (wall and CPU seconds, peak memory)
# with 2 threads, scores its groups.csv against the archive's gold
# (`parallax-eval discover-score`) and writes the figures to
# benches/results/discover-scale.csv.
#
# This is a benchmark, not a test: it needs ../shared/data (or
# $PARALLAX_DATA), disk space (about 2 GB at 100,000 articles) and a quiet
# machine. Sizes can be given: scripts/bench-discover.sh 1000 10000 100000
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
threads=${THREADS:-2}

out=benches/results/discover-scale.csv
tmp=$(mktemp)
echo "articles,threads,wall_s,cpu_s,articles_per_cpu_s,peak_rss_mib,pair_precision,pair_recall,stories_exact,direction_right" > "$tmp"
printf '%8s %7s %8s %8s %10s %9s %7s %7s %7s %7s\n' articles threads "wall s" "cpu s" "art/cpu s" "peak MiB" "pair P" "pair R" exact dir

for n in "${sizes[@]}"; do
    dir=target/discover-$n
    if [ ! -f "$dir/.complete" ]; then
        rm -rf "$dir"
        "$eval" discover-archive --articles "$n" --out "$dir" > /dev/null
        touch "$dir/.complete"
    fi
    found=target/discover-$n-out
    /usr/bin/time -o "$tmp.time" -f "%e %U %S %M" "$bin" discover "$dir" --out "$found" --force --jobs "$threads" > /dev/null
    read -r wall user sys kb < "$tmp.time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", u + s}')
    mib=$(awk -v k="$kb" 'BEGIN {printf "%.0f", k / 1024}')
    record=$("$eval" discover-score --gold "$dir/gold.csv" --found "$found" --set generated)
    articles=$(echo "$record" | cut -d, -f2)
    rate=$(awk -v n="$articles" -v c="$cpu" 'BEGIN {printf "%.0f", n / c}')
    p=$(echo "$record" | cut -d, -f5)
    r=$(echo "$record" | cut -d, -f6)
    exact=$(echo "$record" | cut -d, -f8)
    dir_right=$(echo "$record" | cut -d, -f11)
    printf '%8s %7s %8s %8s %10s %9s %7s %7s %7s %7s\n' "$articles" "$threads" "$wall" "$cpu" "$rate" "$mib" "$p" "$r" "$exact" "$dir_right"
    echo "$articles,$threads,$wall,$cpu,$rate,$mib,$p,$r,$exact,$dir_right" >> "$tmp"
done
mkdir -p benches/results
mv "$tmp" "$out"
rm -f "$tmp.time"
echo "saved $out"
