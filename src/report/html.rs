//! The HTML reports: `index.html` (the stories, worst first, with their
//! counts) and one self-contained page per story ([`story_page`]): the
//! versions in columns in relay order, row by row, the words each flag
//! points at marked, the row's flags beside it, faithful rows folded.
//!
//! The pages load nothing: the style sheet and a small script are inline,
//! and a Content-Security-Policy forbids every fetch. They work without
//! JavaScript (rows fold with `<details>`); the script only adds filters by
//! kind and severity. Every piece of text from a story goes through one
//! function, [`escape`]. The output is a function of the input alone (no
//! clock, no hash-map order), so the same stories give the same bytes.

use std::path::{Path, PathBuf};

use super::csv::{Scored, severity_counts};
use super::html_assets::{CSP, CSS, JS};
use super::html_page::chain_label;
use crate::error::Result;
use crate::hash::fnv1a;
use crate::pipeline::AlignedStory;
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
    super::html_page::story_page(al, scored)
}

/// Sort key of a story in the index: worst severity first (stories without
/// flags last), then more flags of each severity in turn, then the key.
fn index_key<'a>(al: &'a AlignedStory, scored: &ScoredStory) -> (u8, [isize; 4], &'a str) {
    let worst = scored.flags.iter().map(|f| f.severity).min();
    let c = severity_counts(scored.flags.iter());
    (
        worst.map_or(4, |s| s as u8),
        [
            -(c[0] as isize),
            -(c[1] as isize),
            -(c[2] as isize),
            -(c[3] as isize),
        ],
        &al.story.key,
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

/// The index of a report: the stories sorted by worst severity, then by
/// their flag counts, then by key, with their counts and a link to each
/// story's page ([`page_file_name`]).
pub fn index_page(stories: &[(&AlignedStory, &ScoredStory)]) -> String {
    let mut sorted: Vec<Scored> = stories.to_vec();
    sorted.sort_by(|a, b| index_key(a.0, a.1).cmp(&index_key(b.0, b.1)));
    let total = severity_counts(stories.iter().flat_map(|(_, s)| s.flags.iter()));
    let rows: usize = stories.iter().map(|(a, _)| a.rows.len()).sum();
    let mut out = page_head("Parallax report");
    out.push_str(&format!(
        "<header><h1>Parallax report</h1><p class=\"meta\">{} stories · {rows} rows · flags: \
         {} {} {} {} {} {} {} {}</p></header>\n",
        stories.len(),
        severity_badge(Severity::Critical),
        total[0],
        severity_badge(Severity::Major),
        total[1],
        severity_badge(Severity::Minor),
        total[2],
        severity_badge(Severity::Info),
        total[3],
    ));
    out.push_str(
        "<main><table class=\"stories\"><thead><tr><th>story</th><th>worst</th>\
         <th class=\"n\">critical</th><th class=\"n\">major</th><th class=\"n\">minor</th>\
         <th class=\"n\">info</th><th class=\"n\">rows</th><th class=\"n\">flagged rows</th>\
         <th>versions</th><th>relay</th></tr></thead>\n<tbody>\n",
    );
    for (al, scored) in sorted {
        let c = severity_counts(scored.flags.iter());
        let worst = scored.flags.iter().map(|f| f.severity).min();
        let mut flagged: Vec<usize> = scored.flags.iter().map(|f| f.row).collect();
        flagged.sort_unstable();
        flagged.dedup();
        let title = al
            .story
            .meta
            .title
            .as_deref()
            .map(|t| format!("<div class=\"title\">{}</div>", escape(t)))
            .unwrap_or_default();
        let langs: Vec<&str> = al.story.versions.iter().map(|v| v.lang.code()).collect();
        out.push_str(&format!(
            "<tr><td><a href=\"{}\">{}</a>{title}</td><td>{}</td>{}{}{}{}{}{}<td>{}</td><td>{}</td></tr>\n",
            escape(&page_file_name(&al.story.key)),
            escape(&al.story.key),
            worst.map_or("<span class=\"badge none\">none</span>".to_string(), severity_badge),
            count_cell(c[0]),
            count_cell(c[1]),
            count_cell(c[2]),
            count_cell(c[3]),
            count_cell(al.rows.len()),
            count_cell(flagged.len()),
            escape(&langs.join(" ")),
            escape(&chain_label(al)),
        ));
    }
    out.push_str("</tbody></table></main>\n");
    out.push_str(&page_foot(false));
    out
}

/// Writes `index.html` and every story's page into `dir` (created if
/// needed), each file atomically; returns the paths written, index first.
pub fn write_html(dir: &Path, stories: &[(&AlignedStory, &ScoredStory)]) -> Result<Vec<PathBuf>> {
    let mut written = Vec::with_capacity(stories.len() + 1);
    let index = dir.join("index.html");
    super::write_atomic(&index, index_page(stories).as_bytes())?;
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
