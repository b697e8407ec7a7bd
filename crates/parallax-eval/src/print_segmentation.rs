//! `parallax-eval segmentation`: boundary precision and recall on FLORES-200
//! (against line ends alone, and with the hand-annotated sentence ends
//! inside lines), on WMT news with its annotated ends, and on the bundled
//! corpora's gold segmentation; printed and saved as one CSV table.

use std::path::{Path, PathBuf};

use super::flores::Flores;
use super::segmentation;
use crate::Outcome;
use crate::output::{self, Out};
use parallax::lang::{KNOWN, Lang};
use parallax::report;

/// Where each part of the measurement reads from.
pub struct Sources<'a> {
    pub data: &'a Path,
    pub corpora: &'a Path,
    /// Hand-annotated sentence ends inside FLORES lines.
    pub internal_ends: &'a Path,
    /// Hand-annotated sentence ends inside WMT lines.
    pub wmt_ends: &'a Path,
}

pub fn run(src: &Sources, out_path: PathBuf, show_errors: usize) -> parallax::Result<Outcome> {
    let mut results = Vec::new();
    let flores_dir = src.data.join("flores200-devtest");
    if flores_dir.is_dir() {
        let flores = Flores::load(&flores_dir)?;
        results.extend(
            KNOWN
                .iter()
                .map(|&l| segmentation::on_flores(&flores, l, None)),
        );
        let internal = segmentation::load_internal_ends(src.internal_ends)?;
        results.extend(
            KNOWN
                .iter()
                .map(|&l| segmentation::on_flores(&flores, l, Some(&internal))),
        );
    } else {
        output::note(&format!(
            "skipping FLORES: {} not found",
            flores_dir.display()
        ));
    }
    let wmt_dir = src.data.join("wmt-de-en");
    if wmt_dir.is_dir() && src.wmt_ends.is_file() {
        let ends = segmentation::load_wmt_ends(src.wmt_ends)?;
        for set in ["newstest2021", "generaltest2022"] {
            for (suffix, lang) in [
                ("src.de", Lang::De),
                ("ref.A.en", Lang::En),
                ("ref.B.en", Lang::En),
            ] {
                let file = format!("{set}.de-en.{suffix}");
                let mut r = segmentation::on_wmt(&wmt_dir, &file, lang, &ends)?;
                r.dataset = format!("wmt {set} {suffix}+internal");
                results.push(r);
            }
        }
    } else {
        output::note(&format!(
            "skipping WMT segmentation: {} not found",
            wmt_dir.display()
        ));
    }
    for lang in KNOWN {
        results.push(segmentation::on_corpus(src.corpora, lang)?);
    }
    let mut out = Out::new();
    out.line(
        "dataset                     lang  docs  gold  pred  correct  precision  recall     F1",
    )?;
    let mut rows = Vec::new();
    for r in &results {
        let prf = r.counts.prf();
        out.line(&format!(
            "{:<27} {:<4} {:>5} {:>5} {:>5} {:>8}  {:>9.4} {:>7.4} {:>6.4}",
            r.dataset,
            r.lang,
            r.documents,
            r.counts.gold,
            r.counts.predicted,
            r.counts.correct,
            prf.precision,
            prf.recall,
            prf.f1
        ))?;
        for e in r.errors.iter().take(show_errors) {
            out.line(&format!("    {}", output::one_line(e)))?;
        }
        rows.push(vec![
            r.dataset.clone(),
            r.lang.to_string(),
            r.documents.to_string(),
            r.counts.gold.to_string(),
            r.counts.predicted.to_string(),
            r.counts.correct.to_string(),
            format!("{:.4}", prf.precision),
            format!("{:.4}", prf.recall),
            format!("{:.4}", prf.f1),
        ]);
    }
    let header = [
        "dataset",
        "lang",
        "documents",
        "gold_boundaries",
        "predicted_boundaries",
        "correct",
        "precision",
        "recall",
        "f1",
    ];
    report::write_atomic(&out_path, &report::csv_bytes(&header, &rows))?;
    out.line(&format!("saved {}", out_path.display()))?;
    out.flush()?;
    Ok(Outcome::Ok)
}
