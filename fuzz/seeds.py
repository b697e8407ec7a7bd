#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/<target>/ from ../corpora and a few
hand-made inputs in the shapes the tests use (hostile bytes, bad TOML, bad
lexicon rows). Each file stays under 8 KB; a few dozen per target. The
output is deterministic; run from anywhere: python3 fuzz/seeds.py"""

import hashlib
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.join(HERE, "..", "corpora")
OUT = os.path.join(HERE, "corpus")
LIMIT = 8 * 1024

# Languages as the targets' selector bytes pick them (fuzz/src/lib.rs).
LANG = {"bg": 0, "de": 1, "en": 2, "fr": 3}
# Two-version stories: selector bit 0 set, (sel >> 1) % 3 picks the pair.
PAIR = {("bg", "de"): 0, ("bg", "en"): 1, ("de", "en"): 2}


def stories():
    for name in sorted(os.listdir(CORPORA)):
        d = os.path.join(CORPORA, name)
        if os.path.isdir(d):
            yield name, d


def read(path):
    with open(path, "rb") as f:
        return f.read()


def head(text, limit):
    """The paragraphs of `text` (bytes) that fit in `limit` bytes."""
    if len(text) <= limit:
        return text
    out = b""
    for para in text.split(b"\n\n"):
        nxt = out + (b"\n\n" if out else b"") + para
        if len(nxt) > limit:
            break
        out = nxt
    return out + b"\n"


def paragraphs(text):
    return [p.strip() for p in text.split(b"\n\n") if p.strip()]


def write(target, data):
    assert len(data) <= LIMIT, (target, len(data))
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    hostile = [
        b"\xef\xbb\xbfBOM first line\r\nCRLF line\rCR line\n",
        b"\xff\xfeU\x00T\x00F\x00-\x001\x006\x00",
        b"Latin-1 \xe9t\xe9 \xfcber\n",
        b"\xcf\xf0\xe8\xe2\xe5\xf2 (Windows-1251)\n",
        b"NUL \x00 inside\n",
        b"   \n\t\n",
        "1\u00a0000 Euro\u202fund\u00adTrenn\u200bung\u2028Zeile\u2029Absatz".encode(),
        "5\u0344\u0344oo".encode(),
        "a\u00a0\U0001133c\u09df b".encode(),
        b"<html><body><p>Saved page</p><script>alert(1)</script></body></html>\n",
    ]
    story_list = list(stories())

    # intake and segment: whole versions (cut to 8 KB), one language per story
    # in turn, plus the hostile inputs.
    for i, (name, d) in enumerate(story_list):
        lang = ["bg", "de", "en"][i % 3]
        write("intake", head(read(os.path.join(d, lang + ".txt")), LIMIT))
        lang2 = ["de", "en", "bg"][i % 3]
        write("segment", head(read(os.path.join(d, lang2 + ".txt")), 4096))
    for h in hostile:
        write("intake", h)
        write("segment", h)
    for s in [
        b"Am 3. Mai sagte Dr. Meier, die Stadt zahle 1.000,5 Mio. Euro.",
        "На 22 февр. 2025 г. проф. Иванов каза: „Не.“ След това си тръгна.".encode(),
        b"Mr. J. R. Smith arrived at 9 a.m. EST. He said 'no.' No. 5 won.",
        b"- first item\n- second item\n\n1. numbered\n2. list",
    ]:
        write("segment", s)

    # numbers: corpus lines with digits, and hand-made number and date forms.
    lines = []
    for name, d in story_list:
        for lang in ("bg", "de", "en"):
            for line in read(os.path.join(d, lang + ".txt")).split(b"\n"):
                if re.search(rb"\d", line):
                    lines.append(line.strip())
    for line in lines[::max(1, len(lines) // 30)][:30]:
        write("numbers", line[:1024])
    for s in [
        "1.000,5 3,5 1,000.5 1.250.000 1.2.3,4,5 25% 12,4 %",
        "3,5 млрд. лв. 3,5 Mrd. Euro 3.5 billion 2 Billionen",
        "22.02.2025 2025-02-22 22/02/2025 31.13.2025 1.000.000",
        "трите единадесетте dreißig dutzend twelve хиляда",
        "okt. февруари feb März jänner 1 Prozent процента pct v.h.",
        "9" * 400 + " ,5 .5 5, 5. 0,000 00.00.0000",
    ]:
        write("numbers", s.encode())

    # story.toml: every corpus story's, and the refused shapes.
    for name, d in story_list:
        p = os.path.join(d, "story.toml")
        if os.path.exists(p):
            write("story_toml", read(p))
    for s in [
        'orignal = "de"',
        'original = "xx1"',
        'chain = ["de", "de"]',
        'original = "bg"\nchain = ["de", "bg"]',
        "title = ",
        'chain = ["de", "bg", "en"]',
        'chain = ["de", "fr"]\ntitle = 5',
        "date = 2025-02-22T10:00:00Z\nurl = 'x'",
        "[table]\nkey = 1",
    ]:
        write("story_toml", s.encode())

    # user lexicon TSV.
    for s in [
        "lang_a\tword_a\tlang_b\tword_b\nbg\tСофия\ten\tSofia\n",
        "# names\nde\tMünchen\ten\tMunich\nbg\tМюнхен\tde\tMünchen\n",
        "bg\tтоплофикация\ten\tdistrict heating\n\nde\tFernwärme\ten\tdistrict heating\n",
        "en\tx\ten\ty\n",
        "bg\tслово\n",
        "fr\tmot\ten\tword\n",
        "bg\t\ten\tempty\n",
        "\ufeffbg\tдума\tde\tWort\r\nde\tWort\ten\tword\r\n",
        "BUL\tБургас\tENG\tBurgas\n",
    ]:
        write("user_lexicon", s.encode())

    # correspond: the headlines and first paragraphs of two versions.
    pairs = [("bg", "de"), ("de", "en"), ("en", "bg"), ("bg", "en")]
    for i, (name, d) in enumerate(story_list):
        la, lb = pairs[i % 4]
        pa, pb = paragraphs(read(os.path.join(d, la + ".txt"))), paragraphs(
            read(os.path.join(d, lb + ".txt"))
        )
        sel = bytes([LANG[la] | LANG[lb] << 2])
        write("correspond", sel + pa[0] + b"\0" + pb[0])
        if len(pa) > 1 and len(pb) > 1:
            a, b = pa[1].split(b". ")[0], pb[1].split(b". ")[0]
            write("correspond", sel + a + b"\0" + b)
    write("correspond", bytes([LANG["fr"] | LANG["de"] << 2]) + "Le maire Jean Dupont\0Der Bürgermeister Jean Dupont".encode())

    # align: two versions of a story (4 KB each at most); every other one
    # with the banded search.
    for i, (name, d) in enumerate(story_list):
        la, lb = pairs[i % 4]
        sel = LANG[la] | LANG[lb] << 2 | (0x10 | (i % 8) << 5 if i % 2 else 0)
        a = head(read(os.path.join(d, la + ".txt")), 4000)
        b = head(read(os.path.join(d, lb + ".txt")), 4000)
        write("align", bytes([sel]) + a + b"\0" + b)

    # score and reports: three versions (2.6 KB each at most), or two.
    for i, (name, d) in enumerate(story_list):
        texts = {l: head(read(os.path.join(d, l + ".txt")), 2600) for l in ("bg", "de", "en")}
        if i % 3:
            sel = (i % 8) << 3  # three versions, a chain picked by the high bits
            data = bytes([sel]) + texts["bg"] + b"\0" + texts["de"] + b"\0" + texts["en"]
        else:
            (la, lb), k = list(PAIR.items())[(i // 3) % 3]
            sel = 1 | k << 1
            data = bytes([sel]) + texts[la] + b"\0" + texts[lb]
        write("score", data)
        if i % 2 == 0:
            write("reports", data)
    write(
        "reports",
        b"\0=SUM(A1) <b>bold</b> \"quoted\", comma\0-3 + @cmd <script>x</script>.\n\nZweiter Absatz.\0"
        b"<img src=x onerror=alert(1)> 'single' & ampersand\r\nline\n",
    )


if __name__ == "__main__":
    main()
