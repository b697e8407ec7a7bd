//! `parallax merge`: shard report folders put back together into one, the
//! same bytes as a single run over all the stories with the same learned
//! table and options.

use std::path::PathBuf;

use parallax::report::merge::merge;

use super::Outcome;
use super::batch_args::{Usage, check_out_dir};
use super::compare_view::totals;
use super::output::{self, Out};

/// Merge shard report folders (from `compare --shard K/N --out DIR`).
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Every shard must have been run with the same --format, --no-bom and\n\
    --learned table; the merged folder then equals one run over all the stories.\n\n\
    Examples:\n  \
    parallax merge shard-1/ shard-2/ shard-3/ --out reports/\n  \
    parallax merge shards/*/ --out reports/ --force"
)]
pub struct Args {
    /// Report folders written by `compare --shard K/N --out DIR`.
    #[arg(required = true, value_name = "DIR")]
    shards: Vec<PathBuf>,
    /// The merged report folder.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Replace the reports in a non-empty --out folder.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    if let Err(Usage(message)) = check_out_dir(&args.out, &args.shards, args.force) {
        output::usage(&message);
        return Ok(Outcome::Usage);
    }
    let counts = merge(&args.shards, &args.out)?;
    let mut out = Out::new();
    let term = super::term::Term::detect(super::term::ColorChoice::Auto);
    totals(&mut out, &term, &counts, &Default::default())?;
    out.line(&format!(
        "merged {} shard folders into {}",
        args.shards.len(),
        args.out.display()
    ))?;
    out.flush()?;
    Ok(if counts.failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Ok
    })
}
