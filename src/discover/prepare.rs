//! Each article made ready for matching, once: its language from the
//! text (an article in another language, or one whose language cannot be
//! told, is kept as a single with a note), its date line left out of the
//! sentences and read as its date, its headline kept for story titles, and
//! its sentences reduced to cross-lingual keys ([`super::keys`]). Files with
//! the same bytes are found here too: only the first of them is matched,
//! and the others follow it into its group.

use super::archive::Entry;
use super::keys::{self, ArticleKeys};
use super::sources::Role;
use super::{Article, Status, dates};
use crate::hash::FastMap;
use crate::lang::{self, Lang};
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

/// An article ready for matching.
pub(super) struct Prepared {
    pub lang: Lang,
    pub sentences: Vec<Sentence>,
    pub keys: ArticleKeys,
}

/// For each entry, the first earlier entry with the same bytes (and so the
/// same text), if any.
pub(super) fn duplicates(entries: &[Entry]) -> Vec<Option<usize>> {
    let mut first_of: FastMap<u64, usize> = Default::default();
    let mut duplicate_of: Vec<Option<usize>> = vec![None; entries.len()];
    for (i, e) in entries.iter().enumerate() {
        let Ok(text) = &e.content else { continue };
        match first_of.get(&e.bytes_hash) {
            Some(&f)
                if entries[f]
                    .content
                    .as_ref()
                    .is_ok_and(|t| t.text == text.text) =>
            {
                duplicate_of[i] = Some(f);
            }
            Some(_) => {}
            None => {
                first_of.insert(e.bytes_hash, i);
            }
        }
    }
    duplicate_of
}

pub(super) fn text_of(e: &Entry) -> &str {
    e.content.as_ref().map_or("", |t| t.text.as_str())
}

/// Reads what discovery needs of one article.
pub(super) fn prepare(
    e: &Entry,
    duplicate: Option<usize>,
    lexicon: &Lexicon,
) -> (Article, Option<Prepared>) {
    let mut article = Article {
        path: e.path.clone(),
        file: e.file.clone(),
        lang: None,
        date: e.folder_date,
        status: Status::Matched,
        sentences: 0,
        title: String::new(),
        group: 0,
        role: Role::Single,
        source: None,
        source_match: None,
        note: String::new(),
    };
    let text = match &e.content {
        Ok(t) => t,
        Err(err) => {
            article.note = format!("not read: {} (see errors.csv)", err.reason);
            article.status = Status::Unreadable(err.clone());
            return (article, None);
        }
    };
    let detected = lang::detect_any(&text.text).map(|d| d.lang);
    article.lang = detected;
    let lang = match detected {
        Some(l) if l.is_known() => l,
        other => {
            article.note = match other {
                Some(l) => format!("in another language ({l}): not matched"),
                None => "the language cannot be told: not matched".to_string(),
            };
            article.status = Status::OtherLanguage(other);
            return (article, None);
        }
    };
    let date_line = dates::date_line(&text.text);
    if let Some((_, d)) = &date_line {
        article.date = Some(*d);
    }
    let sentences: Vec<Sentence> = crate::segment::split_text(text, lang)
        .into_iter()
        .filter(|s| {
            date_line
                .as_ref()
                .is_none_or(|(span, _)| s.span.end <= span.start || s.span.start >= span.end)
        })
        .collect();
    article.sentences = sentences.len();
    article.title = sentences
        .first()
        .map(|s| {
            text.text[s.span.clone()]
                .chars()
                .take(120)
                .collect::<String>()
        })
        .unwrap_or_default();
    if let Some(f) = duplicate {
        article.status = Status::Duplicate(f);
        return (article, None);
    }
    if sentences.is_empty() {
        article.note = "no sentences besides the date line: not matched".to_string();
        article.status = Status::NoSentences;
        return (article, None);
    }
    let keys = keys::article_keys(&text.text, lang, &sentences, lexicon);
    (
        article,
        Some(Prepared {
            lang,
            sentences,
            keys,
        }),
    )
}

/// The names and numbers two articles share, as written in the first.
pub(super) fn shared_mentions(
    prepared: &[Option<Prepared>],
    entries: &[Entry],
    a: usize,
    b: usize,
) -> (Vec<String>, Vec<String>) {
    let (Some(pa), Some(pb)) = (&prepared[a], &prepared[b]) else {
        return (Vec::new(), Vec::new());
    };
    let text = text_of(&entries[a]);
    let list = |xs: &[keys::Mention], ys: &[keys::Mention], least: usize| {
        let mut theirs: Vec<u32> = ys.iter().map(|m| m.key).collect();
        theirs.sort_unstable();
        let mut out: Vec<String> = Vec::new();
        for m in xs {
            if theirs.binary_search(&m.key).is_ok() {
                let s = text
                    .get(m.start as usize..m.end as usize)
                    .unwrap_or("")
                    .to_string();
                // A lone initial ("P" of "P&O") says nothing as evidence.
                let telling = s.chars().filter(|c| c.is_alphanumeric()).count() >= least;
                if telling && !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        out
    };
    (
        list(&pa.keys.names, &pb.keys.names, 2),
        list(&pa.keys.numbers, &pb.keys.numbers, 1),
    )
}
