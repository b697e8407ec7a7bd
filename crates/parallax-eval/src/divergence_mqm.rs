//! Divergence on WMT 2023 MQM news (en→de): Parallax's flags against three
//! professional raters' error labels per paragraph (omission and addition
//! F1), the ranking of a paragraph's translation with a major accuracy
//! error against an error-free one, and false alarms on error-free items.

use std::path::Path;

use super::divergence::{
    ByRule, adds, alarming, compare_divergence, counts, drops, max_divergence, run,
};
use super::memory_story::story;
use super::read_lines;
use parallax::Lang;
use parallax::error::{Error, ErrorKind, Location, Result};
use parallax::lexicon::Lexicon;
use parallax::score::Flag;

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
    /// Per rule, the clean items it flagged, and the items with an
    /// accuracy error by any rater it flagged (any severity).
    pub rules_clean: ByRule,
    pub rules_error: ByRule,
    /// Items with an accuracy error by any rater.
    pub errors: usize,
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
    // The condensation note (S3, info) names the rows a version left out:
    // it reports the omission, though at no severity of its own.
    let pred_om: Vec<bool> = (0..n)
        .map(|k| flags(k, &drops) || scored[k].1.flags.iter().any(|f| f.rule == "S3"))
        .collect();
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
    out.errors = n - clean.len();
    for (k, l) in labels.iter().enumerate() {
        let into = if l.accuracy == 0 {
            &mut out.rules_clean
        } else {
            &mut out.rules_error
        };
        super::divergence_demetr::rules_of(&scored[k].1, into);
    }
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
