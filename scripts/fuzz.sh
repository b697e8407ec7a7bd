#!/usr/bin/env bash
# Builds the fuzz targets in fuzz/ and runs each for SECONDS (default 30) on
# its committed corpus (fuzz/corpus/<target>/), one after another, one job
# each. Fails (exit 1) if any target crashes, hangs (an input running over
# FUZZ_TIMEOUT seconds, default 10) or runs out of memory. Prints per
# target: executions, libFuzzer's coverage (cov) and features (ft), crashes
# and hangs. The committed corpus is only read: new inputs go to a scratch
# copy, and crashing inputs to fuzz/artifacts/<target>/.
#
#   scripts/fuzz.sh [--record] [--note TEXT] [SECONDS] [TARGET...]
#
# --record writes the figures to benches/results/fuzz.csv (a row per target
# and duration; a row of the same target and duration is replaced).
#
# Harness: cargo-fuzz (libFuzzer through libfuzzer-sys) with
# `--sanitizer none`, which builds on stable Rust (fuzz/README.md says why).
# What it needs is installed here if missing: cargo-fuzz (pinned) into
# FUZZ_CACHE (default ~/.cache/parallax-fuzz), and a C++ compiler for
# libFuzzer's sources from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

CARGO_FUZZ_VERSION=0.13.2
SECONDS_PER_TARGET=30
RECORD=0
NOTE=""
TARGETS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --record) RECORD=1 ;;
        --note) NOTE="$2"; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        [0-9]*) SECONDS_PER_TARGET="$1" ;;
        *) TARGETS+=("$1") ;;
    esac
    shift
done

FUZZ_CACHE=${FUZZ_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/parallax-fuzz}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-2048}
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-8192}
export PATH="$FUZZ_CACHE/bin:$PATH"

# A C++ compiler: libfuzzer-sys compiles libFuzzer's sources.
if ! command -v c++ >/dev/null 2>&1; then
    echo "fuzz: installing a C++ compiler (g++) from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++ >/dev/null
fi
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
    echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION into $FUZZ_CACHE" >&2
    cargo install --quiet --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION" --root "$FUZZ_CACHE"
fi

if [ ${#TARGETS[@]} -eq 0 ]; then
    mapfile -t TARGETS < <(cd fuzz && cargo fuzz list)
fi

echo "fuzz: building ${#TARGETS[@]} targets (stable $(rustc --version | cut -d' ' -f2), sanitizer none)" >&2
build_start=$(date +%s)
(cd fuzz && cargo fuzz build --sanitizer none) >&2
echo "fuzz: built in $(( $(date +%s) - build_start )) s" >&2
# The targets run as built (no rebuild inside a target's time limit).
target_dir=${CARGO_TARGET_DIR:-fuzz/target}
case "$target_dir" in /*) ;; *) target_dir="$ROOT/$target_dir" ;; esac
BIN="$target_dir/$(rustc -vV | sed -n 's/^host: //p')/release"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/parallax-fuzz.XXXXXX")
# The story_toml and user_lexicon targets write into a scratch folder per
# fuzzer process (fuzz/src/lib.rs); they are removed with the work folder.
trap 'rm -rf "$WORK" /dev/shm/parallax-fuzz-[0-9]* "${TMPDIR:-/tmp}"/parallax-fuzz-[0-9]*' EXIT
RESULTS="$WORK/results.csv"
: > "$RESULTS"
failed=0

printf '%-14s %8s %12s %8s %8s %8s %6s\n' target seconds executions cov ft crashes hangs
for t in "${TARGETS[@]}"; do
    corpus="fuzz/corpus/$t"
    mkdir -p "$WORK/corpus/$t" "fuzz/artifacts/$t"
    [ -d "$corpus" ] || mkdir -p "$corpus"
    ls "fuzz/artifacts/$t" | sort >"$WORK/$t.before"
    log="$WORK/$t.log"
    set +e
    # The outer timeout catches a run that hangs outside an input (libFuzzer
    # itself reports inputs slower than -timeout).
    timeout $((SECONDS_PER_TARGET + 120)) "$BIN/$t" "$WORK/corpus/$t" "$corpus" \
        -max_total_time="$SECONDS_PER_TARGET" -timeout="$FUZZ_TIMEOUT" \
        -rss_limit_mb="$FUZZ_RSS_MB" -max_len="$FUZZ_MAX_LEN" \
        -print_final_stats=1 -artifact_prefix="$ROOT/fuzz/artifacts/$t/" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: [0-9]+' | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
    # Only this run's artifacts count (older ones may lie there).
    ls "fuzz/artifacts/$t" | sort | comm -13 "$WORK/$t.before" - >"$WORK/$t.new"
    crashes=$(grep -cE '^(crash|oom)-' "$WORK/$t.new" || true)
    hangs=$(grep -cE '^timeout-' "$WORK/$t.new" || true)
    new=$(wc -l <"$WORK/$t.new")
    if [ "$rc" -eq 124 ]; then
        hangs=$((hangs + 1))
    fi
    if [ "$rc" -ne 0 ] && [ "$new" -eq 0 ] && [ "$rc" -ne 124 ]; then
        # A failure without an artifact (the build, or libFuzzer's setup).
        crashes=$((crashes + 1))
    fi
    printf '%-14s %8s %12s %8s %8s %8s %6s\n' "$t" "$SECONDS_PER_TARGET" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$crashes" "$hangs"
    echo "$t,$SECONDS_PER_TARGET,${execs:-},${cov:-},${ft:-},$crashes,$hangs" >>"$RESULTS"
    if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ] || [ "$hangs" -ne 0 ]; then
        failed=1
        echo "fuzz: $t failed (exit $rc); the end of its log:" >&2
        grep -vE '^#[0-9]+|NEW_FUNC' "$log" | tail -40 >&2
        sed "s|^|fuzz: artifact fuzz/artifacts/$t/|" "$WORK/$t.new" >&2
    fi
done

if [ "$RECORD" -eq 1 ]; then
    out=benches/results/fuzz.csv
    header="target,seconds,executions,coverage,features,crashes,hangs,notes"
    [ -n "$NOTE" ] || NOTE="cargo-fuzz $CARGO_FUZZ_VERSION; libFuzzer; sanitizer none; rustc $(rustc --version | cut -d' ' -f2); 1 job"
    note=$(printf '%s' "$NOTE" | tr -d '\n' | sed 's/"/""/g')
    {
        if [ -f "$out" ]; then
            # Keep the rows of other targets and durations.
            tail -n +2 "$out" | while IFS= read -r line; do
                key=$(cut -d, -f1,2 <<<"$line")
                grep -q "^$key," "$RESULTS" || echo "$line"
            done
        fi
        sed "s/\$/,\"$note\"/" "$RESULTS"
    } | sort -t, -k2,2n -k1,1 >"$WORK/fuzz.csv"
    { echo "$header"; cat "$WORK/fuzz.csv"; } >"$out"
    echo "fuzz: figures written to $out" >&2
fi

if [ "$failed" -ne 0 ]; then
    echo "fuzz: FAILED (a target crashed or hung; see above)" >&2
    exit 1
fi
echo "fuzz: ${#TARGETS[@]} targets, ${SECONDS_PER_TARGET} s each: 0 crashes, 0 hangs"
