//! `parallax-eval score`: strict and lax precision, recall and F1 of bead files
//! against gold bead files (tsv or vecalign format), pooled over file pairs,
//! exactly as `align_score.py` of the Text+Berg benchmarks computes them.

use std::path::PathBuf;

use crate::Outcome;
use crate::alignment::{BeadCounts, IdBead, parse_beads};
use crate::output::Out;

/// Score alignments against gold alignments (strict and lax P/R/F1).
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  \
    parallax-eval score test.beads gold.beads\n  \
    parallax-eval score --test a.beads b.beads --gold a.gold b.gold")]
pub struct Args {
    /// Test bead file (with GOLD as the second argument), or use --test/--gold.
    #[arg(value_name = "TEST")]
    test_file: Option<PathBuf>,
    #[arg(value_name = "GOLD")]
    gold_file: Option<PathBuf>,
    /// Test bead files.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    test: Vec<PathBuf>,
    /// Gold bead files, in the same order.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    gold: Vec<PathBuf>,
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    let mut tests = args.test.clone();
    let mut golds = args.gold.clone();
    tests.extend(args.test_file.clone());
    golds.extend(args.gold_file.clone());
    if tests.is_empty() || tests.len() != golds.len() {
        return Err(parallax::Error::invalid(
            "give as many test files as gold files (at least one)",
        ));
    }
    let mut counts = BeadCounts::default();
    for (t, g) in tests.iter().zip(&golds) {
        counts.add(&read(g)?, &read(t)?);
    }
    let (s, l) = (counts.strict(), counts.lax());
    let mut out = Out::new();
    out.line("            strict   lax")?;
    out.line(&format!(
        "precision   {:.3}    {:.3}",
        s.precision, l.precision
    ))?;
    out.line(&format!("recall      {:.3}    {:.3}", s.recall, l.recall))?;
    out.line(&format!("F1          {:.3}    {:.3}", s.f1, l.f1))?;
    out.flush()?;
    Ok(Outcome::Ok)
}

fn read(path: &PathBuf) -> parallax::Result<Vec<IdBead>> {
    let text = std::fs::read_to_string(path).map_err(|e| parallax::Error::io(path, e))?;
    parse_beads(&text).map_err(|m| parallax::Error::at(path, parallax::ErrorKind::BadRow(m)))
}
