//! `parallax-eval lexicon`: coverage of the embedded lexicon on FLORES-200
//! (true and mismatched pairs) and Tatoeba, saved as CSV.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::flores::Flores;
use super::lexicon::{CoverageResult, analyse_all, coverage};
use super::read_lines;
use parallax::lang::Lang;
use parallax::lexicon::Lexicon;
use parallax::report;

use crate::Outcome;
use crate::output::{self, Out};

/// Lines k and k + MISMATCH are unrelated FLORES sentences.
const MISMATCH: usize = 7;

pub fn run(data: &Path, path: PathBuf, show: usize) -> parallax::Result<Outcome> {
    let started = Instant::now();
    let lexicon = Lexicon::embedded();
    let (terms, pairs) = lexicon.size();
    output::note(&format!(
        "lexicon: {terms} terms, {pairs} directed pairs, loaded in {:.2} s",
        started.elapsed().as_secs_f64()
    ));
    let mut results: Vec<CoverageResult> = Vec::new();
    let flores_dir = data.join("flores200-devtest");
    if flores_dir.is_dir() {
        let f = Flores::load(&flores_dir)?;
        let langs = [(Lang::Bg, &f.bg), (Lang::De, &f.de), (Lang::En, &f.en)];
        let analysed: Vec<_> = langs
            .iter()
            .map(|(l, lines)| analyse_all(lines, *l, &lexicon))
            .collect();
        for offset in [0, MISMATCH] {
            for (x, y) in [(0, 2), (2, 0), (1, 2), (2, 1), (0, 1), (1, 0)] {
                results.push(coverage(
                    "flores200-devtest",
                    (langs[x].0, langs[x].1, &analysed[x]),
                    (langs[y].0, &analysed[y]),
                    offset,
                ));
            }
        }
    } else {
        output::note(&format!(
            "skipping FLORES: {} not found",
            flores_dir.display()
        ));
    }
    let tatoeba = data.join("tatoeba-test");
    for (pair, other) in [("bul-eng", Lang::En), ("bul-deu", Lang::De)] {
        let code = if other == Lang::En { "eng" } else { "deu" };
        let file = |ext: &str| tatoeba.join(format!("{pair}.tatoeba-test-v2021-08-07.{ext}"));
        let (bg_path, other_path) = (file("bul"), file(code));
        if !bg_path.exists() {
            output::note(&format!(
                "skipping Tatoeba {pair}: {} not found",
                bg_path.display()
            ));
            continue;
        }
        let bg = read_lines(&bg_path)?;
        let ot = read_lines(&other_path)?;
        let abg = analyse_all(&bg, Lang::Bg, &lexicon);
        let aot = analyse_all(&ot, other, &lexicon);
        results.push(coverage("tatoeba", (Lang::Bg, &bg, &abg), (other, &aot), 0));
        results.push(coverage("tatoeba", (other, &ot, &aot), (Lang::Bg, &abg), 0));
    }
    let mut out = Out::new();
    out.line("dataset            pairing     dir     pairs  content  explained  coverage  no-translation")?;
    let mut rows = Vec::new();
    for r in &results {
        out.line(&format!(
            "{:<18} {:<11} {}→{}  {:>6} {:>8} {:>10}  {:>8.4}  {:>14.4}",
            r.dataset,
            r.pairing,
            r.from,
            r.to,
            r.pairs,
            r.content,
            r.explained,
            r.coverage(),
            r.untranslatable as f64 / r.content.max(1) as f64
        ))?;
        if show > 0 && r.pairing == "true" {
            let words: Vec<String> = r
                .unexplained
                .iter()
                .take(show)
                .map(|(w, n)| format!("{w}:{n}"))
                .collect();
            out.line(&format!("    unexplained: {}", words.join(" ")))?;
        }
        rows.push(vec![
            r.dataset.clone(),
            r.pairing.to_string(),
            r.from.to_string(),
            r.to.to_string(),
            r.pairs.to_string(),
            r.content.to_string(),
            r.explained.to_string(),
            format!("{:.4}", r.coverage()),
            format!("{:.4}", r.untranslatable as f64 / r.content.max(1) as f64),
        ]);
    }
    let header = [
        "dataset",
        "pairing",
        "from",
        "to",
        "pairs",
        "content_tokens",
        "explained",
        "coverage",
        "no_translation_share",
    ];
    report::write_atomic(&path, &report::csv_bytes(&header, &rows))?;
    out.line(&format!("saved {}", path.display()))?;
    out.flush()?;
    Ok(Outcome::Ok)
}
