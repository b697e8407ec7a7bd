//! The HTML reports: `index.html` (the stories, worst first, with their
//! counts) and one self-contained page per story ([`story_page`]): the
//! versions in columns in relay order, row by row, the words each flag
//! points at marked, the row's flags beside it, faithful rows folded.
//!
//! The pages load nothing: the style sheet and a small script are inline,
//! and a Content-Security-Policy forbids every fetch. They work without
//! JavaScript (rows fold with `<details>`); the script adds filters by kind
//! and severity, and the review: each flag can be marked "checked: real" or
//! "checked: not a change" with a note, kept in the browser's
//! `localStorage` by `flag_id`, and exported as `ignore.csv`, `review.csv`
//! or `lexicon.tsv` for the next run. Every piece of text from a story goes through one
//! function, [`escape`]. The output is a function of the input alone (no
//! clock, no hash-map order), so the same stories give the same bytes.

use std::path::{Path, PathBuf};

use super::html_assets::{CSP, CSS, JS};
use super::review::Review;
use super::summary::StorySummary;
use crate::align::AlignedStory;
use crate::error::Result;
use crate::hash::fnv1a;
use crate::score::{ScoredStory, Severity};

/// Escapes text for HTML, in element content and in quoted attribute
/// values alike: `&`, `<`, `>`, `"` and `'` become character references, and
/// control characters other than tab and line ends become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Names that a story page must not take: the index, and the stems Windows
/// reserves for devices.
const RESERVED: [&str; 23] = [
    "index", "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Longest encoded stem kept whole; longer keys are cut and get a hash.
const MAX_STEM: usize = 120;

/// The file name of a story's page, from its key (a relative path such as
/// `a/b-story`): safe on any file system and in a URL, deterministic, and
/// different for different keys.
///
/// Lowercase ASCII letters, digits and `-` stay; `/` becomes `__`; every
/// other byte becomes `_` and two hex digits (so `A` is `_41`, and keys
/// that differ only in case stay apart on case-insensitive file systems).
/// The encoding can be undone, so two keys never meet. A stem that would be
/// `index` or a Windows device name gets a trailing `_`, which the encoding
/// never ends in otherwise; a stem longer than 120 bytes is cut and ends in
/// `_h` and 16 hex digits of the key's FNV-1a hash, also unlike any
/// encoding.
pub fn page_file_name(story_key: &str) -> String {
    let tokens: Vec<String> = story_key
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => (b as char).to_string(),
            b'/' => "__".to_string(),
            _ => format!("_{b:02x}"),
        })
        .collect();
    let mut stem = tokens.concat();
    if stem.len() > MAX_STEM {
        // Whole escapes only, then the hash.
        stem.clear();
        for t in &tokens {
            if stem.len() + t.len() > MAX_STEM - 18 {
                break;
            }
            stem.push_str(t);
        }
        stem.push_str(&format!("_h{:016x}", fnv1a(story_key)));
    } else if RESERVED.contains(&stem.as_str()) || stem.is_empty() {
        stem.push('_');
    }
    format!("{stem}.html")
}

/// `<!DOCTYPE html>` up to `<body>`.
pub(super) fn page_head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"generator\" content=\"parallax\">\n<title>{}</title>\n<style>{CSS}</style>\n\
         </head>\n<body>\n",
        escape(CSP),
        escape(title)
    )
}

/// From the end of the content to `</html>`, with the script when asked.
pub(super) fn page_foot(script: bool) -> String {
    let script = if script {
        format!("<script>{JS}</script>\n")
    } else {
        String::new()
    };
    format!("{script}</body>\n</html>\n")
}

/// `<span class="badge sev-major">major</span>`.
pub(super) fn severity_badge(s: Severity) -> String {
    format!("<span class=\"badge sev-{s}\">{s}</span>")
}

/// A story's page. See the module documentation.
pub fn story_page(al: &AlignedStory, scored: &ScoredStory) -> String {
    super::html_page::story_page(al, scored, &Review::default())
}

/// A story's page with the flags `review` confirmed marked.
pub fn story_page_reviewed(al: &AlignedStory, scored: &ScoredStory, review: &Review) -> String {
    super::html_page::story_page(al, scored, review)
}

/// The review bar: hidden until the script shows it (the decisions live in
/// the browser's storage, which needs the script).
pub(super) const REVIEW_BAR: &str = "<form id=\"review\" hidden><strong>Your review</strong> (kept in this browser): <span class=\"rv-count\"></span> \
     <button type=\"button\" id=\"export-ignore\" title=\"the flags checked as not a change, for --ignore\">export ignore.csv</button> \
     <button type=\"button\" id=\"export-review\" title=\"every decision with its note, for --ignore (dismissed flags hidden, confirmed ones marked)\">export review.csv</button> \
     <button type=\"button\" id=\"export-lexicon\" title=\"suggested lexicon lines of names and terms checked as not a change, for --lexicon\">export lexicon.tsv</button> \
     <button type=\"button\" id=\"review-clear\">forget decisions</button></form>\n";

/// Sort key of a story in the index: worst severity first (stories without
/// flags last), then more flags of each severity in turn, then the key.
pub fn index_key(s: &StorySummary) -> (usize, [isize; 4], &str) {
    let worst = s.flags.iter().position(|&n| n > 0).unwrap_or(4);
    let c = s.flags;
    (
        worst,
        [
            -(c[0] as isize),
            -(c[1] as isize),
            -(c[2] as isize),
            -(c[3] as isize),
        ],
        &s.story,
    )
}

/// A number cell of the index; zeros in grey.
fn count_cell(n: usize) -> String {
    if n == 0 {
        "<td class=\"n zero\">0</td>".to_string()
    } else {
        format!("<td class=\"n\">{n}</td>")
    }
}

const SEVERITIES: [Severity; 4] = [
    Severity::Critical,
    Severity::Major,
    Severity::Minor,
    Severity::Info,
];

/// The index of a report: the stories sorted by worst severity, then by
/// their flag counts, then by key, with their counts and a link to each
/// story's page ([`page_file_name`]). Built from the summaries alone, so
/// `merge` rebuilds the same page from shard folders.
pub fn index_page(stories: &[StorySummary], failed: usize) -> String {
    let mut sorted: Vec<&StorySummary> = stories.iter().collect();
    sorted.sort_by(|a, b| index_key(a).cmp(&index_key(b)));
    let mut total = [0; 4];
    for s in stories {
        for (t, n) in total.iter_mut().zip(s.flags) {
            *t += n;
        }
    }
    let rows: usize = stories.iter().map(|s| s.rows).sum();
    let ignored: usize = stories.iter().map(|s| s.ignored).sum();
    let mut out = page_head("Parallax report");
    let mut meta = format!("{} stories · {rows} rows · flags:", stories.len());
    for (sev, n) in SEVERITIES.iter().zip(total) {
        meta.push_str(&format!(" {} {n}", severity_badge(*sev)));
    }
    if ignored > 0 {
        meta.push_str(&format!(" · {ignored} ignored"));
    }
    if failed > 0 {
        meta.push_str(&format!(
            " · <span class=\"failed\">{failed} could not be read (errors.csv)</span>"
        ));
    }
    out.push_str(&format!(
        "<header><h1>Parallax report</h1><p class=\"meta\">{meta}</p></header>\n"
    ));
    out.push_str(
        "<main><table class=\"stories\"><thead><tr><th>story</th><th>worst</th>\
         <th class=\"n\">critical</th><th class=\"n\">major</th><th class=\"n\">minor</th>\
         <th class=\"n\">info</th><th class=\"n\">rows</th><th class=\"n\">flagged rows</th>\
         <th>versions</th><th>relay</th></tr></thead>\n<tbody>\n",
    );
    for s in sorted {
        let worst = s.flags.iter().position(|&n| n > 0).map(|i| SEVERITIES[i]);
        let title = if s.title.is_empty() {
            String::new()
        } else {
            format!("<div class=\"title\">{}</div>", escape(&s.title))
        };
        out.push_str(&format!(
            "<tr><td><a href=\"{}\">{}</a>{title}</td><td>{}</td>{}{}{}{}{}{}<td>{}</td><td>{}</td></tr>\n",
            escape(&page_file_name(&s.story)),
            escape(&s.story),
            worst.map_or("<span class=\"badge none\">none</span>".to_string(), severity_badge),
            count_cell(s.flags[0]),
            count_cell(s.flags[1]),
            count_cell(s.flags[2]),
            count_cell(s.flags[3]),
            count_cell(s.rows),
            count_cell(s.flagged_rows),
            escape(&s.versions.join(" ")),
            escape(&s.chain.join(" → ")),
        ));
    }
    out.push_str("</tbody></table></main>\n");
    out.push_str(REVIEW_BAR);
    out.push_str(&page_foot(true));
    out
}

/// Writes `index.html` and every story's page into `dir` (created if
/// needed), each file atomically; returns the paths written, index first.
pub fn write_html(dir: &Path, stories: &[(&AlignedStory, &ScoredStory)]) -> Result<Vec<PathBuf>> {
    let mut written = Vec::with_capacity(stories.len() + 1);
    let summaries: Vec<StorySummary> = stories
        .iter()
        .map(|(al, scored)| StorySummary::of_parts(al, scored, 0))
        .collect();
    let index = dir.join("index.html");
    super::write_atomic(&index, index_page(&summaries, 0).as_bytes())?;
    written.push(index);
    for (al, scored) in stories {
        let path = dir.join(page_file_name(&al.story.key));
        super::write_atomic(&path, story_page(al, scored).as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
