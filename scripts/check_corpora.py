#!/usr/bin/env python3
"""Checks the gold annotations of the bundled corpora (format: corpora/README.md).

Usage: scripts/check_corpora.py [STORY_DIR...]   (default: every story in corpora/)

Prints one line per problem and exits 1 when there is any. Checks:
- story.toml parses, has a chain of the story's versions, original == chain[0];
- every gold/<lang>.seg line is found, in order, in <lang>.txt, and the lines
  joined equal the text with whitespace removed;
- rows.tsv covers every sentence id of every version exactly once; ids increase
  down each column except in rows marked moved (column `moved` = 1);
- every divergence names valid ids that lie in one row, a known kind, the
  predecessor in the chain as `against`, and evidence present in the side it names.
"""

import sys
import tomllib
from pathlib import Path

KINDS = {
    "loaded_term", "intensified", "softened", "addition", "omission",
    "added_sentence", "omitted_sentence", "number", "name", "negation",
    "hedge", "quote", "meaning",
}
ROOT = Path(__file__).resolve().parent.parent


def ids(cell):
    cell = cell.strip()
    return [int(x) for x in cell.split(",")] if cell else []


def check_story(d: Path):
    problems = []
    p = lambda msg: problems.append(f"{d.name}: {msg}")
    try:
        meta = tomllib.loads((d / "story.toml").read_text("utf-8"))
    except Exception as e:  # noqa: BLE001
        return [f"{d.name}: story.toml: {e}"]
    chain = meta.get("chain", [])
    langs = sorted(f.stem for f in d.glob("*.txt"))
    if sorted(chain) != langs:
        p(f"chain {chain} does not name the versions {langs}")
    if meta.get("original") != (chain[0] if chain else None):
        p("original is not chain[0]")
    segs = {}
    for lang in langs:
        text = (d / f"{lang}.txt").read_text("utf-8")
        seg_path = d / "gold" / f"{lang}.seg"
        if not seg_path.exists():
            p(f"missing gold/{lang}.seg")
            continue
        lines = [l for l in seg_path.read_text("utf-8").split("\n") if l.strip()]
        segs[lang] = lines
        at = 0
        for k, line in enumerate(lines):
            found = text.find(line, at)
            if found < 0:
                p(f"{lang}.seg line {k} not found in order in {lang}.txt: {line[:60]!r}")
                break
            at = found + len(line)
        if "".join("".join(lines).split()) != "".join(text.split()):
            p(f"{lang}.seg joined differs from {lang}.txt without whitespace")
    rows_path = d / "gold" / "rows.tsv"
    if not rows_path.exists():
        return problems + [f"{d.name}: missing gold/rows.tsv"]
    rows_lines = rows_path.read_text("utf-8").rstrip("\n").split("\n")
    header = rows_lines[0].split("\t")
    cols = [h for h in header if h != "moved"]
    if sorted(cols) != langs:
        p(f"rows.tsv header {header} does not name the versions {langs}")
    row_of = {lang: {} for lang in cols}
    last = {lang: -1 for lang in cols}
    for r, line in enumerate(rows_lines[1:]):
        cells = dict(zip(header, line.split("\t") + [""] * len(header)))
        moved = cells.get("moved", "").strip() == "1"
        if not any(ids(cells[lang]) for lang in cols):
            p(f"rows.tsv row {r + 1} is empty")
        for lang in cols:
            for i in ids(cells[lang]):
                if i in row_of[lang]:
                    p(f"rows.tsv: {lang} id {i} in two rows")
                row_of[lang][i] = r
                if not moved:
                    if i <= last[lang]:
                        p(f"rows.tsv row {r + 1}: {lang} id {i} out of order (mark moved rows)")
                    last[lang] = i
    for lang in cols:
        n = len(segs.get(lang, []))
        if sorted(row_of[lang]) != list(range(n)):
            p(f"rows.tsv: {lang} ids do not cover 0..{n - 1} exactly once")
    div_path = d / "gold" / "divergences.tsv"
    if not div_path.exists():
        return problems + [f"{d.name}: missing gold/divergences.tsv"]
    dl = div_path.read_text("utf-8").rstrip("\n").split("\n")
    want = ["version", "sentence", "against", "against_sentence", "kind", "evidence", "evidence_in", "note"]
    if dl[0].split("\t") != want:
        p(f"divergences.tsv header must be {want}")
        return problems
    for k, line in enumerate(dl[1:], start=2):
        c = line.split("\t")
        if len(c) != len(want):
            p(f"divergences.tsv line {k}: {len(c)} cells, want {len(want)}")
            continue
        v, vs, a, as_, kind, ev, ev_in, _note = c
        if not set(kind.split("|")) <= KINDS:
            p(f"divergences.tsv line {k}: unknown kind {kind!r}")
        if v not in chain or a not in chain or chain.index(v) != chain.index(a) + 1:
            p(f"divergences.tsv line {k}: against {a} is not the predecessor of {v} in {chain}")
            continue
        try:
            vids, aids = ids(vs), ids(as_)
        except ValueError:
            p(f"divergences.tsv line {k}: bad ids")
            continue
        rows = {row_of[v].get(i) for i in vids} | {row_of[a].get(i) for i in aids}
        if None in rows or len(rows) != 1:
            p(f"divergences.tsv line {k}: ids {vs!r}/{as_!r} are not in one row")
        if kind == "added_sentence" and aids:
            p(f"divergences.tsv line {k}: added_sentence has against ids")
        if kind == "omitted_sentence" and vids:
            p(f"divergences.tsv line {k}: omitted_sentence has version ids")
        if ev_in not in ("version", "against"):
            p(f"divergences.tsv line {k}: evidence_in must be version or against")
            continue
        side, sids = (v, vids) if ev_in == "version" else (a, aids)
        text = " ".join(segs.get(side, [""])[i] for i in sids if i < len(segs.get(side, [])))
        if ev not in text:
            p(f"divergences.tsv line {k}: evidence {ev!r} not in {side} sentence(s) {sids}")
    return problems


def main():
    dirs = [Path(a) for a in sys.argv[1:]] or sorted(
        x for x in (ROOT / "corpora").iterdir() if (x / "story.toml").exists()
    )
    problems = [msg for d in dirs for msg in check_story(d)]
    for msg in problems:
        print(msg)
    total = 0
    for d in dirs:
        f = d / "gold" / "divergences.tsv"
        if f.exists():
            total += len(f.read_text("utf-8").rstrip("\n").split("\n")) - 1
    print(f"{len(dirs)} stories, {total} divergences, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
