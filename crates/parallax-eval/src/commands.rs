//! The harness's subcommands: their arguments, the default paths (the
//! project's own, see [`crate::harness::project_root`]), the data sets each
//! measurement reads, and the refusal to overwrite a committed table when
//! some of them are missing.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::flores::Flores;
use crate::harness::{default_data_dir, in_project, results_dir};
use crate::output;
use crate::{Outcome, bench_data, print_alignment, print_divergence, print_lexicon};
use crate::{print_segmentation, score, tokenise};

#[derive(Subcommand)]
pub enum Command {
    /// Sentence boundary precision and recall (FLORES-200, WMT, corpora/).
    #[command(after_help = "Reads: flores200-devtest/, wmt-de-en/ and corpora/.\n\
        Writes: benches/results/segmentation.csv")]
    Segmentation(SegmentationArgs),
    /// Share of content words that find a counterpart (FLORES-200, Tatoeba).
    #[command(after_help = "Reads: flores200-devtest/ and tatoeba-test/.\n\
        Writes: benches/results/lexicon-coverage.csv")]
    Lexicon(LexiconArgs),
    /// Sentence alignment P/R/F1 (Text+Berg, FLORES made hard, relays, corpora/).
    #[command(
        after_help = "Reads: vecalign-bleualign/, flores200-devtest/, wmt-de-en/ and corpora/.\n\
        Writes: benches/results/alignment.csv and alignment-relays.csv"
    )]
    Alignment(AlignmentArgs),
    /// Divergence flags: corpora/ gold, DEMETR, MQM error labels, false alarms
    /// on faithful translation (FLORES, WMT), changes planted into FLORES.
    #[command(
        after_help = "Reads: corpora/, demetr/, mqm-news2023-ende/, flores200-devtest/ and wmt-de-en/.\n\
        Writes: benches/results/divergence-{corpora,demetr,mqm,natural,planted}.csv"
    )]
    Divergence(DivergenceArgs),
    /// Write de/en document pairs of 10,000 to 100,000 sentences, with gold
    /// beads, for the speed benchmarks (scripts/bench-align.sh).
    BenchData(BenchDataArgs),
    /// The bare cost of a corpus: read, segment and analyse every sentence
    /// once, without aligning (for scripts/bench-scale.sh).
    Tokenise(TokeniseArgs),
    /// Score bead files against gold bead files (strict and lax P/R/F1).
    Score(score::Args),
}

/// The data folder and the bundled corpora.
#[derive(clap::Args, Debug)]
pub struct Sources {
    /// Folder of the third-party data sets [default: $PARALLAX_DATA, else
    /// ../shared/data beside the project].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The bundled corpora with gold annotations [default: the project's corpora/].
    #[arg(long, value_name = "DIR")]
    corpora: Option<PathBuf>,
}

impl Sources {
    fn data(&self) -> PathBuf {
        self.data.clone().unwrap_or_else(default_data_dir)
    }

    fn corpora(&self) -> PathBuf {
        self.corpora
            .clone()
            .unwrap_or_else(|| in_project("corpora"))
    }
}

#[derive(clap::Args, Debug)]
pub struct SegmentationArgs {
    #[command(flatten)]
    sources: Sources,
    /// Hand-annotated sentence ends inside FLORES lines [default: the
    /// project's benches/data/flores-internal-boundaries.tsv].
    #[arg(long, value_name = "FILE")]
    internal_ends: Option<PathBuf>,
    /// Write the table here instead of benches/results/segmentation.csv.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Print up to N errors per data set and language.
    #[arg(long, value_name = "N", default_value_t = 0)]
    show_errors: usize,
}

#[derive(clap::Args, Debug)]
pub struct LexiconArgs {
    /// Folder of the third-party data sets [default: $PARALLAX_DATA, else
    /// ../shared/data beside the project].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Write the table here instead of benches/results/lexicon-coverage.csv.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Print up to N unexplained words per data set and direction.
    #[arg(long, value_name = "N", default_value_t = 0)]
    show_errors: usize,
}

#[derive(clap::Args, Debug)]
pub struct AlignmentArgs {
    #[command(flatten)]
    sources: Sources,
    /// Write the table here instead of benches/results/alignment.csv (the
    /// relays' table goes beside it, as alignment-relays.csv).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Measure on the development sets (Text+Berg dev, FLORES hard cases
    /// from another seed) instead of the test sets, for calibration.
    #[arg(long)]
    dev: bool,
    /// Override a cost constant, e.g. `--set skip=0.6` (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// Write the test and gold beads of every document into DIR.
    #[arg(long, value_name = "DIR")]
    dump: Option<PathBuf>,
    /// Print a line per document (any N above 0).
    #[arg(long, value_name = "N", default_value_t = 0)]
    show_errors: usize,
}

#[derive(clap::Args, Debug)]
pub struct DivergenceArgs {
    #[command(flatten)]
    sources: Sources,
    /// Write the tables into DIR instead of benches/results/.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Write the MQM items' flags and the planted stories into DIR.
    #[arg(long, value_name = "DIR")]
    dump: Option<PathBuf>,
    /// Print the false and missed flags (any N above 0).
    #[arg(long, value_name = "N", default_value_t = 0)]
    show_errors: usize,
    /// Override a scoring parameter, e.g. `--set claim_gate=0.3`
    /// (repeatable; names: `parallax::score::Params`). Needs --out: the
    /// committed tables are of the defaults.
    #[arg(long = "set", value_name = "NAME=VALUE", requires = "out")]
    set: Vec<String>,
}

#[derive(clap::Args, Debug)]
pub struct BenchDataArgs {
    /// Folder of the third-party data sets [default: $PARALLAX_DATA, else
    /// ../shared/data beside the project].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Where to write the pairs [default: the project's target/bench-data].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct TokeniseArgs {
    /// The corpus to read [default: the project's corpora/].
    #[arg(long, value_name = "DIR")]
    corpora: Option<PathBuf>,
}

pub fn run(command: Command) -> parallax::Result<Outcome> {
    match command {
        Command::Segmentation(a) => {
            let data = a.sources.data();
            let needs = ["flores200-devtest", "wmt-de-en"];
            if !may_write("segmentation", &data, &needs, a.out.is_some()) {
                return Ok(Outcome::Usage);
            }
            let internal_ends = a
                .internal_ends
                .unwrap_or_else(|| in_project("benches/data/flores-internal-boundaries.tsv"));
            let sources = print_segmentation::Sources {
                data: &data,
                corpora: &a.sources.corpora(),
                internal_ends: &internal_ends,
                wmt_ends: &in_project("benches/data/wmt-internal-boundaries.tsv"),
            };
            let out = a
                .out
                .unwrap_or_else(|| results_dir().join("segmentation.csv"));
            print_segmentation::run(&sources, out, a.show_errors)
        }
        Command::Lexicon(a) => {
            let data = a.data.unwrap_or_else(default_data_dir);
            let needs = [
                "flores200-devtest",
                "tatoeba-test/bul-eng.tatoeba-test-v2021-08-07.bul",
                "tatoeba-test/bul-deu.tatoeba-test-v2021-08-07.bul",
            ];
            if !may_write("lexicon", &data, &needs, a.out.is_some()) {
                return Ok(Outcome::Usage);
            }
            let out = a
                .out
                .unwrap_or_else(|| results_dir().join("lexicon-coverage.csv"));
            print_lexicon::run(&data, out, a.show_errors)
        }
        Command::Alignment(a) => {
            let data = a.sources.data();
            let needs = ["vecalign-bleualign", "flores200-devtest", "wmt-de-en"];
            if !may_write("alignment", &data, &needs, a.out.is_some()) {
                return Ok(Outcome::Usage);
            }
            let out = a.out.unwrap_or_else(|| results_dir().join("alignment.csv"));
            print_alignment::run(
                &data,
                &a.sources.corpora(),
                out,
                a.show_errors > 0,
                a.dump.as_deref(),
                a.dev,
                &a.set,
            )
        }
        Command::Divergence(a) => {
            let data = a.sources.data();
            let needs = [
                "demetr",
                "mqm-news2023-ende/items.jsonl",
                "flores200-devtest",
                "wmt-de-en",
            ];
            if !may_write("divergence", &data, &needs, a.out.is_some()) {
                return Ok(Outcome::Usage);
            }
            let mut params = parallax::score::Params::default();
            for s in &a.set {
                let parsed = s
                    .split_once('=')
                    .and_then(|(n, v)| v.trim().parse::<f32>().ok().map(|v| (n.trim(), v)));
                let Some((name, value)) = parsed else {
                    output::usage(&format!("--set {s:?}: want NAME=VALUE"));
                    return Ok(Outcome::Usage);
                };
                if let Err(e) = params.set(name, value) {
                    output::usage(&format!("--set {s:?}: {e}"));
                    return Ok(Outcome::Usage);
                }
            }
            let _ = crate::divergence::PARAMS.set(params);
            let rates = match &a.out {
                Some(d) => d.join("rule-rates.tsv"),
                None => in_project("data/score/rule-rates.tsv"),
            };
            print_divergence::run(
                &data,
                &a.sources.corpora(),
                &a.out.unwrap_or_else(results_dir),
                a.show_errors > 0,
                a.dump.as_deref(),
                &rates,
            )
        }
        Command::BenchData(a) => {
            let data = a.data.unwrap_or_else(default_data_dir);
            let flores = data.join("flores200-devtest");
            if !flores.is_dir() {
                output::usage(&format!(
                    "bench-data: the pairs are built from FLORES-200, and {} is missing; \
                     point --data or $PARALLAX_DATA at the data folder",
                    flores.display()
                ));
                return Ok(Outcome::Usage);
            }
            let out = a.out.unwrap_or_else(|| in_project("target/bench-data"));
            bench_data::write(&Flores::load(&flores)?, &out)
        }
        Command::Tokenise(a) => tokenise::run(&a.corpora.unwrap_or_else(|| in_project("corpora"))),
        Command::Score(a) => score::run(a),
    }
}

/// Whether a measurement may run. With every data set it reads present, yes.
/// With some missing, its tables would be partial: written where `--out`
/// says they may be (the missing sets are skipped with a note), but never
/// over the committed ones in `benches/results/`; then the command refuses,
/// naming what is missing.
fn may_write(what: &str, data: &Path, needs: &[&str], out_given: bool) -> bool {
    let missing: Vec<String> = needs
        .iter()
        .map(|n| data.join(n))
        .filter(|p| !p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if missing.is_empty() || out_given {
        return true;
    }
    output::usage(&format!(
        "{what}: not measured: missing {}. Without them the committed tables in \
         benches/results/ would be overwritten with partial ones. Point --data or \
         $PARALLAX_DATA at the data folder (its README lists the sets), or give \
         --out to measure what is there and write the tables elsewhere",
        missing.join(", ")
    ));
    false
}
