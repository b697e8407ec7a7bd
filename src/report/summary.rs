//! `summary.csv`, `errors.csv` and `summary.jsonl`: one entry per story,
//! either a summary of its comparison or the reason it could not be done.
//!
//! `summary.jsonl` is the report folder's manifest: a first line with what
//! the whole run shared ([`RunLine`]: the learned table, if any), then
//! every entry with its raw values, sorted by story key. It is always
//! written, because [`merge`](super::merge) reads it to put shard folders
//! back together, and the HTML index is built from the same entries, so a
//! merged index is the same bytes as a single run's.

use serde::{Deserialize, Serialize};

use crate::align::{AlignedStory, TableId};
use crate::batch::{Compared, Failure};
use crate::lang::{KNOWN, Lang};
use crate::score::{ScoredStory, Severity};

/// The pairs of the known languages, in the order of every report's columns.
pub const PAIRS: [(Lang, Lang); 3] = [
    (Lang::Bg, Lang::De),
    (Lang::Bg, Lang::En),
    (Lang::De, Lang::En),
];

/// One story's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    pub story: String,
    pub title: String,
    /// Language codes in the story's version order.
    pub versions: Vec<String>,
    /// The relay chain, original first (empty without one).
    pub chain: Vec<String>,
    /// Sentences per language, in `KNOWN` order (bg, de, en); `None` for a
    /// language the story lacks.
    pub sentences: Vec<Option<usize>>,
    pub rows: usize,
    pub flagged_rows: usize,
    /// Flags written, by severity: critical, major, minor, info.
    pub flags: [usize; 4],
    /// Flags left out by the ignore list.
    pub ignored: usize,
    /// Per pair (bg-de, bg-en, de-en): mean and max row divergence, the
    /// share of words explained across the pair (lexical coverage), and each
    /// side's share of sentences with a counterpart.
    pub pairs: Vec<PairSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairSummary {
    pub pair: String,
    pub mean_divergence: Option<f32>,
    pub max_divergence: Option<f32>,
    pub lexical_coverage: Option<f32>,
    pub aligned: Option<(f32, f32)>,
}

/// A story or path that failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorEntry {
    pub story: String,
    pub path: String,
    pub reason: String,
    pub line: Option<usize>,
    pub byte: Option<usize>,
}

/// What `summary.jsonl` opens with: `{"manifest":"parallax report v1",
/// "learned":"none"}`, or the learned table's id ([`TableId`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunLine {
    pub manifest: String,
    pub learned: TableId,
}

/// The `manifest` value of the first line.
pub const MANIFEST: &str = "parallax report v1";

impl RunLine {
    pub fn new(learned: TableId) -> RunLine {
        RunLine {
            manifest: MANIFEST.to_string(),
            learned,
        }
    }
}

/// A story's line of `summary.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Entry {
    Ok(StorySummary),
    Error(ErrorEntry),
}

impl Entry {
    pub fn key(&self) -> &str {
        match self {
            Entry::Ok(s) => &s.story,
            Entry::Error(e) => &e.story,
        }
    }
}

/// The columns of `summary.csv`: the story, its counts, then five per pair
/// (`bg_de_mean_div`, `bg_de_max_div`, `bg_de_coverage`, `bg_de_aligned_bg`,
/// `bg_de_aligned_de`, …).
pub fn summary_header() -> Vec<String> {
    let mut h: Vec<String> = [
        "story",
        "title",
        "versions",
        "relay",
        "sentences_bg",
        "sentences_de",
        "sentences_en",
        "rows",
        "flagged_rows",
        "flags",
        "critical",
        "major",
        "minor",
        "info",
        "ignored",
    ]
    .map(String::from)
    .to_vec();
    for (a, b) in PAIRS {
        for what in ["mean_div", "max_div", "coverage"] {
            h.push(format!("{a}_{b}_{what}"));
        }
        h.push(format!("{a}_{b}_aligned_{a}"));
        h.push(format!("{a}_{b}_aligned_{b}"));
    }
    h
}

pub const ERRORS_HEADER: [&str; 5] = ["story", "path", "reason", "line", "byte"];

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Critical => 0,
        Severity::Major => 1,
        Severity::Minor => 2,
        Severity::Info => 3,
    }
}

fn same_pair(x: (Lang, Lang), a: Lang, b: Lang) -> bool {
    x == (a, b) || x == (b, a)
}

impl StorySummary {
    pub fn of(c: &Compared) -> StorySummary {
        StorySummary::of_parts(&c.aligned, &c.scored, c.ignored.len())
    }

    /// The summary of a story scored, `ignored` flags left out.
    pub fn of_parts(al: &AlignedStory, scored: &ScoredStory, ignored: usize) -> StorySummary {
        let mut flags = [0; 4];
        for f in &scored.flags {
            flags[severity_index(f.severity)] += 1;
        }
        let mut flagged: Vec<usize> = scored.flags.iter().map(|f| f.row).collect();
        flagged.sort_unstable();
        flagged.dedup();
        let pairs = PAIRS
            .iter()
            .map(|&(a, b)| {
                let divs: Vec<f32> = scored
                    .rows
                    .iter()
                    .filter_map(|r| r.divergence.iter().find(|(p, _)| same_pair(*p, a, b)))
                    .filter_map(|(_, d)| *d)
                    .collect();
                let mean = (!divs.is_empty()).then(|| divs.iter().sum::<f32>() / divs.len() as f32);
                let max = divs.iter().copied().reduce(f32::max);
                let lexical = scored
                    .lexical_coverage
                    .iter()
                    .find(|(p, _)| same_pair(*p, a, b))
                    .and_then(|(_, c)| *c);
                let aligned = al.pairs.iter().find(|p| same_pair(p.langs, a, b)).map(|p| {
                    let (x, y) = p.alignment.coverage();
                    if p.langs == (a, b) { (x, y) } else { (y, x) }
                });
                PairSummary {
                    pair: format!("{a}-{b}"),
                    mean_divergence: mean,
                    max_divergence: max,
                    lexical_coverage: lexical,
                    aligned,
                }
            })
            .collect();
        StorySummary {
            story: al.story.key.clone(),
            title: al.story.meta.title.clone().unwrap_or_default(),
            versions: al
                .story
                .versions
                .iter()
                .map(|v| v.lang.code().to_string())
                .collect(),
            chain: al
                .story
                .meta
                .chain
                .iter()
                .map(|l| l.code().to_string())
                .collect(),
            sentences: KNOWN
                .iter()
                .map(|&l| al.version_of(l).map(|v| al.sentences[v].len()))
                .collect(),
            rows: al.rows.len(),
            flagged_rows: flagged.len(),
            flags,
            ignored,
            pairs,
        }
    }

    /// Flags written for the story, all severities.
    pub fn flags_written(&self) -> usize {
        self.flags.iter().sum()
    }

    /// The story's line of `summary.csv`.
    pub fn record(&self) -> Vec<String> {
        let opt = |x: Option<usize>| x.map(|n| n.to_string()).unwrap_or_default();
        let fig = |x: Option<f32>| x.map(|d| format!("{d:.3}")).unwrap_or_default();
        let mut r = vec![
            self.story.clone(),
            self.title.clone(),
            self.versions.join(" "),
            self.chain.join(" → "),
        ];
        r.extend(self.sentences.iter().map(|&s| opt(s)));
        r.push(self.rows.to_string());
        r.push(self.flagged_rows.to_string());
        r.push(self.flags_written().to_string());
        r.extend(self.flags.iter().map(|n| n.to_string()));
        r.push(self.ignored.to_string());
        for p in &self.pairs {
            r.push(fig(p.mean_divergence));
            r.push(fig(p.max_divergence));
            r.push(fig(p.lexical_coverage));
            r.push(fig(p.aligned.map(|a| a.0)));
            r.push(fig(p.aligned.map(|a| a.1)));
        }
        r
    }
}

impl ErrorEntry {
    pub fn of(f: &Failure) -> ErrorEntry {
        ErrorEntry {
            story: f.key.clone(),
            path: f.path.display().to_string(),
            reason: f.error.kind.to_string(),
            line: f.error.location.line,
            byte: f.error.location.byte,
        }
    }

    /// A version file left out of story `key` (the story itself was
    /// compared without it).
    pub fn of_version(key: &str, v: &crate::corpus::VersionError) -> ErrorEntry {
        ErrorEntry {
            story: key.to_string(),
            path: v.path.display().to_string(),
            reason: v.reason.clone(),
            line: v.line,
            byte: v.byte,
        }
    }

    /// The line of `errors.csv`.
    pub fn record(&self) -> Vec<String> {
        let opt = |x: Option<usize>| x.map(|n| n.to_string()).unwrap_or_default();
        vec![
            self.story.clone(),
            self.path.clone(),
            self.reason.clone(),
            opt(self.line),
            opt(self.byte),
        ]
    }
}

/// Sorts entries the one way every report is written: by story key, then by
/// the entry itself, so ties are settled the same in any run.
pub fn sort_entries(entries: &mut [Entry]) {
    entries.sort_by_cached_key(|e| {
        (
            e.key().to_string(),
            serde_json::to_string(e).unwrap_or_default(),
        )
    });
}
