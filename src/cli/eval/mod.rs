//! `parallax eval`: measure Parallax against gold data and save the table.
//! The evaluation harness (loaders for the third-party test sets and the
//! corpora's gold annotations, generators of hard cases, scoring) lives here
//! in the binary, not in the library: the library's API is the pipeline
//! alone. The data folder comes from `--data`, `$PARALLAX_DATA`, or
//! `../shared/data` seen from where the command runs.

mod align_sets;
pub mod alignment;
mod bench_data;
mod divergence;
mod flores;
mod gold;
mod harness;
mod lexicon;
mod memory_story;
mod perturb;
mod plant;
mod plant_edit;
mod plant_eval;
mod plant_negation;
mod plant_omission;
mod plant_report;
mod plant_text;
mod plant_wording;
mod plant_words;
mod print_alignment;
mod print_divergence;
mod print_lexicon;
mod print_relays;
mod relay_sets;
mod segmentation;
mod tokenise;

pub use harness::{Prf, default_data_dir, read_lines};

use std::path::PathBuf;

use flores::Flores;
use parallax::lang::{KNOWN, Lang};
use parallax::report;

use super::Outcome;
use super::output::{self, Out};

/// Measure accuracy against gold data and write a results table (CSV).
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  \
    parallax eval segmentation                    FLORES-200 + corpora/, saved to benches/results/\n  \
    parallax eval segmentation --show-errors 20   also print 20 errors per data set\n  \
    parallax eval lexicon                         coverage on FLORES-200 and Tatoeba\n  \
    parallax eval alignment --show-errors 1       alignment F1, with a line per document")]
pub struct Args {
    /// What to measure.
    #[arg(value_enum)]
    what: What,
    /// Folder of the third-party data sets [default: $PARALLAX_DATA or ../shared/data].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The bundled corpora with gold annotations.
    #[arg(long, value_name = "DIR", default_value = "corpora")]
    corpora: PathBuf,
    /// Hand-annotated sentence ends inside FLORES lines (segmentation only).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "benches/data/flores-internal-boundaries.tsv"
    )]
    internal_ends: PathBuf,
    /// Where to write the results table [default: benches/results/<what>.csv].
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Alignment: measure on the development sets (Text+Berg dev, FLORES hard
    /// cases from another seed) instead of the test sets, for calibration.
    #[arg(long)]
    dev: bool,
    /// Alignment: override a cost constant, e.g. `--set skip=0.6` (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// Write the test and gold beads of every document into DIR (alignment).
    #[arg(long, value_name = "DIR")]
    dump: Option<PathBuf>,
    /// Print up to N errors per data set and language.
    #[arg(long, value_name = "N", default_value_t = 0)]
    show_errors: usize,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum What {
    /// Sentence boundary precision and recall.
    Segmentation,
    /// Share of content words that find a counterpart (FLORES, Tatoeba).
    Lexicon,
    /// Sentence alignment P/R/F1 (Text+Berg, FLORES made hard, corpora).
    Alignment,
    /// Divergence flags: corpora gold, DEMETR, MQM error labels, false alarms
    /// on faithful translation (FLORES, WMT).
    Divergence,
    /// Write de/en document pairs of 10,000, 40,000 and 100,000 sentences into
    /// `--out DIR` (default target/bench-data) for speed benchmarks.
    BenchData,
    /// The bare cost of the corpus at `--corpora`: read, segment and analyse
    /// every sentence once, without aligning (for the scale benchmark).
    Tokenise,
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    match args.what {
        What::Segmentation => run_segmentation(&args),
        What::Lexicon => print_lexicon::run(&args.data_dir(), args.out.clone(), args.show_errors),
        What::BenchData => bench_data(&args),
        What::Tokenise => tokenise::run(&args.corpora),
        What::Divergence => print_divergence::run(
            &args.data_dir(),
            &args.corpora,
            args.out.clone(),
            args.show_errors > 0,
            args.dump.as_deref(),
        ),
        What::Alignment => print_alignment::run(
            &args.data_dir(),
            &args.corpora,
            args.out.clone(),
            args.show_errors > 0,
            args.dump.as_deref(),
            args.dev,
            &args.set,
        ),
    }
}

impl Args {
    fn data_dir(&self) -> PathBuf {
        self.data.clone().unwrap_or_else(default_data_dir)
    }
}

fn run_segmentation(args: &Args) -> parallax::Result<Outcome> {
    let data = args.data_dir();
    let mut results = Vec::new();
    let flores_dir = data.join("flores200-devtest");
    if flores_dir.is_dir() {
        let flores = Flores::load(&flores_dir)?;
        results.extend(
            KNOWN
                .iter()
                .map(|&l| segmentation::on_flores(&flores, l, None)),
        );
        let internal = segmentation::load_internal_ends(&args.internal_ends)?;
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
    let wmt_dir = data.join("wmt-de-en");
    let wmt_ends = PathBuf::from("benches/data/wmt-internal-boundaries.tsv");
    if wmt_dir.is_dir() && wmt_ends.is_file() {
        let ends = segmentation::load_wmt_ends(&wmt_ends)?;
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
        results.push(segmentation::on_corpus(&args.corpora, lang)?);
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
        for e in r.errors.iter().take(args.show_errors) {
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
    let path = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("benches/results/segmentation.csv"));
    report::write_atomic(&path, &report::csv_bytes(&header, &rows))?;
    out.line(&format!("saved {}", path.display()))?;
    out.flush()?;
    Ok(Outcome::Ok)
}

fn bench_data(args: &Args) -> parallax::Result<Outcome> {
    use parallax::lang::Lang;
    let flores = Flores::load(&args.data_dir().join("flores200-devtest"))?;
    let dir = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("target/bench-data"));
    let mut out = Out::new();
    for size in [10_000, 20_000, 40_000, 100_000] {
        let (a, b, gold) = bench_data::build(&flores, &[], (Lang::De, Lang::En), size, 42);
        let gold_path = dir.join(format!("bench-{}k.gold", size / 1000));
        let text: String = gold.iter().map(|(x, y)| format!("{x:?}:{y:?}\n")).collect();
        report::write_atomic(&gold_path, text.as_bytes())?;
        for (lang, lines) in [("de", &a), ("en", &b)] {
            let path = dir.join(format!("bench-{}k.{lang}", size / 1000));
            let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
            report::write_atomic(&path, text.as_bytes())?;
            out.line(&format!(
                "wrote {} ({} sentences)",
                path.display(),
                lines.len()
            ))?;
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
