//! `parallax-eval alignment`: strict and lax P/R/F1 on Text+Berg de-fr, on
//! FLORES-200 made hard, and per story on the bundled corpora; saved as CSV.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::align_sets::{self, DocResult};
use super::alignment::BeadCounts;
use super::flores::Flores;
use parallax::align::AlignOptions;
use parallax::lang::Lang;
use parallax::lexicon::Lexicon;
use parallax::report;

use crate::Outcome;
use crate::output::{self, Out};

const TEXT_BERG: [&str; 7] = [
    "test0", "test1", "test2", "test3", "test4", "test5", "test6",
];
/// FLORES articles per generated document (about 250 sentences).
const ARTICLES_PER_DOC: usize = 70;
pub const SEED: u64 = 2026;
/// The development cases: another seed, so calibration never sees the test cases.
const DEV_SEED: u64 = 7;

pub fn run(
    data: &Path,
    corpora: &Path,
    path: PathBuf,
    per_doc: bool,
    dump: Option<&Path>,
    dev: bool,
    overrides: &[String],
) -> parallax::Result<Outcome> {
    let lexicon = Lexicon::embedded();
    let mut options = AlignOptions::default();
    for o in overrides {
        let (name, value) = o
            .split_once('=')
            .and_then(|(n, v)| Some((n, v.parse::<f32>().ok()?)))
            .ok_or_else(|| parallax::Error::invalid(format!("--set {o}: expected NAME=NUMBER")))?;
        options
            .params
            .set(name, value)
            .map_err(parallax::Error::invalid)?;
    }
    let (text_berg_docs, seed): (&[&str], u64) = if dev {
        (&["dev"], DEV_SEED)
    } else {
        (&TEXT_BERG, SEED)
    };
    let mut out = Out::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    out.line("data set                       pair   docs  strict P   R      F1     lax P   R      F1     seconds")?;
    let mut report =
        |out: &mut Out,
         set: &str,
         pair: &str,
         results: &[DocResult],
         secs: f64|
         -> parallax::Result<()> {
            let mut total = BeadCounts::default();
            for r in results {
                for k in 0..4 {
                    total.precision[k] += r.counts.precision[k];
                    total.recall[k] += r.counts.recall[k];
                }
            }
            let (s, l) = (total.strict(), total.lax());
            out.line(&format!(
            "{set:<30} {pair:<6} {:>4}  {:.3}   {:.3}  {:.3}  {:.3}   {:.3}  {:.3}  {secs:>6.2}",
            results.len(), s.precision, s.recall, s.f1, l.precision, l.recall, l.f1
        ))?;
            rows.push(vec![
                set.to_string(),
                pair.to_string(),
                results.len().to_string(),
                format!("{:.4}", s.precision),
                format!("{:.4}", s.recall),
                format!("{:.4}", s.f1),
                format!("{:.4}", l.precision),
                format!("{:.4}", l.recall),
                format!("{:.4}", l.f1),
            ]);
            if let Some(dir) = dump {
                write_beads(dir, set, pair, results)?;
            }
            if per_doc && results.len() > 1 {
                for r in results {
                    let s = r.counts.strict();
                    out.line(&format!(
                        "    {:<40} {:>5}×{:<5} strict F1 {:.3}",
                        r.name, r.sentences.0, r.sentences.1, s.f1
                    ))?;
                }
            }
            Ok(())
        };
    let tb = data.join("vecalign-bleualign");
    if tb.is_dir() {
        for learn in [false, true] {
            let t = Instant::now();
            let (results, learned) =
                align_sets::text_berg(&tb, text_berg_docs, &lexicon, &options, learn)?;
            let set = if learn {
                format!("text+berg, learned {learned}")
            } else {
                "text+berg, no learning".into()
            };
            report(&mut out, &set, "de-fr", &results, t.elapsed().as_secs_f64())?;
        }
    } else {
        output::note(&format!("skipping Text+Berg: {} not found", tb.display()));
    }
    let flores_dir = data.join("flores200-devtest");
    if flores_dir.is_dir() {
        let flores = Flores::load(&flores_dir)?;
        for (a, b) in [
            (Lang::Bg, Lang::De),
            (Lang::Bg, Lang::En),
            (Lang::De, Lang::En),
        ] {
            for learn in [false, true] {
                let t = Instant::now();
                let (results, learned) = align_sets::flores_hard(
                    &flores,
                    (a, b),
                    ARTICLES_PER_DOC,
                    seed,
                    &lexicon,
                    &options,
                    learn,
                );
                let set = if learn {
                    format!("flores hard, learned {learned}")
                } else {
                    "flores hard, no learning".into()
                };
                report(
                    &mut out,
                    &set,
                    &format!("{a}-{b}"),
                    &results,
                    t.elapsed().as_secs_f64(),
                )?;
            }
        }
    } else {
        output::note(&format!(
            "skipping FLORES: {} not found",
            flores_dir.display()
        ));
    }
    super::print_relays::run(
        &mut out,
        data,
        corpora,
        &lexicon,
        &options,
        seed,
        path.with_file_name("alignment-relays.csv"),
    )?;
    let t = Instant::now();
    let stories = align_sets::corpora(corpora, &lexicon, &options)?;
    let secs = t.elapsed().as_secs_f64();
    for (a, b) in [
        (Lang::Bg, Lang::De),
        (Lang::Bg, Lang::En),
        (Lang::De, Lang::En),
    ] {
        let results: Vec<DocResult> = stories
            .iter()
            .filter(|s| s.1 == a && s.2 == b)
            .map(|s| s.3.clone())
            .collect();
        report(
            &mut out,
            "corpora (all stories)",
            &format!("{a}-{b}"),
            &results,
            secs,
        )?;
    }
    for (name, a, b, r) in &stories {
        report(
            &mut out,
            &format!("corpora/{name}"),
            &format!("{a}-{b}"),
            std::slice::from_ref(r),
            0.0,
        )?;
    }
    let rows_result = align_sets::corpora_rows(corpora, &lexicon, &options)?;
    let (mut exact, mut found, mut gold) = (0, 0, 0);
    out.line("three-way rows of the corpora (exact row matches):")?;
    for (name, e, f, g) in &rows_result {
        out.line(&format!(
            "    {name:<40} {e:>3} of {g:>3} gold rows, {f:>3} rows found"
        ))?;
        exact += e;
        found += f;
        gold += g;
    }
    let (p, r) = (
        exact as f64 / found.max(1) as f64,
        exact as f64 / gold.max(1) as f64,
    );
    out.line(&format!(
        "    {:<40} precision {p:.3}, recall {r:.3}",
        "all stories"
    ))?;
    rows.push(vec![
        "corpora three-way rows (exact)".into(),
        "bg-de-en".into(),
        rows_result.len().to_string(),
        format!("{p:.4}"),
        format!("{r:.4}"),
        format!(
            "{:.4}",
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        ),
        String::new(),
        String::new(),
        String::new(),
    ]);
    let header = [
        "data_set",
        "pair",
        "documents",
        "strict_p",
        "strict_r",
        "strict_f1",
        "lax_p",
        "lax_r",
        "lax_f1",
    ];
    report::write_atomic(&path, &report::csv_bytes(&header, &rows))?;
    out.line(&format!("saved {}", path.display()))?;
    out.flush()?;
    Ok(Outcome::Ok)
}

/// Writes each document's test and gold beads in vecalign format, so any
/// other scorer (e.g. `align_score.py`) can check the numbers.
fn write_beads(dir: &Path, set: &str, pair: &str, results: &[DocResult]) -> parallax::Result<()> {
    let slug: String = set
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    for r in results {
        for (kind, beads) in [("test", &r.beads), ("gold", &r.gold)] {
            let text: String = beads
                .iter()
                .map(|(a, b)| format!("{:?}:{:?}\n", a, b))
                .collect();
            let path = dir.join(format!("{slug}.{pair}.{}.{kind}", r.name));
            report::write_atomic(&path, text.as_bytes())?;
        }
    }
    Ok(())
}
