//! `parallax-eval`: Parallax's measuring harness, a workspace member of its
//! own so that it never ships in the `parallax` binary. It measures the
//! library against gold data (the bundled corpora's annotations and the
//! third-party test sets in the data folder), prints the figures and saves
//! them to the committed tables in `benches/results/`; `score` scores bead
//! files against gold beads. The loaders, generators of hard cases and
//! scorers live here, not in the library, whose API is the pipeline alone.
//! Exit codes: 0 success, 1 an error, 2 a usage error (including data sets
//! missing for a table that would be overwritten).

mod align_sets;
mod alignment;
mod bench_data;
mod commands;
mod condense;
mod discover_build;
mod discover_data;
mod discover_score;
mod divergence;
mod divergence_demetr;
mod divergence_mqm;
mod divergence_natural;
mod divergence_relays;
mod flores;
mod gold;
mod harness;
mod lexicon;
mod memory_story;
mod mismatched;
mod output;
mod perturb;
mod plant;
mod plant_edit;
mod plant_eval;
mod plant_modality;
mod plant_negation;
mod plant_omission;
mod plant_report;
mod plant_text;
mod plant_wording;
mod plant_words;
mod print_alignment;
mod print_discover;
mod print_divergence;
mod print_lexicon;
mod print_relays;
mod print_segmentation;
mod relay_sets;
mod rules_table;
mod score;
mod segmentation;
mod tokenise;

pub use harness::{Prf, read_lines};

use std::process::ExitCode;

use clap::Parser;

/// How a command ended when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The command cannot be acted on; the reason was printed (exit 2).
    Usage,
}

#[derive(Parser)]
#[command(
    name = "parallax-eval",
    version,
    about = "Measure Parallax against gold data and save the results tables (benches/results/)",
    after_help = "Default paths are the project's own, wherever the command runs: corpora/,\n\
                  benches/results/, and the data folder $PARALLAX_DATA or ../shared/data beside\n\
                  the project. A measurement whose data sets are not all there refuses to run\n\
                  (exit 2) rather than overwrite a committed table with a partial one; with\n\
                  --out it measures what is there and writes its tables where --out says.\n\n\
                  Examples (from the project root):\n  \
                  cargo run --release -p parallax-eval -- divergence\n  \
                  cargo run --release -p parallax-eval -- alignment --show-errors 1\n  \
                  cargo run --release -p parallax-eval -- score test.beads gold.beads"
)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match commands::run(cli.command) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Usage) => ExitCode::from(2),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            output::error(&e);
            ExitCode::from(1)
        }
    }
}
