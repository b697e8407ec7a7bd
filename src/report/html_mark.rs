//! Highlighting for the HTML reports: a version's sentences in a row, with
//! the words each flag points at wrapped in `<mark>`.
//!
//! Evidence spans are byte spans into the version's file as read; they are
//! mapped back into the normalised text (`Text::text`) through
//! [`Text::file_offset`], clipped to each sentence of the row, and cut at
//! every span edge, so that overlapping evidence of several flags gives one
//! flat run of marks (never nested, never split inside a character). Each
//! mark takes the class of its worst flag, and its `title` lists every flag
//! that covers it.
//!
//! A flag's evidence names the words of its target and source versions and,
//! where scoring found them, of the later versions that kept the change
//! (`inherited_by`), marked as *kept*. Scoring supplies all of these words
//! with the flag; the report only renders them.

use std::ops::Range;

use super::html::escape;
use crate::align::AlignedStory;
use crate::score::{Evidence, Flag};
use crate::segment::Sentence;
use crate::text::Text;

/// Which version's words a mark shows, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Side {
    /// The version that changed.
    Target,
    /// A later version that kept the change (words found by correspondence).
    Kept,
    /// The version the target was made from (what it changed).
    Source,
}

/// The words of one flag in one sentence, as a span of `Text::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Hit {
    range: Range<usize>,
    /// Index into the row's flags.
    flag: usize,
    side: Side,
}

/// The part of `ev` that falls in `sentence`, as a span of the normalised
/// text; `None` when the evidence lies outside the sentence or maps to
/// nothing.
pub(super) fn evidence_range(
    text: &Text,
    sentence: &Sentence,
    ev: &Evidence,
) -> Option<Range<usize>> {
    let fs = &sentence.file_span;
    let (a, b) = (ev.span.start.max(fs.start), ev.span.end.min(fs.end));
    if a >= b {
        return None;
    }
    let s = &sentence.span;
    let body = text.text.get(s.clone())?;
    // Character boundaries of the sentence, with their file offsets (which
    // only grow along the text).
    let bounds: Vec<(usize, usize)> = body
        .char_indices()
        .map(|(i, _)| s.start + i)
        .chain(std::iter::once(s.end))
        .map(|k| (k, text.file_offset(k)))
        .collect();
    let at = |file: usize| {
        let i = bounds.partition_point(|&(_, f)| f < file);
        bounds.get(i).map_or(s.end, |&(k, _)| k)
    };
    let (start, end) = (at(a), at(b));
    (start < end).then_some(start..end)
}

/// One line of a mark's `title` for a flag.
pub(super) fn flag_title(f: &Flag, side: Side) -> String {
    let kept = if f.inherited_by.is_empty() {
        String::new()
    } else {
        let l: Vec<&str> = f.inherited_by.iter().map(|l| l.code()).collect();
        format!(", kept by {}", l.join(", "))
    };
    let side = match side {
        Side::Target => String::new(),
        Side::Source => format!(" ({} wording)", f.source),
        Side::Kept => format!(" (kept from {})", f.target),
    };
    format!(
        "{} · {} · {}{kept}{side}: {}",
        kind_label(f),
        f.severity,
        f.step_label(),
        f.message
    )
}

/// "loaded term".
pub(super) fn kind_label(f: &Flag) -> String {
    f.kind.name().replace('_', " ")
}

/// The `data-ks` value of a set of flags: `kind:severity` pairs, for the
/// page's filters.
pub(super) fn ks<'a>(flags: impl Iterator<Item = &'a Flag>) -> String {
    let mut pairs: Vec<String> = Vec::new();
    for f in flags {
        let p = format!("{}:{}", f.kind, f.severity);
        if !pairs.contains(&p) {
            pairs.push(p);
        }
    }
    pairs.join(" ")
}

/// Sentence `i` of version `v` as HTML, with the words of `flags` (those
/// of its row) marked.
pub(super) fn sentence_html(al: &AlignedStory, v: usize, i: usize, flags: &[&Flag]) -> String {
    let version = &al.story.versions[v];
    let Some(sentence) = al.sentences[v].get(i) else {
        return String::new();
    };
    let mut hits: Vec<Hit> = Vec::new();
    let mut add = |hit: Hit| {
        if !hits.contains(&hit) {
            hits.push(hit);
        }
    };
    for (fi, f) in flags.iter().enumerate() {
        let side = if version.lang == f.target {
            Side::Target
        } else if f.inherited_by.contains(&version.lang) {
            Side::Kept
        } else {
            Side::Source
        };
        for ev in f.evidence.iter().filter(|e| e.lang == version.lang) {
            if let Some(range) = evidence_range(&version.text, sentence, ev) {
                add(Hit {
                    range,
                    flag: fi,
                    side,
                });
            }
        }
    }
    marked_html(&version.text, sentence, &hits, flags)
}

/// The sentence with `hits` marked.
fn marked_html(text: &Text, sentence: &Sentence, hits: &[Hit], flags: &[&Flag]) -> String {
    let s = &sentence.span;
    let mut cuts: Vec<usize> = vec![s.start, s.end];
    for h in hits {
        cuts.push(h.range.start);
        cuts.push(h.range.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Runs of text with the hits covering them; neighbours with the same
    // cover are joined.
    let mut runs: Vec<(Range<usize>, Vec<usize>)> = Vec::new();
    for w in cuts.windows(2) {
        let (p, q) = (w[0], w[1]);
        let cover: Vec<usize> = (0..hits.len())
            .filter(|&i| hits[i].range.start <= p && q <= hits[i].range.end)
            .collect();
        match runs.last_mut() {
            Some((r, c)) if *c == cover && r.end == p => r.end = q,
            _ => runs.push((p..q, cover)),
        }
    }
    let mut out = String::new();
    for (r, cover) in runs {
        let words = escape(&text.text[r]);
        if cover.is_empty() {
            out.push_str(&words);
            continue;
        }
        out.push_str(&mark(hits, &cover, flags, &words));
    }
    out
}

/// `<mark>` around `words` (already escaped) for the hits `cover`.
fn mark(hits: &[Hit], cover: &[usize], flags: &[&Flag], words: &str) -> String {
    // The worst flag gives the class; flags come worst first, so the lowest
    // index (by severity, then order) wins.
    let worst = cover
        .iter()
        .map(|&i| hits[i].flag)
        .min_by_key(|&fi| (flags[fi].severity, fi))
        .unwrap_or(0);
    let side = cover
        .iter()
        .map(|&i| hits[i].side)
        .min()
        .unwrap_or(Side::Target);
    let mut lines: Vec<String> = Vec::new();
    let mut covered: Vec<usize> = Vec::new();
    let mut ordered: Vec<&Hit> = cover.iter().map(|&i| &hits[i]).collect();
    ordered.sort_by_key(|h| (flags[h.flag].severity, h.flag));
    for h in ordered {
        let line = flag_title(flags[h.flag], h.side);
        if !lines.contains(&line) {
            lines.push(line);
        }
        if !covered.contains(&h.flag) {
            covered.push(h.flag);
        }
    }
    let f = flags[worst];
    format!(
        "<mark class=\"sev-{}{} k-{}\" data-ks=\"{}\" title=\"{}\">{words}</mark>",
        f.severity,
        match side {
            Side::Target => "",
            Side::Kept => " kept",
            Side::Source => " src",
        },
        f.kind,
        escape(&ks(covered.iter().map(|&fi| flags[fi]))),
        escape(&lines.join("\n")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use crate::score::{Kind, Severity};
    use crate::segment::split_text;

    /// A story of one version (no rows): enough for marking.
    fn one(raw: &str, lang: Lang) -> AlignedStory {
        let text = Text::from_str_at(raw, None);
        let sentences = vec![split_text(&text, lang)];
        AlignedStory {
            story: crate::corpus::Story {
                name: "s".into(),
                key: "s".into(),
                dir: "s".into(),
                meta: Default::default(),
                versions: vec![crate::corpus::Version {
                    lang,
                    path: "x.txt".into(),
                    text,
                }],
                warnings: Vec::new(),
                failed: Vec::new(),
            },
            sentences,
            analysed: Vec::new(),
            pairs: Vec::new(),
            rows: Vec::new(),
            learned: Default::default(),
            warnings: Vec::new(),
        }
    }

    fn flag(kind: Kind, severity: Severity, target: Lang, evidence: Vec<Evidence>) -> Flag {
        Flag {
            kind,
            rule: "T0",
            severity,
            source: Lang::De,
            target,
            row: 0,
            entered_at: (Lang::De, target),
            inherited_by: Vec::new(),
            evidence,
            message: "m".into(),
        }
    }

    /// Evidence for the first occurrence of `word` in the file `raw`.
    fn ev(raw: &str, lang: Lang, word: &str) -> Evidence {
        let start = raw.find(word).expect("word in the file");
        Evidence {
            lang,
            text: word.to_string(),
            span: start..start + word.len(),
        }
    }

    /// The marked words of a sentence, in order.
    fn marked(html: &str) -> Vec<String> {
        html.split("<mark")
            .skip(1)
            .map(|m| {
                let body = &m[m.find('>').unwrap() + 1..];
                body[..body.find("</mark>").unwrap()].to_string()
            })
            .collect()
    }

    #[test]
    fn evidence_is_marked_at_its_words() {
        // (file as read, language, flagged word, the word as shown)
        let cases = [
            (
                "China faces catastrophe.",
                Lang::En,
                "catastrophe",
                "catastrophe",
            ),
            (
                "Китай е изправен пред катастрофа.",
                Lang::Bg,
                "катастрофа",
                "катастрофа",
            ),
            // A BOM and a soft hyphen (dropped by normalisation) before the
            // word shift every offset of the normalised text.
            (
                "\u{feff}Ки\u{ad}тай е изправен пред катастрофа.",
                Lang::Bg,
                "катастрофа",
                "катастрофа",
            ),
            // Decomposed ü (u + combining diaeresis) is composed by NFC.
            (
                "Ein schwerer Ru\u{308}ckschlag für Peking.",
                Lang::De,
                "Ru\u{308}ckschlag",
                "Rückschlag",
            ),
            // NBSP becomes a space; the word after it is still found.
            ("Цените скочиха с\u{a0}40 % за месец.", Lang::Bg, "40", "40"),
            (
                "Emoji 🎉 vor dem Wort Desaster.",
                Lang::De,
                "Desaster",
                "Desaster",
            ),
        ];
        for (raw, lang, word, shown) in cases {
            let al = one(raw, lang);
            let (text, sentences) = (&al.story.versions[0].text, &al.sentences[0]);
            assert_eq!(sentences.len(), 1, "{raw:?}");
            let f = flag(
                Kind::LoadedTerm,
                Severity::Major,
                lang,
                vec![ev(raw, lang, word)],
            );
            let html = sentence_html(&al, 0, 0, &[&f]);
            assert_eq!(marked(&html), vec![shown.to_string()], "{raw:?}: {html}");
            // Nothing is lost or added around the marks.
            let plain = html
                .split('<')
                .map(|p| p.split_once('>').map_or(p, |(_, rest)| rest))
                .collect::<String>();
            assert_eq!(plain, text.text[sentences[0].span.clone()], "{raw:?}");
        }
    }

    #[test]
    fn overlapping_evidence_gives_flat_marks_of_the_worst_flag() {
        let raw = "Die Stadt hat 40 neue Busse gekauft.";
        let al = one(raw, Lang::De);
        let wide = flag(
            Kind::Addition,
            Severity::Minor,
            Lang::De,
            vec![ev(raw, Lang::De, "40 neue Busse")],
        );
        let narrow = flag(
            Kind::Number,
            Severity::Critical,
            Lang::De,
            vec![ev(raw, Lang::De, "40")],
        );
        let html = sentence_html(&al, 0, 0, &[&narrow, &wide]);
        assert_eq!(marked(&html), vec!["40", " neue Busse"]);
        assert!(
            html.contains(
                "<mark class=\"sev-critical k-number\" data-ks=\"number:critical addition:minor\""
            ),
            "{html}"
        );
        assert!(
            html.contains("<mark class=\"sev-minor k-addition\""),
            "{html}"
        );
        assert!(!html.contains("<mark><mark"));
    }

    #[test]
    fn source_side_words_and_other_versions() {
        let raw = "China droht eine Niederlage.";
        let al = one(raw, Lang::De);
        // A flag on bg with its de counterpart as evidence, and evidence in
        // another version that is not this one's.
        let f = flag(
            Kind::LoadedTerm,
            Severity::Major,
            Lang::Bg,
            vec![
                Evidence {
                    lang: Lang::Bg,
                    text: "катастрофа".into(),
                    span: 0..20,
                },
                ev(raw, Lang::De, "Niederlage"),
            ],
        );
        let html = sentence_html(&al, 0, 0, &[&f]);
        assert_eq!(marked(&html), vec!["Niederlage"]);
        assert!(
            html.contains("class=\"sev-major src k-loaded_term\""),
            "{html}"
        );
        assert!(html.contains("(de wording)"), "{html}");
    }

    #[test]
    fn evidence_outside_the_sentence_or_empty_is_ignored() {
        let raw = "Erster Satz. Zweiter Satz mit Wort.";
        let text = Text::from_str_at(raw, None);
        let ss = split_text(&text, Lang::De);
        assert_eq!(ss.len(), 2);
        let e = ev(raw, Lang::De, "Wort");
        assert_eq!(evidence_range(&text, &ss[0], &e), None);
        let r = evidence_range(&text, &ss[1], &e).unwrap();
        assert_eq!(&text.text[r], "Wort");
        let empty = Evidence {
            lang: Lang::De,
            text: String::new(),
            span: 3..3,
        };
        assert_eq!(evidence_range(&text, &ss[0], &empty), None);
        // A span reaching past the end of the file is clipped.
        let long = Evidence {
            lang: Lang::De,
            text: String::new(),
            span: raw.find("Wort").unwrap()..raw.len() + 50,
        };
        let r = evidence_range(&text, &ss[1], &long).unwrap();
        assert_eq!(&text.text[r], "Wort.");
    }

    #[test]
    fn hostile_text_is_escaped_inside_and_outside_marks() {
        let raw = "He said <script>alert(\"x\")</script> & 'left' \"now\".";
        let al = one(raw, Lang::En);
        let mut f = flag(
            Kind::Quote,
            Severity::Major,
            Lang::En,
            vec![ev(raw, Lang::En, "<script>")],
        );
        f.message = "</mark><script>evil()</script> \"q\" 'a' &amp;".into();
        let html = sentence_html(&al, 0, 0, &[&f]);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("</mark><"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("&amp;amp;"), "{html}");
        assert!(html.contains("&#39;left&#39; &quot;now&quot;"), "{html}");
        assert_eq!(marked(&html), vec!["&lt;script&gt;"]);
    }
}
