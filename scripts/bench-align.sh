#!/usr/bin/env bash
# Alignment speed and memory on generated German-English document pairs of
# 10,000, 20,000, 40,000 and 100,000 sentences (FLORES-200 articles, shuffled and
# edited; see `parallax-eval bench-data`). Each size is aligned three times;
# the median wall time and peak resident memory of the whole process are
# printed and written to benches/results/align-speed.csv, beside hunalign's
# figures as measured on this kind of machine (hunalign is not packaged for
# Debian bookworm, so it cannot be run here side by side).
#
# Needs ../shared/data (or $PARALLAX_DATA) for FLORES-200, and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
cargo build --release --quiet --workspace
bin=target/release/parallax
eval=target/release/parallax-eval
"$eval" bench-data --out target/bench-data >/dev/null

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

out=benches/results/align-speed.csv
tmp=$(mktemp)
echo "sentences_a,sentences_b,wall_s_median,peak_mib_median,runs,strict_f1,hunalign_wall_s,hunalign_peak_mib,throughput_vs_hunalign" > "$tmp"
printf '%-10s %-10s %10s %12s %10s %14s\n' sentences "" "wall s" "peak MiB" "strict F1" "vs hunalign"
for size in 10k 20k 40k 100k; do
    a=target/bench-data/bench-$size.de
    b=target/bench-data/bench-$size.en
    walls=(); mems=()
    for run in 1 2 3; do
        /usr/bin/time -o "$tmp.time" -f "%e %M" "$bin" align "$a" "$b" --segmented > /dev/null 2>/dev/null
        stats=$(tail -1 "$tmp.time")
        walls+=("${stats% *}"); mems+=("${stats#* }")
    done
    wall=$(printf '%s\n' "${walls[@]}" | median)
    mem_kb=$(printf '%s\n' "${mems[@]}" | median)
    mem=$(awk -v k="$mem_kb" 'BEGIN {printf "%.1f", k / 1024}')
    case $size in
        10k) hw="1.8-2.8"; hm="200"; ratio=$(awk -v w="$wall" 'BEGIN {printf "%.1f-%.1f", 1.8 / w, 2.8 / w}') ;;
        20k) hw="12.5-20.9"; hm=""; ratio=$(awk -v w="$wall" 'BEGIN {printf "%.1f-%.1f", 12.5 / w, 20.9 / w}') ;;
        40k) hw="18.8"; hm="1843"; ratio=$(awk -v w="$wall" 'BEGIN {printf "%.1f", 18.8 / w}') ;;
        *) hw=""; hm=""; ratio="" ;;
    esac
    na=$(wc -l < "$a"); nb=$(wc -l < "$b")
    # The generator's gold beads say whether the fast alignment is also right.
    "$bin" align "$a" "$b" --segmented --format vecalign > "$tmp.beads" 2>/dev/null
    f1=$("$eval" score "$tmp.beads" "target/bench-data/bench-$size.gold" | awk '/^F1/ {print $2}')
    rm -f "$tmp.beads"
    echo "$na,$nb,$wall,$mem,3,$f1,$hw,$hm,$ratio" >> "$tmp"
    printf '%-10s %-10s %10s %12s %10s %14s\n' "$na" "$nb" "$wall" "$mem" "$f1" "${ratio:+${ratio}x}"
done
rm -f "$tmp.time"
mv "$tmp" "$out"
t10=$(awk -F, 'NR==2 {print $3}' "$out"); t100=$(awk -F, 'NR==5 {print $3}' "$out")
awk -v a="$t10" -v b="$t100" 'BEGIN {printf "time at 100k / time at 10k: %.1f (linear would be about 10)\n", b / a}'
echo "saved $out"
