//! Command-line interface: argument parsing (clap), terminal output and exit
//! codes. One module per subcommand, each with `run(args) -> Result<Outcome>`.
//! Exit codes: 0 success, 1 some input failed, 2 usage error. A closed output
//! pipe (`parallax segment x | head`) is success.

mod align;
mod batch_args;
mod compare;
mod compare_files;
mod compare_items;
mod compare_print;
mod compare_view;
mod input;
mod learn;
mod lookup;
mod lookup_forms;
mod merge;
mod output;
mod segment;
mod term;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// How a command ended when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// Some inputs failed; they were reported on stderr and the rest done.
    SomeFailed,
    /// The arguments cannot be acted on; the reason was printed (exit 2).
    Usage,
}

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Align the Bulgarian, German and English versions of a news story and flag where a translation drifts",
    after_help = "A story is a folder with bg.txt, de.txt and/or en.txt (and an optional story.toml);\n\
                  a corpus is a folder of story folders. Commands take any mix of both.\n\n\
                  Examples:\n  parallax compare corpora/\n  parallax segment corpora/\n  parallax segment corpora/some-story/de.txt --format tsv"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Segment(segment::Args),
    Compare(compare::Args),
    Learn(learn::Args),
    Merge(merge::Args),
    Align(align::Args),
    Lookup(lookup::Args),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Segment(args) => segment::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Learn(args) => learn::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Align(args) => align::run(args),
        Command::Lookup(args) => lookup::run(args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        Ok(Outcome::Usage) => ExitCode::from(2),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            output::error(&e);
            ExitCode::from(1)
        }
    }
}
