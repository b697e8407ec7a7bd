//! Relay discovery: which articles in unsorted archives of Bulgarian,
//! German and English news are versions of the same story, and which was
//! relayed from which.
//!
//! The steps, in order: [`archive`] reads every `.txt` file (one article
//! each; bad files keep their error, files with the same bytes are noted as
//! copies of the first); each article's language comes from its text, its
//! date from a date line or its folder's `story.toml` ([`dates`]); each
//! sentence is analysed once into cross-lingual keys ([`keys`]); an inverted
//! index of the keys, weighted by rarity, gives each article its best few
//! candidates per language ([`index`]); candidates that pass a cheap screen
//! are aligned sentence by sentence and linked only when most of one side
//! and a fair part of the other have aligned sentences with real lexical
//! evidence ([`verify`]); links get a direction ([`direction`]), then
//! groups and each article's source ([`groups`]); [`stories`] plans a story
//! folder per relay path for `parallax compare`, and [`write`] writes the
//! output folder. Everything is sorted by path before it is numbered, so
//! the output is the same at any thread count and in any input order.

pub mod archive;
pub mod dates;
pub mod direction;
pub mod groups;
pub mod index;
pub mod keys;
pub mod stories;
pub mod verify;
pub mod write;

use rayon::prelude::*;

pub use archive::{Archive, Entry, FileError};
pub use dates::Date;
pub use direction::{Basis, Direction};
pub use groups::Role;

use crate::align::Doc;
use crate::lang::{self, Lang};
use crate::lexicon::Lexicon;
use crate::segment::Sentence;
use keys::ArticleKeys;

/// Settings of a discovery run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Candidates kept per article and language.
    pub per_lang: usize,
    /// The smallest index score a candidate needs.
    pub min_candidate: f32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            per_lang: 3,
            min_candidate: 0.04,
        }
    }
}

/// Why an article takes no part in matching, if it does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Matched against the others.
    Matched,
    /// Could not be read.
    Unreadable(FileError),
    /// In a language other than bg, de and en (or none that can be told).
    OtherLanguage(Option<Lang>),
    /// The same bytes as an earlier article (its index).
    Duplicate(usize),
    /// No sentences once the date line is left out.
    NoSentences,
}

/// One article and what discovery found about it.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: String,
    pub file: Option<std::path::PathBuf>,
    pub lang: Option<Lang>,
    pub date: Option<Date>,
    pub status: Status,
    /// Sentences matched (without the date line).
    pub sentences: usize,
    /// The headline or first sentence, for story titles.
    pub title: String,
    /// Its group's number (1-based, in order of the groups' first paths).
    pub group: usize,
    pub role: Role,
    /// The judged source article…
    pub source: Option<usize>,
    /// …and the match it rests on (none for a copy).
    pub source_match: Option<usize>,
    pub note: String,
}

/// Two linked articles and the evidence.
#[derive(Debug, Clone)]
pub struct Match {
    pub link: groups::Link,
    pub basis: Basis,
    pub reason: String,
    /// Names and numbers found in both, as written in `a`.
    pub names: Vec<String>,
    pub numbers: Vec<String>,
    /// The candidate score from the index.
    pub candidate: f32,
    /// False when the link was dropped as a patchwork's weaker side.
    pub kept: bool,
}

/// Counts of a run's work, for reports and benchmarks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub articles: usize,
    pub sentences: usize,
    pub candidates: usize,
    pub screened: usize,
    pub aligned: usize,
    pub links: usize,
}

/// What discovery found.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    pub articles: Vec<Article>,
    pub matches: Vec<Match>,
    /// Article indices per group, in group order.
    pub groups: Vec<Vec<usize>>,
    /// Files and paths that could not be read.
    pub errors: Vec<FileError>,
    pub stats: Stats,
}

/// An article ready for matching.
struct Prepared {
    lang: Lang,
    sentences: Vec<Sentence>,
    keys: ArticleKeys,
}

/// Runs discovery on an archive.
pub fn discover(archive: &Archive, lexicon: &Lexicon, options: &Options) -> Discovery {
    let entries = &archive.entries;
    let n = entries.len();
    // Copies: the first article with the same bytes (and text) stands for all.
    let mut first_of: crate::hash::FastMap<u64, usize> = Default::default();
    let mut duplicate_of: Vec<Option<usize>> = vec![None; n];
    for (i, e) in entries.iter().enumerate() {
        let Ok(text) = &e.content else { continue };
        match first_of.get(&e.bytes_hash) {
            Some(&f) if entries[f].content.as_ref().is_ok_and(|t| t.text == text.text) => {
                duplicate_of[i] = Some(f);
            }
            Some(_) => {}
            None => {
                first_of.insert(e.bytes_hash, i);
            }
        }
    }
    let prepared: Vec<(Article, Option<Prepared>)> = entries
        .par_iter()
        .enumerate()
        .map(|(i, e)| prepare(e, duplicate_of[i], lexicon))
        .collect();
    let (mut articles, prepared): (Vec<Article>, Vec<Option<Prepared>>) = prepared.into_iter().unzip();
    let docs: Vec<Option<Vec<(u32, u8)>>> = prepared
        .par_iter()
        .map(|p| p.as_ref().map(|p| p.keys.all()))
        .collect();
    let langs: Vec<Lang> = articles
        .iter()
        .map(|a| a.lang.unwrap_or(Lang::Other(*b"xx")))
        .collect();
    let index = index::Index::build(&docs);
    let candidates = index.candidates(&docs, &langs, options.per_lang, options.min_candidate);
    drop(docs);
    let mut stats = Stats {
        articles: n,
        sentences: prepared.iter().flatten().map(|p| p.sentences.len()).sum(),
        candidates: candidates.len(),
        ..Stats::default()
    };
    // Screen, then align what passes.
    let debug = std::env::var_os("PARALLAX_DISCOVER_DEBUG").is_some();
    let screened: Vec<(u32, u32, f32)> = candidates
        .into_par_iter()
        .filter(|&(a, b, score)| {
            let (pa, pb) = (prepared[a as usize].as_ref(), prepared[b as usize].as_ref());
            pa.zip(pb).is_some_and(|(pa, pb)| {
                let s = verify::screen(&pa.keys, &pb.keys, &index);
                if debug {
                    eprintln!("DBG cand {} {} {score:.3} screen {:.2} {:.2}", entries[a as usize].path, entries[b as usize].path, s.0, s.1);
                }
                verify::passes_screen(s)
            })
        })
        .collect();
    stats.screened = screened.len();
    let verified: Vec<(u32, u32, f32, verify::Verdict)> = screened
        .into_par_iter()
        .filter_map(|(a, b, score)| {
            let (pa, pb) = (prepared[a as usize].as_ref()?, prepared[b as usize].as_ref()?);
            let (ta, tb) = (text_of(&entries[a as usize]), text_of(&entries[b as usize]));
            let da = Doc::from_segmented(pa.lang, ta, &pa.sentences);
            let db = Doc::from_segmented(pb.lang, tb, &pb.sentences);
            let v = verify::verify(&da, &db, lexicon);
            if debug {
                eprintln!("DBG verify {} {} ev {:.2} {:.2} cov {:.2} {:.2} beads {} sim {:.2} linked {}", entries[a as usize].path, entries[b as usize].path, v.evidence.0, v.evidence.1, v.coverage.0, v.coverage.1, v.beads, v.similarity, v.linked());
            }
            Some((a, b, score, v))
        })
        .collect();
    stats.aligned = verified.len();
    let mut links: Vec<groups::Link> = Vec::new();
    let mut scores: Vec<f32> = Vec::new();
    for (a, b, score, verdict) in verified {
        if !verdict.linked() {
            continue;
        }
        let (a, b) = (a as usize, b as usize);
        let (direction, _, _) = direction::judge(&verdict, (articles[a].date, articles[b].date));
        links.push(groups::Link {
            a,
            b,
            verdict,
            direction,
        });
        scores.push(score);
    }
    stats.links = links.len();
    let kept = groups::unchain(n, &links);
    let mut component_of = groups::components(n, &links, &kept);
    // Copies join the group of the article they copy.
    let mut in_group = vec![0usize; n];
    for (g, members) in component_of.iter().enumerate() {
        for &x in members {
            in_group[x] = g;
        }
    }
    for (i, d) in duplicate_of.iter().enumerate() {
        if let Some(f) = d {
            let (from, to) = (in_group[i], in_group[*f]);
            component_of[from].retain(|&x| x != i);
            component_of[to].push(i);
            in_group[i] = to;
        }
    }
    let mut groups: Vec<Vec<usize>> = component_of.into_iter().filter(|g| !g.is_empty()).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_by_key(|g| g[0]);
    let source = groups::sources(n, &links, &kept);
    let roles = groups::roles(&groups, &links, &kept, &source);
    for (g, members) in groups.iter().enumerate() {
        for &x in members {
            let a = &mut articles[x];
            a.group = g + 1;
            a.role = roles[x];
            a.source = source[x].map(|s| s.0);
            a.source_match = source[x].map(|s| s.1);
            if let Some(f) = duplicate_of[x] {
                a.role = Role::Relay;
                a.source = Some(f);
                a.note = format!("the same bytes as {}", entries[f].path);
            }
        }
        // A group of copies only: the first is their original.
        if members.len() > 1 && members.iter().skip(1).all(|&x| duplicate_of[x].is_some()) {
            articles[members[0]].role = Role::Original;
        }
    }
    let kept_set: Vec<bool> = {
        let mut v = vec![false; links.len()];
        kept.iter().for_each(|&k| v[k] = true);
        v
    };
    let matches = links
        .into_iter()
        .zip(scores)
        .enumerate()
        .map(|(k, (link, candidate))| {
            let (_, basis, reason) = direction::judge(
                &link.verdict,
                (articles[link.a].date, articles[link.b].date),
            );
            let (names, numbers) = shared_mentions(&prepared, entries, link.a, link.b);
            Match {
                link,
                basis,
                reason,
                names,
                numbers,
                candidate,
                kept: kept_set[k],
            }
        })
        .collect();
    let mut errors: Vec<FileError> = archive.errors.clone();
    errors.extend(entries.iter().filter_map(|e| e.content.as_ref().err().cloned()));
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    Discovery {
        articles,
        matches,
        groups,
        errors,
        stats,
    }
}

fn text_of(e: &Entry) -> &str {
    e.content.as_ref().map_or("", |t| t.text.as_str())
}

/// Reads what discovery needs of one article.
fn prepare(e: &Entry, duplicate: Option<usize>, lexicon: &Lexicon) -> (Article, Option<Prepared>) {
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
        .map(|s| text.text[s.span.clone()].chars().take(120).collect::<String>())
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
fn shared_mentions(
    prepared: &[Option<Prepared>],
    entries: &[Entry],
    a: usize,
    b: usize,
) -> (Vec<String>, Vec<String>) {
    let (Some(pa), Some(pb)) = (&prepared[a], &prepared[b]) else {
        return (Vec::new(), Vec::new());
    };
    let text = text_of(&entries[a]);
    let list = |xs: &[keys::Mention], ys: &[keys::Mention]| {
        let mut theirs: Vec<u32> = ys.iter().map(|m| m.key).collect();
        theirs.sort_unstable();
        let mut out: Vec<String> = Vec::new();
        for m in xs {
            if theirs.binary_search(&m.key).is_ok() {
                let s = text
                    .get(m.start as usize..m.end as usize)
                    .unwrap_or("")
                    .to_string();
                if !s.is_empty() && !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        out
    };
    (
        list(&pa.keys.names, &pb.keys.names),
        list(&pa.keys.numbers, &pb.keys.numbers),
    )
}
