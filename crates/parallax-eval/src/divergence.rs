//! Measuring divergence scoring: what every set shares (align and score
//! stories as a batch does, which flags count, a story's divergence), and
//! the bundled corpora against their gold divergences. The other sets are
//! in `divergence_demetr` (DEMETR's perturbations), `divergence_mqm` (MQM
//! raters' real error labels) and `divergence_natural` (false alarms on
//! faithful human translation, FLORES and WMT). Every set runs through the
//! same pipeline and scorer a user's corpus does.

use std::collections::BTreeMap;
use std::path::Path;

use parallax::corpus::{Story, find_stories, load_story};
use parallax::error::Result;
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, AlignedStory};
use parallax::score::{self, Flag, Kind, ScoredStory, Severity};
use parallax::{Lang, ReadOptions};

/// The scoring parameters of this run (`--set NAME=VALUE`), the defaults
/// unless set.
pub static PARAMS: std::sync::OnceLock<score::Params> = std::sync::OnceLock::new();

/// Aligns and scores stories as `compare` does ([`pipeline::compare_story`]
/// for each): each story on its own, with no translations learned from the
/// other stories of the set.
pub fn run(
    stories: Vec<Story>,
    lexicon: &Lexicon,
    segmented: bool,
) -> Vec<(AlignedStory, ScoredStory)> {
    let options = pipeline::Options {
        segmented,
        ..pipeline::Options::default()
    };
    let mut ctx = pipeline::Context::new(lexicon, None, options);
    ctx.score = PARAMS.get().copied().unwrap_or_default();
    pipeline::compare(stories, &ctx)
}

/// Per rule ID, a count.
pub type ByRule = BTreeMap<&'static str, usize>;

/// Per rule, the rows of `al`'s pair (a, b) it flagged (any severity).
pub fn rule_rows(scored: &ScoredStory, row: usize, pair: (Lang, Lang), into: &mut ByRule) {
    let mut seen: Vec<&'static str> = Vec::new();
    for f in &scored.flags {
        let of_pair = (f.source, f.target) == pair || (f.target, f.source) == pair;
        if f.row == row && of_pair && !seen.contains(&f.rule) {
            seen.push(f.rule);
            *into.entry(f.rule).or_default() += 1;
        }
    }
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
pub fn compare_divergence(a: &ScoredStory, b: &ScoredStory) -> f64 {
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
    let Some(lines) = super::gold::table(&path)? else {
        return Ok(None);
    };
    let mut out = Vec::new();
    for (n, line) in lines {
        let bad = |msg: String| super::gold::bad_row(&path, n, msg);
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 5 {
            return Err(bad(format!("{} columns", c.len())));
        }
        let lang = |s: &str| Lang::from_code(s).ok_or_else(|| bad(format!("bad language {s:?}")));
        let ids = |s: &str| super::gold::parse_ids(s).map_err(bad);
        let kinds = c[4]
            .split('|')
            .map(|k| Kind::from_name(k).ok_or_else(|| bad(format!("unknown kind {k:?}"))))
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
    /// Per rule: its flags at any severity, and those matching a gold divergence.
    pub rule_flags: ByRule,
    pub rule_correct: ByRule,
    /// Per rule: rows of the faithful control stories it flagged.
    pub rule_control_rows: ByRule,
    /// Major and critical flags, and those matching a gold divergence.
    pub alarms: (usize, usize),
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
            let mut fired: Vec<(&'static str, usize)> =
                scored.flags.iter().map(|f| (f.rule, f.row)).collect();
            fired.sort();
            fired.dedup();
            for (rule, _) in fired {
                *out.rule_control_rows.entry(rule).or_default() += 1;
            }
        }
        for f in &scored.flags {
            let right = gold
                .iter()
                .any(|g| g.kinds.contains(&f.kind) && same_row(al, f, g));
            *out.rule_flags.entry(f.rule).or_default() += 1;
            *out.rule_correct.entry(f.rule).or_default() += usize::from(right);
            if alarming(f) {
                out.alarms.0 += 1;
                out.alarms.1 += usize::from(right);
            }
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
