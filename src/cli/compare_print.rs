//! How `compare` prints a story for an editor: a header, then each flag
//! worst first with the row's text in each version, the flagged words
//! marked ⟦like this⟧; the rows side by side with `--rows`; and a closing
//! line of counts.

use parallax::pipeline::AlignedStory;
use parallax::report::ReportCounts;
use parallax::report::csv::severity_counts;
use parallax::score::{Flag, Kind, ScoredStory, Severity};

use super::output::{self, Out};

fn header(out: &mut Out, al: &AlignedStory, counts: [usize; 4]) -> parallax::Result<()> {
    let story = &al.story;
    let title = story
        .meta
        .title
        .as_deref()
        .map(|t| format!(" — {t}"))
        .unwrap_or_default();
    out.line(&format!("════ {}{title}", story.key))?;
    let langs: Vec<String> = al.langs().iter().map(|l| l.to_string()).collect();
    let chain = if story.meta.chain.is_empty() {
        String::new()
    } else {
        let c: Vec<String> = story.meta.chain.iter().map(|l| l.to_string()).collect();
        format!(" · relay {}", c.join(" → "))
    };
    // "en covers 38 % of de" for a condensed version.
    let covers: String = al
        .pairs
        .iter()
        .filter_map(|p| {
            let (b_condensed, share) = p.alignment.condensed()?;
            let (short, long) = if b_condensed {
                (p.langs.1, p.langs.0)
            } else {
                (p.langs.0, p.langs.1)
            };
            Some(format!(
                " · {short} covers {:.0} % of {long}",
                100.0 * share
            ))
        })
        .collect();
    out.line(&format!(
        "     versions {}{chain} · {} rows{covers} · flags: {} critical, {} major, {} minor, {} info",
        langs.join(" "),
        al.rows.len(),
        counts[0],
        counts[1],
        counts[2],
        counts[3]
    ))
}

/// The row's text in one version, with the flag's evidence marked.
fn marked(al: &AlignedStory, f: &Flag, v: usize) -> String {
    let lang = al.story.versions[v].lang;
    let text = &al.story.versions[v].text;
    let mut parts = Vec::new();
    for &i in al.rows[f.row].ids(lang) {
        let s = &al.sentences[v][i];
        let mut sentence = String::new();
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
            sentence.push_str(&text.text[at..a]);
            sentence.push('⟦');
            sentence.push_str(&text.text[a..b]);
            sentence.push('⟧');
            at = b;
        }
        sentence.push_str(&text.text[at..s.span.end]);
        parts.push(output::one_line(&sentence));
    }
    if parts.is_empty() {
        "—".to_string()
    } else {
        parts.join(" ")
    }
}

pub fn story(out: &mut Out, al: &AlignedStory, scored: &ScoredStory) -> parallax::Result<()> {
    header(out, al, severity_counts(scored.flags.iter()))?;
    let order: Vec<usize> = al.relay_order();
    for f in scored.flags.iter().filter(|f| f.severity != Severity::Info) {
        let kept = if f.inherited_by.is_empty() {
            String::new()
        } else {
            let l: Vec<&str> = f.inherited_by.iter().map(|l| l.code()).collect();
            format!(" · kept by {}", l.join(", "))
        };
        out.line(&format!(
            "  row {:<3} {:<8} {:<16} {:<6} {}{kept}",
            f.row + 1,
            f.severity,
            f.kind,
            f.step_label(),
            f.message
        ))?;
        for &v in &order {
            let lang = al.story.versions[v].lang;
            if lang == f.source || lang == f.target || f.inherited_by.contains(&lang) {
                out.line(&format!("           {lang} │ {}", marked(al, f, v)))?;
            }
        }
    }
    // Notes: condensed relays, moved passages, unrelated versions (other
    // info flags, findings the relay's original does not confirm, are in
    // the reports).
    for f in scored.flags.iter().filter(|f| {
        f.severity == Severity::Info
            && matches!(f.kind, Kind::OmittedSentence | Kind::Moved | Kind::Meaning)
    }) {
        out.line(&format!("  note: row {}: {}", f.row + 1, f.message))?;
    }
    out.line("")
}

/// Every row side by side.
pub fn rows(out: &mut Out, al: &AlignedStory) -> parallax::Result<()> {
    let langs: Vec<String> = al.langs().iter().map(|l| l.to_string()).collect();
    let mut head = String::from("  row ");
    for l in &langs {
        head.push_str(&format!("  {l:<7}"));
    }
    out.line(head.trim_end())?;
    for (r, row) in al.rows.iter().enumerate() {
        let mut line = format!("  {:>3} ", r + 1);
        for ids in row.id_lists() {
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
            line.push_str("  (moved passage: its ids stand out of order)");
        }
        out.line(line.trim_end())?;
        for (v, ids) in row.id_lists().enumerate() {
            let body: Vec<String> = ids
                .iter()
                .map(|&i| output::one_line(al.sentence_text(v, i)))
                .collect();
            let body = if body.is_empty() {
                "—".to_string()
            } else {
                body.join(" ")
            };
            out.line(&format!("        {} │ {body}", langs[v]))?;
        }
    }
    out.line("")
}

/// The closing line: stories, rows, flags by severity.
pub fn totals(out: &mut Out, counts: &ReportCounts) -> parallax::Result<()> {
    let c = counts.flags;
    let mut line = format!(
        "{} stories · {} rows · {} flags: {} critical, {} major, {} minor, {} info",
        counts.stories,
        counts.rows,
        c.iter().sum::<usize>(),
        c[0],
        c[1],
        c[2],
        c[3]
    );
    if counts.ignored > 0 {
        line.push_str(&format!(" · {} ignored", counts.ignored));
    }
    if counts.failed > 0 {
        line.push_str(&format!(" · {} could not be read", counts.failed));
    }
    out.line(&line)?;
    if !counts.worst.is_empty() {
        out.line("worst stories:")?;
        for (key, title, c) in &counts.worst {
            let title = if title.is_empty() {
                String::new()
            } else {
                format!(" — {title}")
            };
            out.line(&format!(
                "  {:>2} critical {:>3} major {:>3} minor  {key}{title}",
                c[0], c[1], c[2]
            ))?;
        }
    }
    Ok(())
}
