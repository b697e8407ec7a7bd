//! False alarms on faithful human translation: the share of rows with a
//! flag on FLORES-200 devtest (every pair of bg/de/en) and WMT de→en news
//! (two independent human references), where every flag is noise.

use std::collections::BTreeMap;
use std::path::Path;

use super::divergence::{ByRule, alarming, counts, rule_rows, run};
use super::memory_story::story;
use super::read_lines;
use parallax::Lang;
use parallax::corpus::Story;
use parallax::error::Result;
use parallax::lexicon::Lexicon;
use parallax::pipeline::AlignedStory;
use parallax::score::{Flag, Kind, ScoredStory};

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
    /// Per rule, the rows it flagged (any severity).
    pub by_rule: ByRule,
}

/// Lines of `natural-flags.tsv` for `--dump`: every flag on faithful
/// translation, with the two sides' sentences, for reading.
pub static DUMP: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

pub fn dump_flags(data: &str, scored: &[(AlignedStory, ScoredStory)]) {
    let mut lines = Vec::new();
    for (al, s) in scored {
        for f in &s.flags {
            let text = |lang: Lang| -> String {
                let Some(v) = al.version_of(lang) else {
                    return String::new();
                };
                al.rows[f.row]
                    .ids(lang)
                    .iter()
                    .map(|&i| al.sentence_text(v, i))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            lines.push(
                [
                    data.to_string(),
                    al.story.name.clone(),
                    f.rule.to_string(),
                    f.severity.to_string(),
                    f.message.clone(),
                    format!("{}: {}", f.source, text(f.source)),
                    format!("{}: {}", f.target, text(f.target)),
                ]
                .join("\t")
                .replace('\n', " "),
            );
        }
    }
    if let Ok(mut d) = DUMP.lock() {
        d.extend(lines);
    }
}

fn natural_counts(data: &str, scored: &[(AlignedStory, ScoredStory)]) -> Vec<NaturalResult> {
    dump_flags(data, scored);
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
                by_rule: ByRule::new(),
            });
            for r in 0..al.rows.len() {
                if al.rows[r].ids(a).is_empty() || al.rows[r].ids(b).is_empty() {
                    continue;
                }
                let of_pair = |f: &&Flag| {
                    f.row == r && ((f.source, f.target) == (a, b) || (f.source, f.target) == (b, a))
                };
                e.rows += 1;
                rule_rows(s, r, (a, b), &mut e.by_rule);
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
