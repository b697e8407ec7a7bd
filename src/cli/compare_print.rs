//! How `compare` prints a story for an editor: a header, then each flag
//! worst first with the row's text in each version in relay order, the
//! flagged words marked (in colour on a terminal, ⟦like this⟧ otherwise),
//! lines wrapped to the terminal's width and long sentences cut around the
//! marked words; the suggested lexicon line for names and loaded terms;
//! notes; and the rows side by side with `--rows`, also in relay order.

use parallax::pipeline::AlignedStory;
use parallax::report::Review;
use parallax::report::csv::severity_counts;
use parallax::report::suggest::lexicon_lines;
use parallax::score::{Flag, Kind, ScoredStory, Severity};

use super::compare_view::{Hidden, View, severity_list};
use super::output::{self, Out};
use super::term::{Style, Term, count};

/// Lines a version's text may take before it is cut.
const MAX_TEXT_LINES: usize = 3;

fn header(
    out: &mut Out,
    al: &AlignedStory,
    view: &View,
    counts: [usize; 4],
) -> parallax::Result<()> {
    let t = &view.term;
    let story = &al.story;
    let title = story
        .meta
        .title
        .as_deref()
        .map(|t| format!(" — {t}"))
        .unwrap_or_default();
    let head = super::compare_view::cut(&format!("════ {}{title}", story.key), t.width);
    out.line(&t.paint(Style::Bold, &head))?;
    let langs: Vec<String> = al.langs().iter().map(|l| l.to_string()).collect();
    let mut meta = vec![format!("versions {}", langs.join(" "))];
    if !story.meta.chain.is_empty() {
        let c: Vec<String> = story.meta.chain.iter().map(|l| l.to_string()).collect();
        meta.push(format!("relay {}", c.join(" → ")));
    }
    meta.push(count(al.rows.len(), "row", "rows"));
    // "en covers 38 % of de" for a condensed version.
    for p in &al.pairs {
        if let Some((b_condensed, share)) = p.alignment.condensed() {
            let (short, long) = if b_condensed {
                (p.langs.1, p.langs.0)
            } else {
                (p.langs.0, p.langs.1)
            };
            meta.push(format!("{short} covers {:.0} % of {long}", 100.0 * share));
        }
    }
    let mut flags = format!("flags: {}", severity_list(counts));
    if counts[3] > 0 && view.min < Severity::Info {
        flags.push_str(" (info hidden: -v shows them)");
    }
    meta.push(flags);
    let body = [(Style::Dim, meta.join(" · "))];
    for l in t.wrap("     ", "     ", &body, 4) {
        out.line(&l)?;
    }
    for v in &story.failed {
        let body = [(
            Style::Sev(Severity::Major),
            format!("left out: {}: {}", v.path.display(), v.reason),
        )];
        for l in t.wrap("     ", "       ", &body, 4) {
            out.line(&l)?;
        }
    }
    Ok(())
}

/// The row's text in one version as styled pieces, the evidence marked.
fn marked(al: &AlignedStory, f: &Flag, v: usize) -> Vec<(Style, String)> {
    let lang = al.story.versions[v].lang;
    let text = &al.story.versions[v].text;
    let mut parts = Vec::new();
    for &i in al.rows[f.row].ids(lang) {
        let s = &al.sentences[v][i];
        let mut at = s.span.start;
        let mut spans: Vec<(usize, usize)> = f
            .evidence
            .iter()
            .filter(|e| e.lang == lang)
            .filter_map(|e| {
                // Evidence spans are into the file; find them in the text.
                let start =
                    (s.span.start..s.span.end).find(|&k| text.file_offset(k) == e.span.start)?;
                let end = (start..=s.span.end).find(|&k| text.file_offset(k) >= e.span.end)?;
                Some((start, end))
            })
            .collect();
        spans.sort();
        for (a, b) in spans {
            if a < at || !text.text.is_char_boundary(a) || !text.text.is_char_boundary(b) {
                continue;
            }
            parts.push((Style::Plain, output::one_line(&text.text[at..a])));
            parts.push((Style::Mark(f.severity), output::one_line(&text.text[a..b])));
            at = b;
        }
        parts.push((Style::Plain, output::one_line(&text.text[at..s.span.end])));
    }
    if parts.is_empty() {
        parts.push((Style::Dim, "—".to_string()));
    }
    parts
}

/// One flag: its line, the versions it concerns, a lexicon suggestion.
fn flag(
    out: &mut Out,
    al: &AlignedStory,
    f: &Flag,
    t: &Term,
    review: &Review,
) -> parallax::Result<()> {
    let mut step = format!("entered {}", f.step_label());
    if !f.inherited_by.is_empty() {
        let l: Vec<&str> = f.inherited_by.iter().map(|l| l.code()).collect();
        step.push_str(&format!(", kept by {}", l.join(", ")));
    }
    let checked = if review.mark(&f.id(&al.story.key)).is_empty() {
        ""
    } else {
        " · ✓ checked: real"
    };
    let first = format!(
        "  row {:<4}{} {} ",
        f.row + 1,
        t.paint(Style::Sev(f.severity), &format!("{:<8}", f.severity.name())),
        t.paint(
            Style::Bold,
            &format!("{:<17}", f.kind.name().replace('_', " "))
        )
    );
    let plain_first = format!("  row {:<4}{:<8} {:<17} ", f.row + 1, "", "");
    let pieces = [
        (Style::Plain, f.message.clone()),
        (Style::Dim, format!(" ({step}){checked}")),
    ];
    let indent = " ".repeat(11);
    let lines = t.wrap(&plain_first, &indent, &pieces, 3);
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            out.line(&format!("{first}{}", &l[plain_first.len()..]))?;
        } else {
            out.line(l)?;
        }
    }
    for &v in &al.relay_order() {
        let lang = al.story.versions[v].lang;
        if lang == f.source || lang == f.target || f.inherited_by.contains(&lang) {
            let first = format!("           {lang} │ ");
            let body = marked(al, f, v);
            for l in t.wrap(&first, "              │ ", &body, MAX_TEXT_LINES) {
                out.line(&l)?;
            }
        }
    }
    for l in lexicon_lines(f) {
        let line = format!(
            "           lexicon line, if these are equivalents: {}",
            l.replace('\t', " ⇥ ")
        );
        out.line(&t.paint(Style::Dim, &super::compare_view::cut(&line, t.width)))?;
    }
    Ok(())
}

/// A story: header, the flags the view shows, notes. Returns what was hidden.
pub fn story(
    out: &mut Out,
    al: &AlignedStory,
    scored: &ScoredStory,
    view: &View,
    review: &Review,
) -> parallax::Result<Hidden> {
    header(out, al, view, severity_counts(scored.flags.iter()))?;
    let mut hidden = Hidden::default();
    let mut flags: Vec<&Flag> = scored.flags.iter().collect();
    flags.sort_by_key(|f| (f.severity, f.row));
    for f in flags {
        // Notes (condensed relays, moved passages, unrelated versions) are
        // listed below, whatever the severity shown.
        let note = f.severity == Severity::Info
            && matches!(f.kind, Kind::OmittedSentence | Kind::Moved | Kind::Meaning);
        if view.shows(f, &mut hidden) && !(note && view.min < Severity::Info) {
            flag(out, al, f, &view.term, review)?;
        }
    }
    for f in scored.flags.iter().filter(|f| {
        f.severity == Severity::Info
            && matches!(f.kind, Kind::OmittedSentence | Kind::Moved | Kind::Meaning)
            && view.min < Severity::Info
    }) {
        let body = [(
            Style::Dim,
            format!("note: row {}: {}", f.row + 1, f.message),
        )];
        for l in view.term.wrap("  ", "        ", &body, 3) {
            out.line(&l)?;
        }
    }
    out.line("")?;
    Ok(hidden)
}

/// Every row side by side, versions in relay order.
pub fn rows(out: &mut Out, al: &AlignedStory, t: &Term) -> parallax::Result<()> {
    let order = al.relay_order();
    let langs: Vec<String> = order
        .iter()
        .map(|&v| al.story.versions[v].lang.to_string())
        .collect();
    let mut head = String::from("  row ");
    for l in &langs {
        head.push_str(&format!("  {l:<7}"));
    }
    out.line(&t.paint(Style::Bold, head.trim_end()))?;
    for (r, row) in al.rows.iter().enumerate() {
        let mut line = format!("  {:>3} ", r + 1);
        for &v in &order {
            let ids = row.ids(al.story.versions[v].lang);
            let cell = if ids.is_empty() {
                "—".to_string()
            } else {
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            line.push_str(&format!("  {cell:<7}"));
        }
        if row.moved {
            line.push_str("  (moved passage: its sentence numbers stand out of order)");
        }
        out.line(line.trim_end())?;
        for (k, &v) in order.iter().enumerate() {
            let ids = row.ids(al.story.versions[v].lang);
            let body: Vec<String> = ids
                .iter()
                .map(|&i| output::one_line(al.sentence_text(v, i)))
                .collect();
            let body = if body.is_empty() {
                "—".to_string()
            } else {
                body.join(" ")
            };
            let first = format!("        {} │ ", langs[k]);
            for l in t.wrap(
                &first,
                "           │ ",
                &[(Style::Plain, body)],
                MAX_TEXT_LINES,
            ) {
                out.line(&l)?;
            }
        }
    }
    out.line("")
}
