//! `parallax learn`: the learned translation table of a corpus, written to
//! a file for `compare --learned`, so that shards of one corpus compare with
//! one table. Map-reduce form: `learn --shard K/N --partial` writes each
//! shard's first-pass evidence, and `learn --merge` pools them into the
//! table a single `learn` over every story writes.

use std::path::PathBuf;

use parallax::batch::{self, EVIDENCE_HEADER, read_evidence, write_evidence};
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, Learning};
use parallax::report::write_atomic;

use super::Outcome;
use super::batch_args::{BatchArgs, Progress};
use super::input::InputArgs;
use super::output::{self, Out};

/// Learn word translations from a corpus and write the table.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  \
    parallax learn corpora/ --out table.tsv\n  \
    parallax learn corpora/ --shard 2/8 --partial --out part-2.tsv\n  \
    parallax learn --merge part-*.tsv --out table.tsv\n  \
    parallax compare corpora/ --shard 2/8 --learned table.tsv --out shard-2/")]
pub struct Args {
    /// Story or corpus folders; with --merge, the partial files.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Where to write the table (or, with --partial, the evidence).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Write this shard's first-pass evidence instead of a table.
    #[arg(long, conflicts_with = "merge")]
    partial: bool,
    /// Pool partial files (from --partial) into the table.
    #[arg(long)]
    merge: bool,
    /// Extra lexicon entries (TSV: lang_a word_a lang_b word_b), repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    #[command(flatten)]
    batch: BatchArgs,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    args.batch.set_threads()?;
    let mut lexicon = Lexicon::embedded();
    for path in &args.lexicon {
        lexicon.add_user_file(path)?;
    }
    let mut learning = Learning::default();
    let mut stories = 0;
    if args.merge {
        let mut files = Vec::new();
        for p in &args.paths {
            let text = std::fs::read_to_string(p).map_err(|e| parallax::Error::io(p, e))?;
            files.push((text, p.as_path()));
        }
        for (_, e) in read_evidence(&files)? {
            learning.add(e);
            stories += 1;
        }
    } else {
        let options = pipeline::Options {
            segmented: args.input.segmented,
            ..pipeline::Options::default()
        };
        let plan = batch::plan(&args.paths, args.batch.shard);
        for f in &plan.failures {
            output::error(&f.error);
        }
        let progress = Progress::new(plan.stories.len(), "learning");
        let mut partial = format!("{EVIDENCE_HEADER}\n");
        batch::evidence(
            &plan,
            &lexicon,
            &options,
            &args.input.read_options(),
            &|n| progress.advance(n),
            &mut |s, e| {
                stories += 1;
                if args.partial {
                    write_evidence(&mut partial, &s.key, &e);
                } else {
                    learning.add(e);
                }
            },
        );
        progress.done();
        if args.partial {
            write_atomic(&args.out, partial.as_bytes())?;
            let mut out = Out::new();
            out.line(&format!(
                "evidence of {stories} stories: {}",
                args.out.display()
            ))?;
            out.flush()?;
            return Ok(Outcome::Ok);
        }
    }
    let tables = learning.train();
    write_atomic(&args.out, tables.to_tsv().as_bytes())?;
    let mut out = Out::new();
    out.line(&format!(
        "learned from {stories} stories: {}",
        args.out.display()
    ))?;
    out.flush()?;
    Ok(Outcome::Ok)
}
