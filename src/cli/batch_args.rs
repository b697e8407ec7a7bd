//! What the batch commands (`compare`, `learn`, `merge`) share: the thread
//! count, shards, a learned table from a file, the progress bar, and the
//! checks that keep a report folder from landing where it must not.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use parallax::align::LearnedTables;
use parallax::batch::{Shard, is_inside};

#[derive(clap::Args, Debug, Clone)]
pub struct BatchArgs {
    /// Threads to run stories on (default: every core). The output is the
    /// same whatever the count.
    #[arg(long, short = 'j', value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,
    /// Take only part K of N of the stories, chosen by a hash of each
    /// story's path below its corpus folder (e.g. 2/8).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
}

/// `--jobs`: a whole number of threads, at least 1 (a usage error otherwise).
fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{s:?}: expected a number of threads, at least 1")),
    }
}

impl BatchArgs {
    /// Sets rayon's global pool to `--jobs` threads.
    pub fn set_threads(&self) -> parallax::Result<()> {
        if let Some(n) = self.jobs {
            if n == 0 {
                return Err(parallax::Error::invalid("--jobs must be at least 1"));
            }
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global()
                .map_err(|e| parallax::Error::invalid(format!("--jobs {n}: {e}")))?;
        }
        Ok(())
    }
}

/// Reads a learned table written by `parallax learn`.
pub fn read_learned(path: &Path) -> parallax::Result<LearnedTables> {
    let text = std::fs::read_to_string(path).map_err(|e| parallax::Error::io(path, e))?;
    LearnedTables::from_tsv(&text, path)
}

/// A usage error: the message, for exit code 2.
pub struct Usage(pub String);

/// Refuses an output folder inside one of the inputs (the next run would
/// read the reports as stories), and a non-empty one without `--force`.
pub fn check_out_dir(out: &Path, inputs: &[PathBuf], force: bool) -> Result<(), Usage> {
    for input in inputs {
        if is_inside(out, input) {
            return Err(Usage(format!(
                "--out {} is inside the input {}: choose a folder outside the corpus",
                out.display(),
                input.display()
            )));
        }
    }
    if out.is_file() {
        return Err(Usage(format!(
            "--out {} is a file, not a folder",
            out.display()
        )));
    }
    let non_empty = std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_some());
    if non_empty && !force {
        return Err(Usage(format!(
            "--out {} is not empty; add --force to replace the reports in it",
            out.display()
        )));
    }
    Ok(())
}

/// A progress bar on stderr when it is a terminal; silent otherwise.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    pub fn new(total: usize, what: &str) -> Progress {
        if !std::io::stderr().is_terminal() || total < 2 {
            return Progress { bar: None };
        }
        let bar = indicatif::ProgressBar::new(total as u64);
        let style = indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {what} {{pos}}/{{len}} stories · {{rate}} · {{eta}} left {{wide_bar}}"
        ))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.1} stories/s", state.per_sec());
            },
        );
        bar.set_style(style);
        Progress { bar: Some(bar) }
    }

    pub fn advance(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
    }

    pub fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
