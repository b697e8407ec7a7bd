//! Tests of the HTML reports on hand-built stories (no lexicon, no
//! alignment: the rows and flags are given).

use std::path::PathBuf;
use std::sync::Arc;

use super::*;
use crate::Lang;
use crate::align::{LearnedTables, Row};
use crate::corpus::{Story, StoryMeta, Version};
use crate::score::{Evidence, Flag, Kind, Place, RowScore, ScoredStory, Severity};
use crate::segment::split_text;
use crate::text::Text;

/// A story whose rows pair sentence `i` of every version.
fn story(
    key: &str,
    title: Option<&str>,
    chain: &[Lang],
    versions: &[(Lang, &str)],
) -> AlignedStory {
    let versions: Vec<Version> = versions
        .iter()
        .map(|&(lang, raw)| Version {
            lang,
            path: PathBuf::from(format!("{}.txt", lang.code())),
            text: Text::from_str_at(raw, None),
        })
        .collect();
    let sentences: Vec<_> = versions
        .iter()
        .map(|v| split_text(&v.text, v.lang))
        .collect();
    let n = sentences.iter().map(Vec::len).max().unwrap_or(0);
    let rows = (0..n)
        .map(|i| Row {
            cells: versions
                .iter()
                .zip(&sentences)
                .map(|(v, s)| (v.lang, if i < s.len() { vec![i] } else { vec![] }))
                .collect(),
            moved: false,
            confidence: 1.0,
        })
        .collect();
    AlignedStory {
        story: Story {
            name: key.rsplit('/').next().unwrap().to_string(),
            key: key.to_string(),
            dir: PathBuf::from(key),
            meta: StoryMeta {
                title: title.map(str::to_string),
                chain: chain.to_vec(),
                original: chain.first().copied(),
                ..StoryMeta::default()
            },
            versions,
            warnings: Vec::new(),
            failed: Vec::new(),
        },
        sentences,
        analysed: Vec::new(),
        pairs: Vec::new(),
        rows,
        learned: Arc::new(LearnedTables::default()),
        warnings: Vec::new(),
    }
}

/// A flag on `row` whose evidence is the first `word` of `target` there.
fn flag(
    al: &AlignedStory,
    row: usize,
    kind: Kind,
    severity: Severity,
    target: Lang,
    word: &str,
) -> Flag {
    let v = al.version_of(target).unwrap();
    let text = &al.story.versions[v].text;
    let s = &al.sentences[v][al.rows[row].ids(target)[0]];
    let start = s.span.start + text.text[s.span.clone()].find(word).expect("word in row");
    Flag {
        kind,
        rule: "T0",
        severity,
        source: Lang::De,
        target,
        row,
        entered_at: (Lang::De, target),
        inherited_by: Vec::new(),
        evidence: vec![Evidence {
            lang: target,
            text: word.to_string(),
            span: text.file_span(start..start + word.len()),
        }],
        message: format!("{kind} in {target}"),
    }
}

fn scored(al: &AlignedStory, mut flags: Vec<Flag>) -> ScoredStory {
    flags.sort_by_key(|f| (f.severity, f.row));
    let rows = (0..al.rows.len())
        .map(|r| RowScore {
            place: Place::Body,
            divergence: Vec::new(),
            confidence: Vec::new(),
            max_severity: flags
                .iter()
                .filter(|f| f.row == r)
                .map(|f| f.severity)
                .min(),
        })
        .collect();
    ScoredStory {
        rows,
        flags,
        lexical_coverage: Vec::new(),
    }
}

fn china() -> (AlignedStory, ScoredStory) {
    let al = story(
        "world/china-relay",
        Some("China faces catastrophe"),
        &[Lang::De, Lang::Bg, Lang::En],
        &[
            (
                Lang::Bg,
                "Китай е изправен пред катастрофа\n\nПреговорите приключиха без резултат. Само три държави подписаха.",
            ),
            (
                Lang::De,
                "China droht eine Niederlage\n\nDie Verhandlungen endeten ohne Ergebnis. Nur drei Staaten unterzeichneten.",
            ),
            (
                Lang::En,
                "China faces catastrophe\n\nThe talks ended without result. Only three states signed.",
            ),
        ],
    );
    let mut f = flag(
        &al,
        0,
        Kind::LoadedTerm,
        Severity::Critical,
        Lang::Bg,
        "катастрофа",
    );
    f.inherited_by = vec![Lang::En];
    let g = flag(
        &al,
        0,
        Kind::LoadedTerm,
        Severity::Major,
        Lang::En,
        "catastrophe",
    );
    let s = scored(&al, vec![f, g]);
    (al, s)
}

#[test]
fn escaping_leaves_no_markup() {
    let cases = [
        ("plain", "plain"),
        (
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        ),
        ("\"&'", "&quot;&amp;&#39;"),
        ("a > b & c < d", "a &gt; b &amp; c &lt; d"),
        ("&amp;", "&amp;amp;"),
        ("Катастрофа „цитат“", "Катастрофа „цитат“"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("nul\u{0}bell\u{7}", "nul\u{fffd}bell\u{fffd}"),
        ("", ""),
    ];
    for (raw, want) in cases {
        assert_eq!(escape(raw), want, "{raw:?}");
    }
}

#[test]
fn page_file_names_are_safe_unique_and_stable() {
    let cases = [
        (
            "china-foreign-policy-relay",
            "china-foreign-policy-relay.html",
        ),
        ("a/b-story", "a__b-story.html"),
        ("A/b", "_41__b.html"),
        ("index", "index_.html"),
        ("con", "con_.html"),
        ("", "_.html"),
        ("../x", "_2e_2e__x.html"),
        ("story one", "story_20one.html"),
        ("я", "_d1_8f.html"),
    ];
    for (key, want) in cases {
        assert_eq!(page_file_name(key), want, "{key:?}");
    }
    let long = "д".repeat(200);
    let keys = [
        "a/b",
        "a__b",
        "a_2fb",
        "a/B",
        "a/b/",
        "index",
        "index_",
        "index/",
        "x",
        "X",
        long.as_str(),
        &format!("{long}x"),
        "<script>",
        "\"&'",
        "con",
        "Con",
    ];
    let mut names: Vec<String> = keys.iter().map(|k| page_file_name(k)).collect();
    for (k, n) in keys.iter().zip(&names) {
        assert!(n.len() <= 125, "{k:?} → {n}");
        assert!(
            n.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b)),
            "{k:?} → {n}"
        );
        assert_eq!(n.matches('.').count(), 1, "{n}");
        assert_eq!(&page_file_name(k), n);
    }
    names.sort();
    names.dedup();
    assert_eq!(names.len(), keys.len(), "{names:?}");
}

#[test]
fn story_page_marks_flags_folds_faithful_rows_and_follows_the_relay() {
    let (al, s) = china();
    let html = story_page(&al, &s);
    // Columns in relay order: de, bg, en.
    let de = html.find("<div class=\"cell\" lang=\"de\"").unwrap();
    let bg = html.find("<div class=\"cell\" lang=\"bg\"").unwrap();
    let en = html.find("<div class=\"cell\" lang=\"en\"").unwrap();
    assert!(de < bg && bg < en);
    assert!(html.contains("title=\"loaded term · critical · de→bg, kept by en: loaded_term in bg\">катастрофа</mark>"), "{html}");
    assert!(html.contains(">catastrophe</mark>"));
    assert!(html.contains("entered de→bg, kept by en"));
    // Flags of the row worst first; the flagged row open, the others folded.
    let crit = html.find("<li class=\"flag sev-critical").unwrap();
    let major = html.find("<li class=\"flag sev-major").unwrap();
    assert!(crit < major);
    assert!(html.contains("<details class=\"row worst-critical\" id=\"r1\" open>"));
    assert!(html.contains("<details class=\"row faithful\" id=\"r2\">"));
    assert_eq!(html.matches("<details").count(), al.rows.len());
    // The flag id editors copy into ignore lists.
    assert!(html.contains(&s.flags[0].id(&al.story.key)));
    // One script (ours), no external resource.
    assert_eq!(html.matches("<script").count(), 1);
    for bad in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!html.contains(bad), "{bad}");
    }
    assert_eq!(html, story_page(&al, &s), "deterministic");
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let evil = "<script>alert(\"x\")</script> &amp; 'q'";
    let mut al = story(
        &format!("a/{evil}"),
        Some(evil),
        &[Lang::En, Lang::De],
        &[
            (
                Lang::De,
                "Er sagte <script>alert(1)</script> und \"&'\" dazu.",
            ),
            (
                Lang::En,
                "He said <b>bold</b> and \"&'\" too. <img src=x onerror=alert(1)>.",
            ),
        ],
    );
    al.story.meta.url = Some("javascript:alert(1)\"><script>".into());
    let mut f = flag(
        &al,
        0,
        Kind::Quote,
        Severity::Major,
        Lang::En,
        "<b>bold</b>",
    );
    f.message = evil.into();
    let mut g = flag(&al, 0, Kind::Omission, Severity::Info, Lang::De, "<script>");
    g.message = format!("{evil} </li></ul>");
    let s = scored(&al, vec![f, g]);
    let page = story_page(&al, &s);
    let index = index_page(&[StorySummary::of_parts(&al, &s, 0)], 0);
    for html in [&page, &index] {
        // The only tags are our own.
        assert!(html.matches("<script").count() <= 1, "{html}");
        assert!(!html.contains("<b>") && !html.contains("<img"), "{html}");
        assert!(!html.contains("onerror=alert(1)>"));
        assert!(!html.contains("javascript:alert(1)\""));
    }
    assert!(
        page.contains("&lt;script&gt;</mark>alert(1)&lt;/script&gt; und"),
        "{page}"
    );
    assert!(page.contains("&quot;&amp;&#39;&quot;"));
    assert!(page.contains(">&lt;b&gt;bold&lt;/b&gt;</mark>"), "{page}");
    assert!(index.contains(&format!("href=\"{}\"", page_file_name(&al.story.key))));
    // The info flag is a note at the top.
    assert!(page.find("class=\"notes\"").unwrap() < page.find("<main").unwrap());
}

#[test]
fn index_orders_by_worst_severity_then_counts_then_key() {
    let text = |w: &str| format!("Ein Satz mit {w}. Noch ein Satz mit {w}.");
    let make = |key: &str, flags: &[(usize, Severity)]| {
        let de = text("Wort");
        let en = text("word");
        let al = story(
            key,
            None,
            &[Lang::De, Lang::En],
            &[(Lang::De, &de), (Lang::En, &en)],
        );
        let fl: Vec<Flag> = flags
            .iter()
            .map(|&(row, sev)| flag(&al, row, Kind::Meaning, sev, Lang::En, "word"))
            .collect();
        let s = scored(&al, fl);
        (al, s)
    };
    use Severity::*;
    // (key, flags) in the expected order.
    let cases: Vec<(&str, Vec<(usize, Severity)>)> = vec![
        ("m", vec![(0, Critical), (1, Critical)]),
        ("b", vec![(0, Critical), (1, Minor)]),
        ("c", vec![(0, Critical)]),
        ("d", vec![(0, Critical)]),
        ("a", vec![(0, Major), (1, Major), (1, Minor)]),
        ("z", vec![(0, Major), (1, Major)]),
        ("e", vec![(0, Minor)]),
        ("y", vec![(0, Info)]),
        ("f", vec![]),
        ("g", vec![]),
    ];
    let built: Vec<(AlignedStory, ScoredStory)> =
        cases.iter().rev().map(|(k, f)| make(k, f)).collect();
    let refs: Vec<(&AlignedStory, &ScoredStory)> = built.iter().map(|(a, s)| (a, s)).collect();
    let summaries: Vec<StorySummary> = refs
        .iter()
        .map(|(a, s)| StorySummary::of_parts(a, s, 0))
        .collect();
    let html = index_page(&summaries, 0);
    let at = |k: &str| {
        html.find(&format!("<a href=\"{}\">{k}</a>", page_file_name(k)))
            .unwrap_or_else(|| panic!("{k} missing"))
    };
    for w in cases.windows(2) {
        assert!(at(w[0].0) < at(w[1].0), "{} before {}", w[0].0, w[1].0);
    }
    assert!(html.contains("10 stories"));
    assert_eq!(html, index_page(&summaries, 0), "deterministic");
}

#[test]
fn write_html_writes_the_index_and_each_page() {
    let (al, s) = china();
    let dir = tempfile::tempdir().unwrap();
    let written = write_html(&dir.path().join("html"), &[(&al, &s)]).unwrap();
    assert_eq!(written.len(), 2);
    assert!(written[0].ends_with("index.html"));
    assert!(written[1].ends_with("world__china-relay.html"));
    assert_eq!(
        std::fs::read_to_string(&written[1]).unwrap(),
        story_page(&al, &s)
    );
}

#[test]
fn words_of_a_version_that_kept_the_change_are_marked_as_kept() {
    let (al, _) = china();
    // The change entered de→bg and en kept it: scoring gives the flag the
    // English words as evidence, and the page marks them as kept.
    let mut f = flag(
        &al,
        0,
        Kind::LoadedTerm,
        Severity::Critical,
        Lang::Bg,
        "катастрофа",
    );
    f.inherited_by = vec![Lang::En];
    f.evidence.extend(
        flag(
            &al,
            0,
            Kind::LoadedTerm,
            Severity::Critical,
            Lang::En,
            "catastrophe",
        )
        .evidence,
    );
    let s = scored(&al, vec![f]);
    let html = story_page(&al, &s);
    assert!(
        html.contains("<mark class=\"sev-critical kept k-loaded_term\" data-ks=\"loaded_term:critical\" title=\"loaded term · critical · de→bg, kept by en (kept from bg): loaded_term in bg\">catastrophe</mark>"),
        "{html}"
    );
    // Only the evidence: "China" and "faces" stay unmarked.
    assert!(html.contains("China faces <mark"), "{html}");
}
