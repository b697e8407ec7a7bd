//! Partial learning files: the first-pass evidence of a shard's stories
//! (`parallax learn --shard K/N --partial`), to be pooled by
//! `parallax learn --merge` into the same table one run over every story
//! would learn. One line per matched bead:
//! `story<TAB>lang_a<TAB>lang_b<TAB>stems of a<TAB>stems of b`, stems
//! separated by spaces (a stem never holds whitespace).

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::lang::Lang;
use crate::pipeline::StoryEvidence;

/// The first line of a partial learning file.
pub const EVIDENCE_HEADER: &str =
    "# parallax learning evidence v1: story, lang_a, lang_b, stems_a, stems_b";

/// Appends one story's evidence.
pub fn write_evidence(out: &mut String, key: &str, evidence: &StoryEvidence) {
    // A key with a tab or line break could not be read back: such keys are
    // escaped (\t, \n, \r, \\) here and unescaped on reading.
    let key = key
        .replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r");
    for ((la, lb), beads) in &evidence.pairs {
        for (a, b) in beads {
            out.push_str(&format!(
                "{key}\t{la}\t{lb}\t{}\t{}\n",
                a.join(" "),
                b.join(" ")
            ));
        }
        if beads.is_empty() {
            // The pair is still seen, so learning meets it in the same order.
            out.push_str(&format!("{key}\t{la}\t{lb}\t\t\n"));
        }
    }
}

fn unescape(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut chars = key.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Reads partial files into every story's evidence, in key order. A story
/// found in two files is an error (the shards overlapped).
pub fn read_evidence(files: &[(String, &Path)]) -> Result<Vec<(String, StoryEvidence)>> {
    let mut stories: BTreeMap<String, (usize, StoryEvidence)> = BTreeMap::new();
    for (k, (text, path)) in files.iter().enumerate() {
        let bad = |line: usize, msg: String| {
            Error::new(ErrorKind::BadRow(msg), Location::file(path).at_line(line))
        };
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, h)) if h == EVIDENCE_HEADER => {}
            _ => {
                return Err(bad(
                    1,
                    "not a partial learning file (parallax learn --partial writes them)".into(),
                ));
            }
        }
        for (i, line) in lines {
            let cols: Vec<&str> = line.split('\t').collect();
            let [key, la, lb, a, b] = cols[..] else {
                return Err(bad(
                    i + 1,
                    format!("expected 5 tab-separated columns, found {}", cols.len()),
                ));
            };
            let lang = |code: &str| {
                Lang::from_code(code)
                    .ok_or_else(|| bad(i + 1, format!("unknown language {code:?}")))
            };
            let (la, lb) = (lang(la)?, lang(lb)?);
            let key = unescape(key);
            let (file, story) = stories
                .entry(key.clone())
                .or_insert_with(|| (k, StoryEvidence::default()));
            if *file != k {
                return Err(bad(
                    i + 1,
                    format!(
                        "story {key} is also in {}: the shards overlap",
                        files[*file].1.display()
                    ),
                ));
            }
            if story.pairs.last().is_none_or(|(p, _)| *p != (la, lb)) {
                story.pairs.push(((la, lb), Vec::new()));
            }
            if !a.is_empty() || !b.is_empty() {
                let split = |s: &str| {
                    s.split(' ')
                        .filter(|w| !w.is_empty())
                        .map(String::from)
                        .collect()
                };
                story
                    .pairs
                    .last_mut()
                    .expect("pushed above")
                    .1
                    .push((split(a), split(b)));
            }
        }
    }
    Ok(stories.into_iter().map(|(k, (_, e))| (k, e)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_round_trips_with_awkward_keys() {
        let e = StoryEvidence {
            pairs: vec![
                (
                    (Lang::Bg, Lang::De),
                    vec![(vec!["войн".into(), "мир".into()], vec!["krieg".into()])],
                ),
                ((Lang::Bg, Lang::En), vec![]),
            ],
        };
        let mut text = format!("{EVIDENCE_HEADER}\n");
        write_evidence(&mut text, "a\tb\\c\nd", &e);
        let back = read_evidence(&[(text, Path::new("p.tsv"))]).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].0, "a\tb\\c\nd");
        assert_eq!(back[0].1.pairs, e.pairs);
    }
}
