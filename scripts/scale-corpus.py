#!/usr/bin/env python3
"""Generates a corpus of three-version (bg, de, en) stories for the scale
benchmark (scripts/bench-scale.sh), from FLORES-200 devtest.

Each story strings together whole FLORES articles (3-5 sentences each) until
it has about 25 sentences (--sentences), the same articles in all three
languages, one paragraph per article. Then, as relays do, each story gets
some of these edits, seeded: a sentence left out of one version, a number
changed in one version, two sentences of one version merged into one, a
sentence of one version moved to the top. Each story has a story.toml with
a relay chain in one of the six orders.

With --natural the stories are real news as FLORES has it: whole articles,
translated by people, strung to about 16 sentences (--sentences), with no
edits, the length and shape of the three-version news stories the batch
targets are set for.

FLORES has 1,012 sentences, so a large corpus repeats them in new
combinations; the texts are FLORES's (CC BY-SA 4.0) and are written under
target/, never committed.

Usage: scripts/scale-corpus.py --stories 10000 --out target/scale-10k [--data ../shared/data] [--seed 1]
"""
import argparse
import os
import random
import re
import sys


def read_flores(data):
    base = os.path.join(data, "flores200-devtest")
    langs = {"bg": "bul_Cyrl", "de": "deu_Latn", "en": "eng_Latn"}
    lines = {}
    for lang, code in langs.items():
        with open(os.path.join(base, f"{code}.devtest"), encoding="utf-8") as f:
            lines[lang] = [line.rstrip("\n") for line in f]
    with open(os.path.join(base, "metadata_devtest.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    articles, last = [], None
    for i, row in enumerate(rows):
        url = row[0]
        if url != last:
            articles.append([])
            last = url
        articles[-1].append(i)
    return lines, articles


def change_number(sentence, rng):
    numbers = list(re.finditer(r"\d+", sentence))
    if not numbers:
        return sentence
    m = rng.choice(numbers)
    value = int(m.group()) + rng.randint(1, 9)
    return sentence[: m.start()] + str(value) + sentence[m.end():]


def story(lines, articles, rng, sentences=25, natural=False):
    chosen, count = [], 0
    while count < sentences:
        a = rng.choice(articles)
        chosen.append(a)
        count += len(a)
    versions = {}
    for lang in ("bg", "de", "en"):
        versions[lang] = [[lines[lang][i] for i in a] for a in chosen]
    chain = ["bg", "de", "en"]
    if natural:
        rng.shuffle(chain)
        return versions, chain
    edited = rng.choice(("bg", "de", "en"))
    paras = versions[edited]
    if rng.random() < 0.4:
        p = rng.randrange(len(paras))
        if len(paras[p]) > 1:
            del paras[p][rng.randrange(len(paras[p]))]
    if rng.random() < 0.4:
        p = rng.randrange(len(paras))
        s = rng.randrange(len(paras[p]))
        paras[p][s] = change_number(paras[p][s], rng)
    if rng.random() < 0.3:
        p = rng.randrange(len(paras))
        if len(paras[p]) > 1:
            s = rng.randrange(len(paras[p]) - 1)
            paras[p][s : s + 2] = [paras[p][s] + " " + paras[p][s + 1]]
    if rng.random() < 0.2:
        p = rng.randrange(1, len(paras))
        moved = paras[p].pop(rng.randrange(len(paras[p])))
        paras.insert(0, [moved])
        paras[:] = [q for q in paras if q]
    chain = ["bg", "de", "en"]
    rng.shuffle(chain)
    return versions, chain


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", default=os.environ.get("PARALLAX_DATA", "../shared/data"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sentences", type=int, default=None,
                    help="sentences per story (default 25, or 16 with --natural)")
    ap.add_argument("--natural", action="store_true",
                    help="real news: whole FLORES articles, no edits")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.data, "flores200-devtest")):
        sys.exit(f"scale-corpus: FLORES-200 not found under {args.data} (set --data or PARALLAX_DATA)")
    lines, articles = read_flores(args.data)
    rng = random.Random(args.seed)
    width = len(str(args.stories))
    for n in range(args.stories):
        sentences = args.sentences or (16 if args.natural else 25)
        versions, chain = story(lines, articles, rng, sentences, args.natural)
        # Two levels, as corpora are often organised (a folder per hundred).
        d = os.path.join(args.out, f"{n // 100:0{max(width - 2, 1)}d}", f"story-{n:0{width}d}")
        os.makedirs(d, exist_ok=True)
        for lang, paras in versions.items():
            with open(os.path.join(d, f"{lang}.txt"), "w", encoding="utf-8") as f:
                f.write("\n\n".join("\n".join(p) for p in paras) + "\n")
        with open(os.path.join(d, "story.toml"), "w", encoding="utf-8") as f:
            f.write("chain = [" + ", ".join(f'"{c}"' for c in chain) + "]\n")
    print(f"{args.stories} stories in {args.out}")


if __name__ == "__main__":
    main()
