//! Divergence on DEMETR (de→en): each item's perturbed translation against
//! its unperturbed one, both scored against the German source. Measures
//! ranking (does the perturbed one diverge more?), whether a flag of the
//! right kind names the change, and false alarms on the unperturbed one.

use std::path::Path;

use super::divergence::{ByRule, alarming, compare_divergence, counts, run};
use super::memory_story::story;
use parallax::Lang;
use parallax::error::{Error, ErrorKind, Result};
use parallax::lexicon::Lexicon;
use parallax::score::{Kind, ScoredStory};

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
    /// Per rule, the items whose unperturbed / perturbed translation it
    /// flagged (any severity).
    pub rules_mt: ByRule,
    pub rules_pert: ByRule,
}

/// The rules that flagged a story, once each.
pub fn rules_of(s: &ScoredStory, into: &mut ByRule) {
    let mut seen: Vec<&'static str> = s.flags.iter().map(|f| f.rule).collect();
    seen.sort();
    seen.dedup();
    for r in seen {
        *into.entry(r).or_default() += 1;
    }
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
        let (mut rules_mt, mut rules_pert) = (ByRule::new(), ByRule::new());
        for (k, _) in index.iter().enumerate().filter(|&(_, &f)| f == fi) {
            let (mt, pert) = (&scored[2 * k].1, &scored[2 * k + 1].1);
            n += 1;
            rules_of(mt, &mut rules_mt);
            rules_of(pert, &mut rules_pert);
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
            rules_mt,
            rules_pert,
        });
    }
    Ok(out)
}
