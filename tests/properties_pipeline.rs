//! Property tests of the pipeline's invariants (issue 11, section 2): the
//! beads of an alignment cover both sides once and in order, every sentence
//! lands in exactly one row, byte offsets lead back into the file as read,
//! output does not depend on threads or story order, and a story's flags do
//! not depend on the other stories once the learned table is fixed.
//!
//! Stories are built from the bundled corpora's sentences (`corpora/*/gold/
//! *.seg`), edited the way relays and scrapers edit them (sentences dropped,
//! duplicated and moved, numbers swapped, words deleted, short lines,
//! quotes and headlines added), laid out in paragraphs and saved the way
//! editors' files come (BOM, CRLF or CR, NBSP, soft hyphens, zero-width
//! characters, decomposed accents); the alignment properties also run on
//! arbitrary Unicode.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use parallax::align::{AlignOptions, Bead, Doc, LearnedTables, Row, align, three_way};
use parallax::corpus::{Story, StoryMeta, Version};
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, AlignedStory, Options};
use parallax::score::{ScoredStory, score_story};
use parallax::{Lang, Sentence, Text, Warning};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

const LANGS: [Lang; 3] = [Lang::Bg, Lang::De, Lang::En];

/// One bundled story's versions as gold sentences: the headline (first line
/// of each `.seg`) and the body.
struct Source {
    headline: [String; 3],
    body: [Vec<String>; 3],
}

static CORPUS: LazyLock<Vec<Source>> = LazyLock::new(|| {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("corpora")
        .expect("corpora/")
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("gold").is_dir())
        .collect();
    dirs.sort();
    let out: Vec<Source> = dirs
        .iter()
        .map(|d| {
            let read = |lang: Lang| -> (String, Vec<String>) {
                let seg = std::fs::read_to_string(d.join("gold").join(format!("{lang}.seg")))
                    .expect("gold segmentation");
                let mut lines = seg.lines().map(str::to_string).filter(|l| !l.is_empty());
                let head = lines.next().unwrap_or_default();
                (head, lines.collect())
            };
            let [(hb, bb), (hd, bd), (he, be)] = LANGS.map(read);
            Source {
                headline: [hb, hd, he],
                body: [bb, bd, be],
            }
        })
        .collect();
    assert!(out.len() >= 10, "the bundled corpora are missing");
    out
});

/// Every gold sentence of every language, for documents of mixed origin.
static SENTENCES: LazyLock<Vec<String>> = LazyLock::new(|| {
    CORPUS
        .iter()
        .flat_map(|s| (0..3).flat_map(move |v| s.body[v].iter().chain([&s.headline[v]])))
        .cloned()
        .collect()
});

fn lexicon() -> Lexicon {
    Lexicon::embedded()
}

// ---------------------------------------------------------------------------
// Generators

/// What a relay or a scraper does to one version's sentences. Indices are
/// taken modulo the number of sentences at the time the edit applies.
#[derive(Debug, Clone)]
enum Edit {
    Drop(usize),
    Duplicate(usize),
    Move(usize, usize),
    /// The `k`-th digit run of a sentence becomes `n`.
    SwapNumber(usize, usize, u32),
    /// The `k`-th word of a sentence is deleted.
    DeleteWord(usize, usize),
    /// A short line of its own (a caption, a dateline, a stray quote mark).
    Insert(usize, String),
    /// The sentence is put in quotation marks of the version's language.
    Quote(usize),
    /// A new headline, or none.
    Headline(Option<String>),
    /// Arbitrary text appended to a sentence.
    Append(usize, String),
    /// A sentence of another story, anywhere.
    Foreign(usize, Index),
}

/// Short lines news pages are full of.
const SHORT_LINES: &[&str] = &[
    "Foto: Reuters",
    "* * *",
    "—",
    "1.",
    "Update:",
    "„Nein.“",
    "\"No.\"",
    "(dpa)",
    "БТА",
    "Lesen Sie auch: Mehr zum Thema",
    "Още по темата",
    "Read more",
    "12.03.2026",
    "- ein Punkt",
    "• точка",
    "z. B.",
    "г.",
    "Prof. Dr. Katrin Albers",
    "…",
    "?!",
    "“",
    "\"",
    "„",
    "«»",
    "3,5 Mrd. Euro",
    "25 %",
    "1,250.5",
];

fn short_line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(SHORT_LINES).prop_map(str::to_string),
        1 => "\\PC{1,12}",
    ]
}

/// Arbitrary text, with the characters intake treats specially mixed in.
fn odd_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "\\PC{1,8}",
        1 => "[a-zA-ZäöüßА-Яа-я0-9 ,.!?]{1,12}",
        3 => proptest::sample::select(vec![
            "\u{0301}", "\u{0316}\u{0301}", "e\u{0316}\u{0301}", "\u{1100}\u{1161}", "\u{AC00}\u{11A8}",
            "\u{00A0}", "\u{00AD}", "\u{200B}", "\u{FEFF}", "\u{2028}", "\u{2029}", "\r", "\r\n",
            "\u{212B}", "\u{FB4B}", "\u{0F73}", "\u{0B47}\u{0B3E}", "ﬁ", "’", "„", "“",
            "\u{0344}", "a\u{0344}\u{0344}", "\u{0F4D}", "\u{0958}", "\u{0A5B}", "\u{FB2E}",
            "\u{0958}\u{0344}", "\u{1E9B}\u{0323}",
        ])
        .prop_map(str::to_string),
    ];
    proptest::collection::vec(piece, 1..5).prop_map(|v| v.concat())
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = || any::<u16>().prop_map(usize::from);
    prop_oneof![
        3 => i().prop_map(Edit::Drop),
        1 => i().prop_map(Edit::Duplicate),
        2 => (i(), i()).prop_map(|(a, b)| Edit::Move(a, b)),
        3 => (i(), i(), 0..2100u32).prop_map(|(s, k, n)| Edit::SwapNumber(s, k, n)),
        3 => (i(), i()).prop_map(|(s, k)| Edit::DeleteWord(s, k)),
        2 => (i(), short_line()).prop_map(|(s, l)| Edit::Insert(s, l)),
        1 => i().prop_map(Edit::Quote),
        1 => proptest::option::of(prop_oneof![
            short_line(),
            any::<Index>().prop_map(|x| SENTENCES[x.index(SENTENCES.len())].clone()),
        ])
        .prop_map(Edit::Headline),
        1 => (i(), odd_text()).prop_map(|(s, t)| Edit::Append(s, t)),
        1 => (i(), any::<Index>()).prop_map(|(s, x)| Edit::Foreign(s, x)),
    ]
}

/// How a version's file is saved.
#[derive(Debug, Clone, Default)]
struct Noise {
    bom: bool,
    /// 0: LF, 1: CRLF, 2: CR.
    line_ends: u8,
    nbsp: bool,
    soft_hyphens: bool,
    zero_width: bool,
    nfd: bool,
    final_newline: bool,
}

fn noise() -> impl Strategy<Value = Noise> {
    let b = || proptest::bool::weighted(0.25);
    (b(), 0..3u8, b(), b(), b(), b(), any::<bool>()).prop_map(
        |(bom, line_ends, nbsp, soft_hyphens, zero_width, nfd, final_newline)| Noise {
            bom,
            line_ends,
            nbsp,
            soft_hyphens,
            zero_width,
            nfd,
            final_newline,
        },
    )
}

#[derive(Debug, Clone)]
struct VersionPlan {
    keep_headline: bool,
    edits: Vec<Edit>,
    /// Separators between sentences, cycled: a space, a line break (a soft
    /// wrap) or a blank line (a new paragraph).
    breaks: Vec<u8>,
    noise: Noise,
}

fn version_plan() -> impl Strategy<Value = VersionPlan> {
    (
        proptest::bool::weighted(0.8),
        proptest::collection::vec(edit(), 0..5),
        proptest::collection::vec(0..6u8, 0..6),
        noise(),
    )
        .prop_map(|(keep_headline, edits, breaks, noise)| VersionPlan {
            keep_headline,
            edits,
            breaks,
            noise,
        })
}

/// One story: a window of a bundled story, two or three versions, each
/// edited and saved its own way, and a relay chain (or none).
#[derive(Debug, Clone)]
struct StoryPlan {
    source: Index,
    /// Where the window starts, as a share of the body (per mille).
    start: u16,
    len: usize,
    versions: [Option<VersionPlan>; 3],
    chain: Option<usize>,
}

fn story_plan() -> impl Strategy<Value = StoryPlan> {
    let present = prop_oneof![
        4 => Just([true, true, true]),
        1 => Just([true, true, false]),
        1 => Just([true, false, true]),
        1 => Just([false, true, true]),
    ];
    (
        any::<Index>(),
        0..1000u16,
        2..9usize,
        present,
        [version_plan(), version_plan(), version_plan()],
        proptest::option::of(0..6usize),
    )
        .prop_map(|(source, start, len, present, plans, chain)| {
            let [p0, p1, p2] = plans;
            StoryPlan {
                source,
                start,
                len,
                versions: [
                    present[0].then_some(p0),
                    present[1].then_some(p1),
                    present[2].then_some(p2),
                ],
                chain,
            }
        })
}

fn quote(lang: Lang, s: &str) -> String {
    match lang {
        Lang::En => format!("\"{s}\""),
        _ => format!("„{s}“"),
    }
}

/// The sentences of one version after its edits: headline and body.
fn edited(src: &Source, plan: &StoryPlan, v: usize) -> (Option<String>, Vec<String>) {
    let vp = plan.versions[v].as_ref().expect("present");
    let body = &src.body[v];
    let start = (plan.start as usize * body.len() / 1000).min(body.len().saturating_sub(1));
    let mut sents: Vec<String> = body.iter().skip(start).take(plan.len).cloned().collect();
    let mut headline = vp.keep_headline.then(|| src.headline[v].clone());
    let lang = LANGS[v];
    for e in &vp.edits {
        let n = sents.len();
        match e {
            Edit::Drop(i) if n > 1 => {
                sents.remove(i % n);
            }
            Edit::Duplicate(i) if n > 0 => {
                let s = sents[i % n].clone();
                sents.insert(i % n, s);
            }
            Edit::Move(i, j) if n > 1 => {
                let s = sents.remove(i % n);
                sents.insert(j % n, s);
            }
            Edit::SwapNumber(i, k, x) if n > 0 => {
                let s = &mut sents[i % n];
                let runs: Vec<(usize, usize)> = digit_runs(s);
                if !runs.is_empty() {
                    let (a, b) = runs[k % runs.len()];
                    s.replace_range(a..b, &x.to_string());
                }
            }
            Edit::DeleteWord(i, k) if n > 0 => {
                let s = &mut sents[i % n];
                let mut words: Vec<&str> = s.split(' ').collect();
                if words.len() > 1 {
                    let k = k % words.len();
                    words.remove(k);
                    *s = words.join(" ");
                }
            }
            Edit::Insert(i, line) => sents.insert(i % (n + 1), line.clone()),
            Edit::Quote(i) if n > 0 => {
                let s = &mut sents[i % n];
                *s = quote(lang, s);
            }
            Edit::Headline(h) => headline = h.clone(),
            Edit::Append(i, t) if n > 0 => {
                let s = &mut sents[i % n];
                s.push(' ');
                s.push_str(t);
            }
            Edit::Foreign(i, x) => {
                let s = SENTENCES[x.index(SENTENCES.len())].clone();
                sents.insert(i % (n + 1), s);
            }
            _ => {}
        }
    }
    if sents.iter().all(|s| s.trim().is_empty()) {
        sents.push(body[start].clone());
    }
    (headline, sents)
}

fn digit_runs(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The file of one version as an editor would have saved it.
fn render(headline: Option<&str>, sents: &[String], vp: &VersionPlan) -> String {
    let mut text = String::new();
    if let Some(h) = headline {
        text.push_str(h);
        text.push_str("\n\n");
    }
    for (k, s) in sents.iter().enumerate() {
        if k > 0 {
            let b = if vp.breaks.is_empty() {
                0
            } else {
                vp.breaks[k % vp.breaks.len()]
            };
            text.push_str(match b {
                0..=2 => " ",
                3 => "\n",
                _ => "\n\n",
            });
        }
        text.push_str(s);
    }
    if vp.noise.final_newline {
        text.push('\n');
    }
    apply_noise(&text, &vp.noise)
}

fn apply_noise(text: &str, noise: &Noise) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut word_len = 0;
    let mut spaces = 0;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        match c {
            ' ' if noise.nbsp && (prev.is_ascii_digit() || next.is_ascii_digit()) => {
                out.push('\u{00A0}')
            }
            ' ' if noise.nbsp && spaces % 7 == 3 => out.push('\u{202F}'),
            '\n' if noise.line_ends == 1 => out.push_str("\r\n"),
            '\n' if noise.line_ends == 2 => out.push('\r'),
            ',' if noise.zero_width => out.push_str(",\u{200B}"),
            _ => out.push(c),
        }
        if c == ' ' {
            spaces += 1;
        }
        if c.is_alphabetic() {
            word_len += 1;
            if noise.soft_hyphens && word_len == 4 && next.is_alphabetic() {
                out.push('\u{00AD}');
            }
        } else {
            word_len = 0;
        }
        prev = c;
    }
    let mut out = if noise.nfd { out.nfd().collect() } else { out };
    if noise.zero_width {
        // A BOM in the middle of the file, and a word joiner.
        if let Some((i, _)) = out.char_indices().nth(out.chars().count() / 2) {
            out.insert_str(i, "\u{FEFF}\u{2060}");
        }
    }
    if noise.bom {
        out.insert(0, '\u{FEFF}');
    }
    out
}

/// A story with its files as they were "read": what the pipeline sees and
/// the raw text of each version, in version order.
struct Built {
    story: Story,
    raws: Vec<String>,
}

fn build(plan: &StoryPlan, key: &str) -> Built {
    let src = &CORPUS[plan.source.index(CORPUS.len())];
    let mut versions = Vec::new();
    let mut raws = Vec::new();
    for (v, lang) in LANGS.into_iter().enumerate() {
        let Some(vp) = &plan.versions[v] else {
            continue;
        };
        let (headline, sents) = edited(src, plan, v);
        let raw = render(headline.as_deref(), &sents, vp);
        let path = PathBuf::from(format!("/generated/{key}/{lang}.txt"));
        let text = Text::from_str_at(&raw, Some(path.clone()));
        versions.push(Version { lang, path, text });
        raws.push(raw);
    }
    let langs: Vec<Lang> = versions.iter().map(|v| v.lang).collect();
    const PERMS: [[usize; 3]; 6] = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let chain: Vec<Lang> = plan
        .chain
        .map(|p| {
            PERMS[p]
                .iter()
                .map(|&i| LANGS[i])
                .filter(|l| langs.contains(l))
                .collect()
        })
        .unwrap_or_default();
    let meta = StoryMeta {
        original: chain.first().copied(),
        chain,
        ..StoryMeta::default()
    };
    Built {
        story: Story {
            name: key.to_string(),
            key: key.to_string(),
            dir: PathBuf::from(format!("/generated/{key}")),
            meta,
            versions,
            warnings: Vec::new(),
            failed: Vec::new(),
        },
        raws,
    }
}

fn build_all(plans: &[StoryPlan]) -> Vec<Built> {
    plans
        .iter()
        .enumerate()
        .map(|(k, p)| build(p, &format!("story-{k}")))
        .collect()
}

fn stories(built: &[Built]) -> Vec<Story> {
    built.iter().map(|b| b.story.clone()).collect()
}

/// A document of two kinds of sentence: the corpora's, and arbitrary text.
fn doc_sentences() -> impl Strategy<Value = Vec<String>> {
    let sentence = prop_oneof![
        3 => any::<Index>().prop_map(|x| SENTENCES[x.index(SENTENCES.len())].clone()),
        1 => "\\PC{0,40}",
        1 => odd_text(),
        1 => "[0-9 .,%]{1,10}",
    ];
    proptest::collection::vec(sentence, 0..14)
}

fn any_lang() -> impl Strategy<Value = Lang> {
    proptest::sample::select(vec![Lang::Bg, Lang::De, Lang::En, Lang::Other(*b"fr")])
}

/// The default options, or a narrow band searched from the start (no full
/// matrix), so the band, its widening and the guide path are exercised on
/// small documents too.
fn align_options() -> impl Strategy<Value = AlignOptions> {
    prop_oneof![
        Just(AlignOptions::default()),
        (0..4usize).prop_map(|band| AlignOptions {
            band,
            full_matrix_cells: 0,
            ..AlignOptions::default()
        }),
    ]
}

/// A document with its structure: paragraph starts and a headline.
fn doc<'a>(lang: Lang, sentences: &'a [String], structure: &[bool], headline: bool) -> Doc<'a> {
    let mut d = Doc::from_sentences(lang, sentences.iter().map(String::as_str).collect());
    for (k, p) in d.paragraph_start.iter_mut().enumerate() {
        *p = k == 0 || structure.get(k).copied().unwrap_or(false);
    }
    if let Some(h) = d.headline.first_mut() {
        *h = headline;
    }
    d
}

// ---------------------------------------------------------------------------
// The invariants, as checks shared by the properties

/// The shapes the dynamic programme knows (README, "How it works"); a
/// moved passage's beads have them too (a 1-1, or 2-1 and 1-2 where a
/// sentence of the passage was merged).
const SHAPES: [(usize, usize); 8] = [
    (1, 0),
    (0, 1),
    (1, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
];

/// The beads of an alignment of `n` and `m` sentences: side `a` is split
/// into contiguous runs in bead order (beads stay in `a` order, moved ones
/// included); side `b` of the non-moved beads is too, in order; each moved
/// bead (a 1-1, or a passage's end with an adjacent sentence merged in)
/// has a `b` that fills a hole that order left; so every sentence of each
/// side is in exactly one bead. Scores are similarities in 0..=1,
/// and 0 for a 1-0 or 0-1 bead (`Bead::score`'s documentation).
fn check_beads(beads: &[Bead], n: usize, m: usize) -> Result<(), TestCaseError> {
    let mut next_a = 0;
    let mut next_b = 0;
    let mut seen_b = vec![0u32; m];
    for (k, bead) in beads.iter().enumerate() {
        let shape = (bead.a.len(), bead.b.len());
        prop_assert!(
            SHAPES.contains(&shape),
            "bead {k} {bead:?} has shape {shape:?}"
        );
        prop_assert!(
            bead.a.start <= bead.a.end && bead.a.end <= n && bead.b.end <= m,
            "bead {k} {bead:?} out of range ({n}, {m})"
        );
        if !bead.a.is_empty() {
            prop_assert_eq!(bead.a.start, next_a, "side a not contiguous at bead {}", k);
            next_a = bead.a.end;
        }
        if bead.moved {
            prop_assert!(!bead.is_skip(), "moved bead {k} {bead:?} is not a link");
        } else if !bead.b.is_empty() {
            prop_assert!(
                bead.b.start >= next_b,
                "side b of non-moved bead {k} {bead:?} goes back before {next_b}"
            );
            next_b = bead.b.end;
        }
        for j in bead.b.clone() {
            seen_b[j] += 1;
        }
        prop_assert!(
            bead.score.is_finite() && (0.0..=1.0).contains(&bead.score),
            "bead {k} score {}",
            bead.score
        );
        if bead.is_skip() {
            prop_assert_eq!(bead.score, 0.0, "skip bead {} has a score", k);
        }
    }
    prop_assert_eq!(next_a, n, "side a ends early");
    for (j, &c) in seen_b.iter().enumerate() {
        prop_assert_eq!(c, 1, "sentence {} of side b is in {} beads", j, c);
    }
    Ok(())
}

/// Rows over versions of `sizes` sentences in languages `langs`: each row
/// names every version (an empty list where it has no sentence), holds at
/// least one sentence, lists each version's ids in order, and every
/// sentence of every version is in exactly one row.
fn check_rows(rows: &[Row], langs: &[Lang], sizes: &[usize]) -> Result<(), TestCaseError> {
    let mut seen: Vec<Vec<u32>> = sizes.iter().map(|&n| vec![0; n]).collect();
    for (r, row) in rows.iter().enumerate() {
        let row_langs: Vec<Lang> = row.cells.iter().map(|(l, _)| *l).collect();
        prop_assert_eq!(&row_langs[..], langs, "row {} languages", r);
        prop_assert!(
            row.id_lists().any(|ids| !ids.is_empty()),
            "row {r} is empty"
        );
        for (v, ids) in row.id_lists().enumerate() {
            prop_assert!(ids.windows(2).all(|w| w[0] < w[1]), "row {r} {ids:?}");
            for &i in ids {
                prop_assert!(i < sizes[v], "row {r}: id {i} of version {v} out of range");
                seen[v][i] += 1;
            }
        }
    }
    for (v, counts) in seen.iter().enumerate() {
        for (i, &c) in counts.iter().enumerate() {
            prop_assert_eq!(c, 1, "sentence {} of {} is in {} rows", i, langs[v], c);
        }
    }
    Ok(())
}

/// Text intake: the raw text normalised the way intake normalises a file.
fn normalised(raw: &str) -> String {
    Text::from_str_at(raw, None).text
}

/// A byte span of the file as read must be a span of it, on character
/// boundaries; read back and normalised, it must be what the pipeline says
/// stands there.
fn check_file_span(
    raw: &str,
    span: &std::ops::Range<usize>,
    expected: &str,
    what: &str,
) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= raw.len(),
        "{what}: span {span:?} outside the file of {} bytes",
        raw.len()
    );
    prop_assert!(
        raw.is_char_boundary(span.start) && raw.is_char_boundary(span.end),
        "{what}: span {span:?} cuts a character of {raw:?}"
    );
    let got = normalised(&raw[span.clone()]);
    // Known bug, kept as `evidence_keeps_the_marks_of_its_last_letter`: a
    // word cut before a combining mark its letter had in the file.
    let cut_marks = got
        .strip_prefix(expected)
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(is_combining_mark));
    // Known bug, kept as `span_starting_at_a_combining_mark_keeps_its_bytes`:
    // a span that starts at a combining mark NFC changed (after a space).
    let starts_at_mark = expected.starts_with(|c| canonical_combining_class(c) != 0);
    prop_assert!(
        got == expected || cut_marks || starts_at_mark,
        "{what}: file bytes {span:?} = {:?} read {got:?}, not {expected:?}",
        &raw[span.clone()]
    );
    Ok(())
}

/// Every sentence's `file_span` and every flag's evidence span lead back
/// to the bytes they name in the file as read.
fn check_spans(
    al: &AlignedStory,
    scored: &ScoredStory,
    raws: &[String],
) -> Result<(), TestCaseError> {
    for (v, version) in al.story.versions.iter().enumerate() {
        for (i, s) in al.sentences[v].iter().enumerate() {
            let what = format!("{} sentence {i}", version.lang);
            check_file_span(
                &raws[v],
                &s.file_span,
                &version.text.text[s.span.clone()],
                &what,
            )?;
        }
    }
    for f in &scored.flags {
        for e in &f.evidence {
            let v = al
                .version_of(e.lang)
                .expect("evidence in a version of the story");
            let what = format!("{} flag in row {}, evidence in {}", f.kind, f.row, e.lang);
            check_file_span(&raws[v], &e.span, &e.text, &what)?;
            prop_assert!(
                al.story.versions[v].text.text.contains(&e.text),
                "{what}: {:?} is not in the text",
                e.text
            );
        }
    }
    Ok(())
}

/// Everything a run says about one story.
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    sentences: Vec<Vec<Sentence>>,
    beads: Vec<((usize, usize), Vec<Bead>)>,
    rows: Vec<Row>,
    warnings: Vec<Warning>,
    learned: LearnedTables,
    scored: ScoredStory,
}

fn outcomes(aligned: Vec<AlignedStory>) -> BTreeMap<String, Outcome> {
    aligned
        .into_iter()
        .map(|al| {
            let scored = score_story(&al);
            let o = Outcome {
                beads: al
                    .pairs
                    .iter()
                    .map(|p| (p.versions, p.alignment.beads.clone()))
                    .collect(),
                rows: al.rows.clone(),
                warnings: al.warnings.clone(),
                learned: (*al.learned).clone(),
                sentences: al.sentences.clone(),
                scored,
            };
            (al.story.key.clone(), o)
        })
        .collect()
}

fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
        .install(f)
}

fn compare_outcomes(
    x: &BTreeMap<String, Outcome>,
    y: &BTreeMap<String, Outcome>,
    what: &str,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        x.keys().collect::<Vec<_>>(),
        y.keys().collect::<Vec<_>>(),
        "{}",
        what
    );
    for (k, a) in x {
        let b = &y[k];
        prop_assert_eq!(&a.sentences, &b.sentences, "{}: {} sentences", what, k);
        prop_assert_eq!(&a.beads, &b.beads, "{}: {} beads", what, k);
        prop_assert_eq!(&a.rows, &b.rows, "{}: {} rows", what, k);
        prop_assert_eq!(&a.warnings, &b.warnings, "{}: {} warnings", what, k);
        prop_assert_eq!(&a.learned, &b.learned, "{}: {} learned table", what, k);
        prop_assert_eq!(&a.scored, &b.scored, "{}: {} scores and flags", what, k);
    }
    Ok(())
}

/// Offsets of the file where intake's normalisation splits: before every
/// character intake does not drop and NFC never joins with what precedes
/// it (combining class 0, NFC quick check Yes), except between CR and LF;
/// and the file's end. Normalising the file up to such an offset gives a
/// prefix of the text, and the text's offset there must map back to it.
fn file_boundaries(raw: &str) -> Vec<usize> {
    let dropped = |c: char| normalised(c.encode_utf8(&mut [0; 4])).is_empty();
    let mut out: Vec<usize> = raw
        .char_indices()
        .filter(|&(i, c)| {
            canonical_combining_class(c) == 0
                && unicode_normalization::is_nfc_quick(std::iter::once(c))
                    == unicode_normalization::IsNormalized::Yes
                && !dropped(c)
                && !(c == '\n' && raw[..i].ends_with('\r'))
        })
        .map(|(i, _)| i)
        .collect();
    out.push(raw.len());
    out
}

/// A starter (combining class 0) that is not NFC-stable on its own: NFC
/// can join it with the character before it (Hangul vowel and final jamo,
/// the second half of a two-part Indic vowel sign) or decomposes it into
/// combining marks (Tibetan U+0F73).
fn unstable_starter(c: char) -> bool {
    canonical_combining_class(c) == 0
        && unicode_normalization::is_nfc_quick(std::iter::once(c))
            != unicode_normalization::IsNormalized::Yes
}

/// Raw text the way files come: news-like pieces, line ends of every kind,
/// the characters intake drops or replaces, decomposed and odd Unicode.
fn raw_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => any::<Index>().prop_map(|x| SENTENCES[x.index(SENTENCES.len())].clone()),
        3 => odd_text(),
        1 => "\\PC{0,12}",
        1 => Just(" ".to_string()),
        1 => Just("\n\n".to_string()),
    ];
    (proptest::collection::vec(piece, 0..8), noise())
        .prop_map(|(pieces, noise)| apply_noise(&pieces.concat(), &noise))
}

// ---------------------------------------------------------------------------
// The properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The aligner's output is a partition of both documents (`Bead`'s and
    /// `moved`'s documentation: beads stay in `a` order; every sentence
    /// stays in exactly one bead, a moved pair replacing the 1-0 and 0-1
    /// beads it joins), whatever the documents hold and however narrow the
    /// band: reports and rows index sentences through the beads, so a
    /// sentence lost or doubled is a sentence missing from or repeated in
    /// every report.
    #[test]
    fn beads_partition_both_documents(
        a in doc_sentences(),
        b in doc_sentences(),
        la in any_lang(),
        lb in any_lang(),
        structure in proptest::collection::vec(proptest::bool::weighted(0.3), 0..14),
        headline in any::<bool>(),
        options in align_options(),
    ) {
        let lexicon = lexicon();
        let da = doc(la, &a, &structure, headline);
        let db = doc(lb, &b, &structure[structure.len() / 2..], !headline);
        let alignment = align(&da, &db, &lexicon, &options);
        check_beads(&alignment.beads, a.len(), b.len())?;
    }

    /// The same partition on two versions of a relay-edited story: real
    /// parallel sentences, some dropped, added, edited, and some moved far
    /// (the case that makes moved beads, whose `b` stands out of order).
    #[test]
    fn beads_partition_relay_edited_versions(
        plan in story_plan(),
        moves in proptest::collection::vec((any::<u16>(), any::<u16>()), 0..3),
        options in align_options(),
    ) {
        let src = &CORPUS[plan.source.index(CORPUS.len())];
        let present: Vec<usize> = (0..3).filter(|&v| plan.versions[v].is_some()).collect();
        let (v, w) = (present[0], present[1]);
        let (ha, mut a) = edited(src, &plan, v);
        let (hb, mut b) = edited(src, &plan, w);
        for (i, j) in moves {
            if b.len() > 1 {
                let s = b.remove(usize::from(i) % b.len());
                b.insert(usize::from(j) % (b.len() + 1), s);
            }
        }
        a.splice(0..0, ha);
        b.splice(0..0, hb);
        let lexicon = lexicon();
        let da = doc(LANGS[v], &a, &[], false);
        let db = doc(LANGS[w], &b, &[], false);
        let alignment = align(&da, &db, &lexicon, &options);
        check_beads(&alignment.beads, a.len(), b.len())?;
    }

    /// Rows are reconciled from three pairwise alignments by construction
    /// (`rows`' documentation): every sentence of every version lands in
    /// exactly one row, also where the three alignments disagree and where
    /// moved beads join rows; a sentence in no row would vanish from the
    /// reports, one in two rows would be scored twice.
    #[test]
    fn three_way_rows_hold_every_sentence_once(
        docs in [doc_sentences(), doc_sentences(), doc_sentences()],
        langs in proptest::sample::select(vec![
            [Lang::Bg, Lang::De, Lang::En],
            [Lang::De, Lang::En, Lang::Other(*b"fr")],
        ]),
        options in align_options(),
    ) {
        let lexicon = lexicon();
        let d: Vec<Doc> = (0..3).map(|v| doc(langs[v], &docs[v], &[], false)).collect();
        let ab = align(&d[0], &d[1], &lexicon, &options);
        let ac = align(&d[0], &d[2], &lexicon, &options);
        let bc = align(&d[1], &d[2], &lexicon, &options);
        let sizes = [docs[0].len(), docs[1].len(), docs[2].len()];
        let rows = three_way(langs, sizes, &ab.beads, &ac.beads, &bc.beads);
        check_rows(&rows, &langs, &sizes)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Intake's offset map round-trips (`OffsetMap`: "a sentence must
    /// still point at its bytes in the file as read"; `compose`: "every
    /// cluster keeps an exact offset back to the file"): at every offset
    /// of the file where normalisation splits (see `file_boundaries`), the
    /// text's offset of that point maps back to it, and the bytes between
    /// two such points normalise to the text between their images. Every
    /// offset of the text maps into the file, in order, onto a character
    /// boundary (slicing the file there must not panic), and the text's
    /// end is the file's end. Intake promises NFC text. Every sentence's
    /// file span, read back and normalised, is the sentence.
    #[test]
    fn offset_map_round_trips(raw in raw_text()) {
        let t = Text::from_str_at(&raw, None);
        // Known bug, kept as `intake_text_is_nfc_around_unstable_starters`:
        // intake starts a cluster at every starter, stable or not.
        if !raw.chars().any(unstable_starter) {
            prop_assert!(
                unicode_normalization::is_nfc(&t.text),
                "intake text is not NFC: {:?} from {:?}", t.text, raw
            );
        }
        prop_assert_eq!(t.file_offset(t.text.len()), raw.len(), "the end is not the end");
        let mut last = 0;
        for (d, _) in t.text.char_indices() {
            let s = t.file_offset(d);
            prop_assert!(s >= last && s <= raw.len(), "offset {} maps to {} after {}", d, s, last);
            // Known bug, kept as `paragraph_separator_maps_to_a_character_boundary`:
            // inside the blank line U+2029 becomes, the offset points into it.
            let inside_separator = raw.contains('\u{2029}')
                && t.text[..d].ends_with('\n')
                && t.text[d..].starts_with('\n');
            prop_assert!(
                inside_separator || raw.is_char_boundary(s),
                "offset {d} maps to {s}, inside a character of {raw:?}"
            );
            last = s;
        }
        let mut prev: Option<(usize, usize)> = None;
        for r in file_boundaries(&raw) {
            let head = normalised(&raw[..r]);
            prop_assert!(
                t.text.starts_with(&head),
                "the file up to {} normalises to {:?}, not a prefix of {:?}", r, head, t.text
            );
            let d = head.len();
            prop_assert_eq!(t.file_offset(d), r, "text offset {} of {:?} from {:?}", d, t.text, raw);
            if let Some((r0, d0)) = prev {
                prop_assert_eq!(
                    normalised(&raw[r0..r]),
                    &t.text[d0..d],
                    "file {}..{} against text {}..{} of {:?}", r0, r, d0, d, raw
                );
            }
            prev = Some((r, d));
        }
        for lang in LANGS {
            for s in parallax::segment::split_text(&t, lang) {
                check_file_span(&raw, &s.file_span, &t.text[s.span.clone()], "sentence")?;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// One run over relay-edited stories: each pair's beads partition its
    /// two versions (as in `beads_partition_both_documents`), the rows hold
    /// every sentence once (as in `three_way_rows_hold_every_sentence_once`,
    /// here for two- and three-version stories through `pipeline::run`),
    /// and every sentence span and every flag's evidence span points at the
    /// bytes it names in the version's file: `Evidence::span` is documented
    /// as a byte span into the file as read, `Evidence::text` as the words
    /// in the normalised text, so the file's bytes at the span, normalised,
    /// are the words (an editor's tool that highlights the span in the
    /// original file must highlight those words).
    #[test]
    fn pipeline_beads_rows_and_spans(plans in proptest::collection::vec(story_plan(), 1..3)) {
        let built = build_all(&plans);
        let lexicon = lexicon();
        let aligned = pipeline::run(stories(&built), &lexicon, None, &Options::default());
        prop_assert_eq!(aligned.len(), built.len());
        for (al, b) in aligned.iter().zip(&built) {
            prop_assert_eq!(&al.story.key, &b.story.key, "output order follows the input");
            let sizes: Vec<usize> = al.sentences.iter().map(Vec::len).collect();
            for p in &al.pairs {
                let (i, j) = p.versions;
                check_beads(&p.alignment.beads, sizes[i], sizes[j])?;
            }
            check_rows(&al.rows, &al.langs(), &sizes)?;
            let scored = score_story(al);
            for f in &scored.flags {
                prop_assert!(f.row < al.rows.len(), "flag row {} of {}", f.row, al.rows.len());
            }
            check_spans(al, &scored, &b.raws)?;
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// `pipeline::run` promises output "the same at any thread count", and
    /// a corpus is a set of stories: listing its folders in another order
    /// must not change what is said about any story. Compared per story
    /// key: sentences, beads, rows, warnings, the learned table, scores and
    /// flags.
    #[test]
    fn output_is_the_same_at_any_thread_count_and_story_order(
        (plans, order) in proptest::collection::vec(story_plan(), 2..5).prop_flat_map(|plans| {
            let n = plans.len();
            (Just(plans), Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
        }),
    ) {
        let built = build_all(&plans);
        let lexicon = lexicon();
        let options = Options::default();
        let run = |stories: Vec<Story>| pipeline::run(stories, &lexicon, None, &options);
        let one = outcomes(in_pool(1, || run(stories(&built))));
        let many = outcomes(in_pool(4, || run(stories(&built))));
        compare_outcomes(&one, &many, "1 thread vs 4 threads")?;
        let shuffled: Vec<Story> = order.iter().map(|&k| built[k].story.clone()).collect();
        let reordered = outcomes(in_pool(4, || run(shuffled)));
        compare_outcomes(&one, &reordered, &format!("story order {order:?}"))?;
    }

    /// A story's answer depends on the story alone (README, DESIGN): its
    /// sentences, beads, rows, scores and flags are the same in a run of
    /// all the stories, of any subset, and alone, both without a learned
    /// table and with one given (as every shard of a batch gets the same
    /// file).
    #[test]
    fn flags_do_not_depend_on_other_stories(
        plans in proptest::collection::vec(story_plan(), 2..5),
        keep in proptest::collection::vec(any::<bool>(), 4),
    ) {
        let built = build_all(&plans);
        let lexicon = lexicon();
        let options = Options::default();
        let tables = pipeline::learn(&stories(&built), &lexicon, &options);
        for learned in [None, Some(tables)] {
            let what = if learned.is_some() { "with a table" } else { "without a table" };
            let full = outcomes(pipeline::run(stories(&built), &lexicon, learned.clone(), &options));
            let subset: Vec<Story> = built
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(b, _)| b.story.clone())
                .collect();
            let part = outcomes(pipeline::run(subset, &lexicon, learned.clone(), &options));
            let full_part: BTreeMap<String, Outcome> = full
                .iter()
                .filter(|(k, _)| part.contains_key(*k))
                .map(|(k, o)| (k.clone(), o.clone()))
                .collect();
            compare_outcomes(&full_part, &part, &format!("all stories vs a subset, {what}"))?;
            let first = built[0].story.clone();
            let alone = outcomes(pipeline::run(vec![first.clone()], &lexicon, learned, &options));
            let in_full: BTreeMap<String, Outcome> = full
                .into_iter()
                .filter(|(k, _)| *k == first.key)
                .collect();
            compare_outcomes(&in_full, &alone, &format!("in the run vs alone, {what}"))?;
        }
    }
}

/// Not a generated case: the bundled corpora, every version saved with
/// CRLF line ends, a BOM, NBSPs, soft hyphens, zero-width characters and
/// decomposed accents, so `check_spans` meets real flags (a generated run
/// may have none) and every evidence span crosses the offset map.
#[test]
fn evidence_spans_on_noisy_corpora() {
    let noise = Noise {
        bom: true,
        line_ends: 1,
        nbsp: true,
        soft_hyphens: true,
        zero_width: true,
        nfd: true,
        final_newline: true,
    };
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("corpora")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("story.toml").is_file())
        .collect();
    dirs.sort();
    let mut built = Vec::new();
    for dir in dirs.iter().take(8) {
        let story = parallax::load_story(dir, &parallax::ReadOptions::default()).unwrap();
        let mut raws = Vec::new();
        let mut versions = Vec::new();
        for v in &story.versions {
            let raw = apply_noise(&std::fs::read_to_string(&v.path).unwrap(), &noise);
            let text = Text::from_bytes(raw.as_bytes(), Some(&v.path)).unwrap();
            versions.push(Version { text, ..v.clone() });
            raws.push(raw);
        }
        built.push(Built {
            story: Story { versions, ..story },
            raws,
        });
    }
    let lexicon = lexicon();
    let aligned = pipeline::run(stories(&built), &lexicon, None, &Options::default());
    let mut evidence = 0;
    for (al, b) in aligned.iter().zip(&built) {
        let scored = score_story(al);
        evidence += scored.flags.iter().map(|f| f.evidence.len()).sum::<usize>();
        check_spans(al, &scored, &b.raws).unwrap();
    }
    assert!(evidence > 20, "only {evidence} evidence spans checked");
}

/// Regression, found by `output_is_the_same_at_any_thread_count_and_story_order`
/// (two stories, either order), when `compare` still pooled learning over
/// its stories: learning summed its floats in the order the stories were
/// added, so listing the same corpus folders in another order learned
/// probabilities that differed in the last digits (0.55428785 against
/// 0.55428773). Fixed in `Corpus::train` (src/align/learn.rs), which trains
/// on the beads in a canonical order; `parallax learn` still pools.
#[test]
fn learned_table_is_the_same_in_any_story_order() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("corpora")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("story.toml").is_file())
        .collect();
    dirs.sort();
    let load = |dirs: &[PathBuf]| -> Vec<Story> {
        dirs.iter()
            .take(8)
            .map(|d| parallax::load_story(d, &parallax::ReadOptions::default()).unwrap())
            .collect()
    };
    let lexicon = lexicon();
    let options = Options::default();
    let forward = pipeline::learn(&load(&dirs), &lexicon, &options);
    let mut reversed_dirs = dirs[..8].to_vec();
    reversed_dirs.reverse();
    let reversed = pipeline::learn(&load(&reversed_dirs), &lexicon, &options);
    assert!(!forward.is_empty());
    assert_eq!(forward, reversed);
    let run = |dirs: &[PathBuf]| {
        outcomes(pipeline::run(
            load(dirs),
            &lexicon,
            Some(forward.clone()),
            &options,
        ))
    };
    assert_eq!(run(&dirs), run(&reversed_dirs));
}

/// Regression, found by `offset_map_round_trips` (input: U+1100 U+1161,
/// the Hangul jamo of 가): intake promises NFC text (src/text.rs, README),
/// but composes per cluster of a starter and the combining marks after it,
/// and NFC also joins some starters with the starter before them (Hangul
/// vowel and final jamo, two-part Indic vowel signs such as Oriya
/// U+0B47 U+0B3E), or decomposes into marks that join the cluster before
/// (Tibetan U+0F73 between "c" and U+0301: NFC gives "ć" and the marks). The text
/// keeps them apart, so the same word typed precomposed in one version and
/// as jamo in another does not match.
/// Not fixed here: the fix is in src/text.rs (`compose` should end a
/// cluster only before a starter that is NFC-stable on its own, i.e.
/// combining class 0 and NFC quick check Yes), another engineer's file
/// at the moment.
#[test]
fn intake_text_is_nfc_around_unstable_starters() {
    for raw in [
        "\u{1100}\u{1161}",
        "\u{1100}\u{1161}\u{11A8}",
        "\u{AC00}\u{11A8}",
        "\u{0B47}\u{0B3E}",
        "Seoul \u{1109}\u{1165}\u{110B}\u{116E}\u{11AF}",
        "c\u{0F73}\u{0301}",
    ] {
        let t = Text::from_str_at(raw, None);
        assert_eq!(t.text, raw.nfc().collect::<String>(), "{raw:?}");
        assert_eq!(t.file_offset(t.text.len()), raw.len());
    }
}

/// Regression, found by `offset_map_round_trips` (input: U+2029): intake
/// turns the paragraph separator (3 bytes) into a blank line, "\n\n", and
/// marks only the offset after both line feeds, so the offset between them
/// steps on from the separator's start into the middle of its bytes:
/// `file_offset(1)` of "\u{2029}" is 1, not a character boundary, and a
/// consumer slicing the file there panics. Spans are trimmed, so no sentence
/// or evidence span ends there today. Not fixed here: the fix is in
/// src/text.rs (`normalise`, `Edit::Replace`: map every character of the
/// replacement but the first to the replaced character's end, as `compose`
/// now does for the characters of a changed cluster), another engineer's
/// file at the moment.
#[test]
fn paragraph_separator_maps_to_a_character_boundary() {
    for raw in ["\u{2029}", "Erster Absatz.\u{2029}Zweiter Absatz."] {
        let t = Text::from_str_at(raw, None);
        for (d, _) in t.text.char_indices() {
            let at = t.file_offset(d);
            assert!(raw.is_char_boundary(at), "{raw:?}: offset {d} maps to {at}");
        }
    }
}

/// A story of the given versions' files, as `build` makes them.
fn story_of(key: &str, files: &[(Lang, &str)]) -> Built {
    let versions = files
        .iter()
        .map(|&(lang, raw)| {
            let path = PathBuf::from(format!("/generated/{key}/{lang}.txt"));
            let text = Text::from_str_at(raw, Some(path.clone()));
            Version { lang, path, text }
        })
        .collect();
    Built {
        story: Story {
            name: key.to_string(),
            key: key.to_string(),
            dir: PathBuf::from(format!("/generated/{key}")),
            meta: StoryMeta::default(),
            versions,
            warnings: Vec::new(),
            failed: Vec::new(),
        },
        raws: files.iter().map(|(_, raw)| raw.to_string()).collect(),
    }
}

/// Regression, found by `pipeline_beads_rows_and_spans` (a Bulgarian version
/// ending in "ਜ਼", U+0A5B): NFC turns U+0A5B into U+0A1C and the nukta
/// U+0A3C, and the tokenizer ends a word before any combining mark outside
/// U+0300-U+036F (src/analyse/tokenize.rs, `is_mark`), so the addition
/// flag's evidence is "ਜ" alone, while its file span covers the whole of
/// U+0A5B, which reads "ਜ਼": the span and the words disagree, and the
/// highlighted word loses its mark. The same happens for Devanagari
/// (U+0958), Hebrew and other composition exclusions. Not fixed here: the
/// fix is in src/analyse/tokenize.rs (`is_mark` should take every combining
/// mark, e.g. `unicode_normalization::char::is_combining_mark`).
#[test]
fn evidence_keeps_the_marks_of_its_last_letter() {
    let built = [story_of(
        "nukta",
        &[
            (
                Lang::Bg,
                "Общинският съвет одобри бюджета в понеделник. Гост \u{0A5B}.",
            ),
            (
                Lang::En,
                "The municipal council approved the budget on Monday. Guest.",
            ),
        ],
    )];
    let lexicon = lexicon();
    let aligned = pipeline::run(stories(&built), &lexicon, None, &Options::default());
    let scored = score_story(&aligned[0]);
    let evidence: Vec<&str> = scored
        .flags
        .iter()
        .flat_map(|f| &f.evidence)
        .map(|e| e.text.as_str())
        .collect();
    assert!(evidence.contains(&"ਜ\u{0A3C}"), "{evidence:?}");
    for f in &scored.flags {
        for e in &f.evidence {
            let raw = &built[0].raws[aligned[0].version_of(e.lang).unwrap()];
            assert_eq!(normalised(&raw[e.span.clone()]), e.text, "{f:?}");
        }
    }
}

/// Regression, found by `offset_map_round_trips` (input: a space and
/// U+0344): the sentence is U+0308 U+0301, what NFC makes of U+0344, and
/// its file span should be 1..3, the bytes of U+0344; it is 3..3, empty.
/// Intake maps a cluster NFC changed as a whole (since 1fe9b03, which
/// fixed offsets running past the file's end): its first character to the
/// cluster's start, every other to its end; here the cluster is the space
/// with the mark, the sentence starts after the space, and its start maps
/// to the end. The same cuts the first characters off a sentence in a
/// file: "… ausgestiegen. \u{344} Der Hauptsponsor …". Not fixed here: the
/// fix is in src/text.rs (`compose`: inside a changed cluster, also mark
/// the points where the normalised head of the cluster's bytes is a head
/// of the composed cluster, such as after the space; only the other
/// characters map to the cluster's end), another engineer's file at the
/// moment.
#[test]
fn span_starting_at_a_combining_mark_keeps_its_bytes() {
    let raw = " \u{344}";
    let t = Text::from_str_at(raw, None);
    let s = parallax::segment::split_text(&t, Lang::En);
    assert_eq!(s.len(), 1);
    assert_eq!(&t.text[s[0].span.clone()], "\u{308}\u{301}");
    assert_eq!(s[0].file_span, 1..3);
    let raw = "Er ist gegangen. \u{344} Der Sponsor ist im Januar ausgestiegen.";
    let t = Text::from_str_at(raw, None);
    for s in parallax::segment::split_text(&t, Lang::De) {
        assert_eq!(
            normalised(&raw[s.file_span.clone()]),
            &t.text[s.span.clone()]
        );
    }
}
