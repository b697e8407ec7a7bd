#!/usr/bin/env bash
# Regenerate Parallax's embedded lexicon (data/lexicon/*.tsv, SOURCES.md, licenses/).
#
# Installs the Debian dictionary packages, downloads the pinned PyPI wheels
# (wordfreq, bulstem, simplemma, snowballstemmer; hash-checked, not installed)
# and runs scripts/build_lexicon.py, which uses only the Python standard library
# (it reads the wheels as zip files and imports the pure-Python snowballstemmer
# straight from its wheel).
# Safe to run again: outputs are rewritten byte-for-byte identically when the
# inputs have not changed. Needs root (apt-get) on Debian bookworm.
#
# Environment:
#   LEXICON_CACHE   where the wheels are kept (default: ~/.cache/parallax-lexicon)
#   PYTHON          Python 3.11+ interpreter to use (default: python3)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT_DIR="$REPO_DIR/data/lexicon"
CACHE_DIR="${LEXICON_CACHE:-${HOME:-/root}/.cache/parallax-lexicon}"
PYTHON="${PYTHON:-python3}"

# Debian packages feeding the lexicon, with the versions the committed files were
# built from (bookworm). Another version only triggers a warning; the version
# actually used is written into every file header and SOURCES.md.
DEB_PACKAGES=(
  "dict-freedict-eng-bul=2022.12.07-2"
  "dict-freedict-deu-bul=2022.12.07-2"
  "trans-de-en=1.9-6"
  "hunspell-bg=1:7.5.0-1"
)

# PyPI wheels (only their data is used; they are opened as zip files).
WORDFREQ_VERSION="3.1.1"
WORDFREQ_SHA256="4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473"
BULSTEM_VERSION="0.3.3"
BULSTEM_SHA256="fb1cb8ddc4d46149292f1f5aee3837c708447d1747f5b28891f07de5b3e4382d"
SIMPLEMMA_VERSION="2.0.0"
SIMPLEMMA_SHA256="db33b15f5aed6485a748ce34d1f510ca760af2633289ab9a8493e2afa785c352"
# 2.2.0, not the newest: its german/english stemmers give exactly the stems of
# rust-stemmers 1.2.0 (the crate Parallax uses); 3.x changed both algorithms.
SNOWBALL_VERSION="2.2.0"
SNOWBALL_SHA256="c8e1716e83cc398ae16824e5572ae04e0d9fc2c6b985fb0f900f5f0c96ecba1a"

log() { printf '[build-lexicon] %s\n' "$*" >&2; }

if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    log "not root: re-running with sudo"
    exec sudo --preserve-env=LEXICON_CACHE,PYTHON "$0" "$@"
  fi
  log "must run as root (apt-get install)"
  exit 1
fi

# --- Debian packages -------------------------------------------------------
missing=()
for spec in "${DEB_PACKAGES[@]}"; do
  pkg="${spec%%=*}"
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  missing+=(python3)
fi
if ((${#missing[@]})); then
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for spec in "${DEB_PACKAGES[@]}"; do
  pkg="${spec%%=*}"
  want="${spec#*=}"
  have="$(dpkg-query -W -f='${Version}' "$pkg")"
  if [[ "$have" != "$want" ]]; then
    log "warning: $pkg is $have, the committed lexicon was built from $want"
  fi
done

# --- Python and pip --------------------------------------------------------
if ! "$PYTHON" -c 'import lzma, sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  log "$PYTHON is older than 3.11 or lacks the lzma module"
  exit 1
fi
if ! "$PYTHON" -m pip --version >/dev/null 2>&1; then
  log "installing python3-pip"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
fi

# --- wheels (downloaded, hash-checked, never installed) --------------------
mkdir -p "$CACHE_DIR"
requirements="$(mktemp)"
trap 'rm -f "$requirements"' EXIT
cat >"$requirements" <<EOF
wordfreq==$WORDFREQ_VERSION --hash=sha256:$WORDFREQ_SHA256
bulstem==$BULSTEM_VERSION --hash=sha256:$BULSTEM_SHA256
simplemma==$SIMPLEMMA_VERSION --hash=sha256:$SIMPLEMMA_SHA256
snowballstemmer==$SNOWBALL_VERSION --hash=sha256:$SNOWBALL_SHA256
EOF
log "fetching wheels into $CACHE_DIR"
"$PYTHON" -m pip download --quiet --disable-pip-version-check --no-deps \
  --only-binary=:all: --require-hashes -r "$requirements" -d "$CACHE_DIR"

# --- generate ----------------------------------------------------------------
log "generating $OUT_DIR"
"$PYTHON" "$SCRIPT_DIR/build_lexicon.py" \
  --wheel-dir "$CACHE_DIR" \
  --wordfreq-version "$WORDFREQ_VERSION" \
  --bulstem-version "$BULSTEM_VERSION" \
  --simplemma-version "$SIMPLEMMA_VERSION" \
  --snowball-version "$SNOWBALL_VERSION" \
  --out "$OUT_DIR"

log "done:"
(cd "$OUT_DIR" && wc -l -- *.tsv *.txt SOURCES.md | sed 's/^/    /' >&2
 du -sh --apparent-size . | sed 's/^/    total /' >&2)
