//! Measuring divergence scoring: the bundled corpora against their gold
//! divergences, DEMETR's perturbations, MQM raters' real error labels, and
//! faithful human translation (FLORES, WMT) for false alarms. Every set runs
//! through the same pipeline and scorer a user's corpus does.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use super::memory_story::story;
use super::read_lines;
use parallax::corpus::{Story, find_stories, load_story};
use parallax::error::{Error, ErrorKind, Location, Result};
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, AlignedStory};
use parallax::score::{Flag, Kind, ScoredStory, Severity, score_story};
use parallax::{Lang, ReadOptions};

/// Aligns and scores stories (pooled learning, as a batch does).
pub fn run(
    stories: Vec<Story>,
    lexicon: &Lexicon,
    segmented: bool,
) -> Vec<(AlignedStory, ScoredStory)> {
    let options = pipeline::Options {
        segmented,
        ..pipeline::Options::default()
    };
    let aligned = pipeline::run(stories, lexicon, None, &options);
    aligned
        .into_par_iter()
        .map(|al| {
            let s = score_story(&al);
            (al, s)
        })
        .collect()
}

/// A flag an editor is shown: minor or worse (info notes are context).
pub fn counts(f: &Flag) -> bool {
    f.severity <= Severity::Minor
}

/// Major or critical.
pub fn alarming(f: &Flag) -> bool {
    f.severity <= Severity::Major
}

/// Did the flag find something the source had and the target dropped
/// (evidence in the source only)?
pub fn drops(f: &Flag) -> bool {
    matches!(f.kind, Kind::Omission | Kind::OmittedSentence)
        || (!f.evidence.is_empty() && f.evidence.iter().all(|e| e.lang == f.source))
}

/// Did the flag find something the target added (evidence in the target only)?
pub fn adds(f: &Flag) -> bool {
    matches!(
        f.kind,
        Kind::Addition | Kind::AddedSentence | Kind::LoadedTerm
    ) || (!f.evidence.is_empty()
        && f.evidence.iter().all(|e| e.lang == f.target)
        && matches!(f.kind, Kind::Name | Kind::Number | Kind::Hedge))
}

/// How to compare two stories' divergence: by the highest row score, and
/// when those are equal (the change sits in another row than the worst
/// one), by the sum over rows.
fn compare_divergence(a: &ScoredStory, b: &ScoredStory) -> f64 {
    let total = |s: &ScoredStory| -> f32 {
        s.rows
            .iter()
            .flat_map(|r| r.divergence.iter().filter_map(|(_, d)| *d))
            .sum()
    };
    let key = |s: &ScoredStory| (max_divergence(s), total(s));
    match key(a).partial_cmp(&key(b)) {
        Some(std::cmp::Ordering::Greater) => 1.0,
        Some(std::cmp::Ordering::Equal) => 0.5,
        _ => 0.0,
    }
}

/// Highest row divergence of a story (over every pair).
pub fn max_divergence(s: &ScoredStory) -> f32 {
    s.rows
        .iter()
        .flat_map(|r| r.divergence.iter().filter_map(|(_, d)| *d))
        .fold(0.0, f32::max)
}

// ---------------------------------------------------------------- corpora

/// One gold divergence of `corpora/*/gold/divergences.tsv`.
#[derive(Debug, Clone)]
struct GoldDivergence {
    version: Lang,
    ids: Vec<usize>,
    against: Lang,
    against_ids: Vec<usize>,
    kinds: Vec<Kind>,
}

fn gold_divergences(dir: &Path) -> Result<Option<Vec<GoldDivergence>>> {
    let path = dir.join("gold").join("divergences.tsv");
    if !path.exists() {
        return Ok(None);
    }
    let bad = |line: usize, msg: String| {
        Error::new(ErrorKind::BadRow(msg), Location::file(&path).at_line(line))
    };
    let mut out = Vec::new();
    for (k, line) in read_lines(&path)?.iter().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 5 {
            return Err(bad(k + 1, format!("{} columns", c.len())));
        }
        let lang =
            |s: &str| Lang::from_code(s).ok_or_else(|| bad(k + 1, format!("bad language {s:?}")));
        let ids = |s: &str| super::gold::parse_ids(s).map_err(|m| bad(k + 1, m));
        let kinds = c[4]
            .split('|')
            .map(|n| Kind::from_name(n).ok_or_else(|| bad(k + 1, format!("unknown kind {n:?}"))))
            .collect::<Result<Vec<_>>>()?;
        out.push(GoldDivergence {
            version: lang(c[0])?,
            ids: ids(c[1])?,
            against: lang(c[2])?,
            against_ids: ids(c[3])?,
            kinds,
        });
    }
    Ok(Some(out))
}

/// Precision, recall and right-step counts of one kind on the corpora.
#[derive(Debug, Clone, Default)]
pub struct KindCounts {
    pub gold: usize,
    pub found: usize,
    pub flags: usize,
    pub correct: usize,
    pub right_step: usize,
}

/// What the corpora evaluation measured.
#[derive(Debug, Default)]
pub struct CorporaResult {
    pub kinds: BTreeMap<Kind, KindCounts>,
    /// Rows of the faithful control stories, and those with a major or
    /// critical flag, and with any flag.
    pub control_rows: usize,
    pub control_alarms: usize,
    pub control_any: usize,
    /// Gold divergences whose change was found at the right step, of those found.
    pub steps: (usize, usize),
    /// Unmatched flags, for reading: (story, message).
    pub false_flags: Vec<(String, Kind, String)>,
    pub missed: Vec<(String, String)>,
}

/// Does a flag concern the row that holds a gold divergence?
fn same_row(al: &AlignedStory, f: &Flag, g: &GoldDivergence) -> bool {
    let row = &al.rows[f.row];
    let hit = |lang: Lang, ids: &[usize]| ids.iter().any(|i| row.ids(lang).contains(i));
    hit(g.version, &g.ids) || hit(g.against, &g.against_ids)
}

pub fn corpora(dir: &Path, lexicon: &Lexicon) -> Result<CorporaResult> {
    let mut stories = Vec::new();
    let mut golds = Vec::new();
    for d in find_stories(&[dir.to_path_buf()]) {
        let d = d?;
        if let Some(g) = gold_divergences(&d)? {
            stories.push(load_story(&d, &ReadOptions::default())?);
            golds.push(g);
        }
    }
    let mut out = CorporaResult::default();
    for ((al, scored), gold) in run(stories, lexicon, false).iter().zip(&golds) {
        let flags: Vec<&Flag> = scored.flags.iter().filter(|f| counts(f)).collect();
        if gold.is_empty() {
            out.control_rows += al.rows.len();
            let rows_with = |pred: &dyn Fn(&Flag) -> bool| {
                let mut rows: Vec<usize> =
                    flags.iter().filter(|f| pred(f)).map(|f| f.row).collect();
                rows.sort();
                rows.dedup();
                rows.len()
            };
            out.control_alarms += rows_with(&alarming);
            out.control_any += rows_with(&counts);
        }
        for g in gold {
            let first = g.kinds[0];
            let c = out.kinds.entry(first).or_default();
            c.gold += 1;
            let matched: Vec<&&Flag> = flags
                .iter()
                .filter(|f| g.kinds.contains(&f.kind) && same_row(al, f, g))
                .collect();
            if !matched.is_empty() {
                c.found += 1;
                out.steps.1 += 1;
                if matched
                    .iter()
                    .any(|f| f.target == g.version && f.source == g.against)
                {
                    out.steps.0 += 1;
                }
            } else {
                out.missed.push((
                    al.story.name.clone(),
                    format!("{} {}→{} {:?}", first, g.against, g.version, g.ids),
                ));
            }
        }
        for f in &flags {
            let c = out.kinds.entry(f.kind).or_default();
            c.flags += 1;
            let hit = gold
                .iter()
                .find(|g| g.kinds.contains(&f.kind) && same_row(al, f, g));
            if let Some(g) = hit {
                c.correct += 1;
                if f.target == g.version && f.source == g.against {
                    c.right_step += 1;
                }
            } else {
                out.false_flags.push((
                    al.story.name.clone(),
                    f.kind,
                    format!("row {} {}", f.row + 1, f.message),
                ));
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- DEMETR

/// One DEMETR file's figures.
#[derive(Debug, Clone)]
pub struct DemetrResult {
    pub file: String,
    pub items: usize,
    /// Share where the perturbed translation diverges more from the source.
    pub ranking: f64,
    /// Share where the perturbed translation gets a flag of the right kind.
    pub right_kind: f64,
    /// Share of the unperturbed translations with a major or critical flag.
    pub false_alarms: f64,
}

/// The kinds that count as right for a DEMETR perturbation file, or `None`
/// for files whose change Parallax does not claim to type.
fn demetr_kinds(file: &str) -> Option<&'static [Kind]> {
    const REMOVAL: &[Kind] = &[
        Kind::Omission,
        Kind::Softened,
        Kind::Name,
        Kind::Number,
        Kind::Hedge,
        Kind::Negation,
    ];
    Some(match file {
        f if f.contains("addition") => &[Kind::Addition, Kind::LoadedTerm, Kind::Intensified],
        f if f.contains("antonym") => &[Kind::Negation],
        f if f.contains("negation") => &[Kind::Negation],
        f if f.contains("numbers") => &[Kind::Number],
        f if f.contains("ne_replaced") => &[Kind::Name],
        f if f.contains("ne_removed") => &[Kind::Name, Kind::Omission],
        f if f.contains("removed") => REMOVAL,
        _ => return None,
    })
}

pub fn demetr(dir: &Path, lexicon: &Lexicon) -> Result<Vec<DemetrResult>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut stories = Vec::new();
    let mut index = Vec::new();
    for (fi, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let items: Vec<serde_json::Value> = serde_json::from_str(&text)
            .map_err(|e| Error::at(path, ErrorKind::Invalid(format!("bad JSON: {e}"))))?;
        for (k, it) in items.iter().enumerate() {
            if it["pert_check"].as_bool() != Some(true) {
                continue;
            }
            let field = |f: &str| it[f].as_str().unwrap_or("").to_string();
            let (src, mt, pert) = (field("src_sent"), field("mt_sent"), field("pert_sent"));
            for (variant, en) in [("mt", &mt), ("pert", &pert)] {
                stories.push(story(
                    &format!("demetr/{fi}/{k}/{variant}"),
                    &[(Lang::De, &src), (Lang::En, en)],
                    &[Lang::De, Lang::En],
                ));
            }
            index.push(fi);
        }
    }
    let scored = run(stories, lexicon, false);
    let mut out = Vec::new();
    for (fi, path) in files.iter().enumerate() {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kinds = demetr_kinds(&name);
        let (mut n, mut rank, mut right, mut alarms) = (0usize, 0.0f64, 0usize, 0usize);
        for (k, _) in index.iter().enumerate().filter(|&(_, &f)| f == fi) {
            let (mt, pert) = (&scored[2 * k].1, &scored[2 * k + 1].1);
            n += 1;
            rank += compare_divergence(pert, mt);
            if kinds.is_some_and(|ks| pert.flags.iter().any(|f| counts(f) && ks.contains(&f.kind)))
            {
                right += 1;
            }
            if mt.flags.iter().any(alarming) {
                alarms += 1;
            }
        }
        let share = |x: f64| if n == 0 { 0.0 } else { x / n as f64 };
        out.push(DemetrResult {
            file: name,
            items: n,
            ranking: share(rank),
            right_kind: if kinds.is_some() {
                share(right as f64)
            } else {
                f64::NAN
            },
            false_alarms: share(alarms as f64),
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------- MQM

/// What raters marked on one MQM item.
#[derive(Debug, Clone, Default)]
struct MqmLabels {
    doc_seg: (String, u64),
    /// Raters who marked an omission / an addition / any accuracy error / a
    /// Major accuracy error.
    omission: usize,
    addition: usize,
    accuracy: usize,
    major_accuracy: usize,
}

/// F1 and its parts.
#[derive(Debug, Clone, Copy, Default)]
pub struct F1 {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub positives: usize,
}

fn f1(pred: &[bool], gold: &[bool]) -> F1 {
    let tp = pred.iter().zip(gold).filter(|(p, g)| **p && **g).count() as f64;
    let p = pred.iter().filter(|x| **x).count() as f64;
    let g = gold.iter().filter(|x| **x).count() as f64;
    let precision = if p > 0.0 { tp / p } else { 0.0 };
    let recall = if g > 0.0 { tp / g } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    F1 {
        precision,
        recall,
        f1,
        positives: g as usize,
    }
}

/// The MQM figures.
#[derive(Debug, Clone, Default)]
pub struct MqmResult {
    pub items: usize,
    pub omission_any: F1,
    pub omission_two: F1,
    pub addition_any: F1,
    /// Pairs (same paragraph: a Major accuracy error by ≥ 2 raters against
    /// no accuracy error by any) and the share ranked right.
    pub pairs: usize,
    pub ranking: f64,
    /// Items with no accuracy error, and the share with a major flag.
    pub clean: usize,
    pub false_alarms: f64,
}

/// With `dump`, also writes `dump/mqm-items.tsv`: per item its highest row
/// divergence and its flags, for reading.
pub fn mqm(path: &Path, lexicon: &Lexicon, dump: Option<&Path>) -> Result<MqmResult> {
    let lines = read_lines(path)?;
    let mut stories = Vec::new();
    let mut labels = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            Error::new(
                ErrorKind::Invalid(format!("bad JSON: {e}")),
                Location::file(path).at_line(k + 1),
            )
        })?;
        let mut l = MqmLabels {
            doc_seg: (
                v["doc"].as_str().unwrap_or("").to_string(),
                v["seg"].as_u64().unwrap_or(0),
            ),
            ..MqmLabels::default()
        };
        for rating in v["ratings"].as_array().into_iter().flatten() {
            let errors: Vec<&serde_json::Value> =
                rating["errors"].as_array().into_iter().flatten().collect();
            let has = |pred: &dyn Fn(&str, &str) -> bool| {
                errors.iter().any(|e| {
                    pred(
                        e["category"].as_str().unwrap_or(""),
                        e["severity"].as_str().unwrap_or(""),
                    )
                })
            };
            l.omission += usize::from(has(&|c, _| c.starts_with("Accuracy/Omission")));
            l.addition += usize::from(has(&|c, _| c == "Accuracy/Addition"));
            l.accuracy += usize::from(has(&|c, _| c.starts_with("Accuracy/")));
            l.major_accuracy +=
                usize::from(has(&|c, s| c.starts_with("Accuracy/") && s == "Major"));
        }
        let (src, tgt) = (
            v["source"].as_str().unwrap_or(""),
            v["target"].as_str().unwrap_or(""),
        );
        stories.push(story(
            &format!("mqm/{k}"),
            &[(Lang::En, src), (Lang::De, tgt)],
            &[Lang::En, Lang::De],
        ));
        labels.push(l);
    }
    let scored = run(stories, lexicon, false);
    if let Some(dir) = dump {
        let mut text = String::from("id\tmax_divergence\tflags\n");
        for (k, (_, s)) in scored.iter().enumerate() {
            let flags: Vec<String> = s
                .flags
                .iter()
                .map(|f| format!("{} {}: {}", f.severity, f.kind, f.message))
                .collect();
            text.push_str(&format!(
                "{k}\t{:.4}\t{}\n",
                max_divergence(s),
                flags.join(" | ").replace(['\t', '\n'], " ")
            ));
        }
        parallax::report::write_atomic(&dir.join("mqm-items.tsv"), text.as_bytes())?;
    }
    let flags = |k: usize, pred: &dyn Fn(&Flag) -> bool| {
        scored[k].1.flags.iter().any(|f| counts(f) && pred(f))
    };
    let n = labels.len();
    let pred_om: Vec<bool> = (0..n).map(|k| flags(k, &drops)).collect();
    let pred_add: Vec<bool> = (0..n).map(|k| flags(k, &adds)).collect();
    let gold = |pred: &dyn Fn(&MqmLabels) -> bool| labels.iter().map(pred).collect::<Vec<bool>>();
    let mut out = MqmResult {
        items: n,
        omission_any: f1(&pred_om, &gold(&|l| l.omission >= 1)),
        omission_two: f1(&pred_om, &gold(&|l| l.omission >= 2)),
        addition_any: f1(&pred_add, &gold(&|l| l.addition >= 1)),
        ..MqmResult::default()
    };
    let (mut right, mut pairs) = (0.0, 0usize);
    for i in 0..n {
        if labels[i].major_accuracy < 2 {
            continue;
        }
        for j in 0..n {
            if labels[j].accuracy == 0 && labels[j].doc_seg == labels[i].doc_seg {
                pairs += 1;
                right += compare_divergence(&scored[i].1, &scored[j].1);
            }
        }
    }
    out.pairs = pairs;
    out.ranking = if pairs > 0 { right / pairs as f64 } else { 0.0 };
    let clean: Vec<usize> = (0..n).filter(|&k| labels[k].accuracy == 0).collect();
    out.clean = clean.len();
    let alarms = clean
        .iter()
        .filter(|&&k| scored[k].1.flags.iter().any(alarming))
        .count();
    out.false_alarms = if clean.is_empty() {
        0.0
    } else {
        alarms as f64 / clean.len() as f64
    };
    Ok(out)
}

// ---------------------------------------------------------------- faithful translation

/// Share of rows with a major or critical flag, and with any flag, per pair.
#[derive(Debug, Clone)]
pub struct NaturalResult {
    pub data: String,
    pub pair: (Lang, Lang),
    pub rows: usize,
    pub alarmed: usize,
    pub flagged: usize,
    /// Flags (minor or worse) by kind, for reading where noise comes from.
    pub by_kind: BTreeMap<Kind, (usize, usize)>,
}

fn natural_counts(data: &str, scored: &[(AlignedStory, ScoredStory)]) -> Vec<NaturalResult> {
    let mut by_pair: BTreeMap<(Lang, Lang), NaturalResult> = BTreeMap::new();
    for (al, s) in scored {
        for p in &al.pairs {
            let (a, b) = p.langs;
            let e = by_pair.entry((a, b)).or_insert_with(|| NaturalResult {
                data: data.to_string(),
                pair: (a, b),
                rows: 0,
                alarmed: 0,
                flagged: 0,
                by_kind: BTreeMap::new(),
            });
            for r in 0..al.rows.len() {
                if al.rows[r].ids(a).is_empty() || al.rows[r].ids(b).is_empty() {
                    continue;
                }
                let of_pair = |f: &&Flag| {
                    f.row == r && ((f.source, f.target) == (a, b) || (f.source, f.target) == (b, a))
                };
                e.rows += 1;
                let fl: Vec<&Flag> = s.flags.iter().filter(of_pair).collect();
                e.alarmed += usize::from(fl.iter().any(|f| alarming(f)));
                e.flagged += usize::from(fl.iter().any(|f| counts(f)));
                for f in fl.iter().filter(|f| counts(f)) {
                    let k = e.by_kind.entry(f.kind).or_default();
                    k.0 += usize::from(alarming(f));
                    k.1 += 1;
                }
            }
        }
    }
    by_pair.into_values().collect()
}

/// FLORES-200 devtest, one story per article, no relay order (every pair
/// compared), each line a sentence.
pub fn flores(flores: &super::flores::Flores, lexicon: &Lexicon) -> Vec<NaturalResult> {
    let stories: Vec<Story> = flores
        .articles
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let join = |lines: &[String]| lines[a.clone()].join("\n");
            story(
                &format!("flores/{k}"),
                &[
                    (Lang::Bg, &join(&flores.bg)),
                    (Lang::De, &join(&flores.de)),
                    (Lang::En, &join(&flores.en)),
                ],
                &[],
            )
        })
        .collect();
    natural_counts("flores200 devtest", &run(stories, lexicon, true))
}

/// WMT German→English (news and general), both human references, in
/// chunks of a few lines (the sets give no document boundaries).
pub fn wmt(dir: &Path, lexicon: &Lexicon) -> Result<Vec<NaturalResult>> {
    const CHUNK: usize = 8;
    let mut out = Vec::new();
    for set in ["newstest2021", "generaltest2022"] {
        let de = read_lines(&dir.join(format!("{set}.de-en.src.de")))?;
        for reference in ["A", "B"] {
            let en = read_lines(&dir.join(format!("{set}.de-en.ref.{reference}.en")))?;
            let stories: Vec<Story> = (0..de.len().min(en.len()))
                .step_by(CHUNK)
                .map(|i| {
                    let end = (i + CHUNK).min(de.len()).min(en.len());
                    story(
                        &format!("wmt/{set}/{reference}/{i}"),
                        &[
                            (Lang::De, &de[i..end].join("\n")),
                            (Lang::En, &en[i..end].join("\n")),
                        ],
                        &[Lang::De, Lang::En],
                    )
                })
                .collect();
            out.extend(natural_counts(
                &format!("wmt {set} ref {reference}"),
                &run(stories, lexicon, true),
            ));
        }
    }
    Ok(out)
}
