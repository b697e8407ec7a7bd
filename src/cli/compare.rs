//! `parallax compare`: every story's versions aligned, scored and flagged.
//! Without `--out`, prints each story's flags, worst first, with the
//! evidence words in each version (`--rows` adds the versions side by
//! side). With `--out DIR`, writes the report folder (rows, flags, summary,
//! errors, JSON, HTML) and prints a short summary. Stories stream through
//! in key order, a chunk at a time, on every core.

use std::collections::HashSet;
use std::path::PathBuf;

use parallax::batch::{self, IgnoreList, Outcome as StoryOutcome};
use parallax::lexicon::Lexicon;
use parallax::pipeline;
use parallax::report::{
    self, ReportCounts, ReportOptions, ReportWriter, csv::CsvOptions, summary::Entry,
};

use super::Outcome;
use super::batch_args::{BatchArgs, Progress, Usage, check_out_dir, read_learned};
use super::compare_print;
use super::input::InputArgs;
use super::output::{self, Out};

/// Align, score and flag the versions of each story.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Each flag names the row, the kind of change, its severity, the relay step it\n\
    entered at (from story.toml's chain), and the words in each version. Severity:\n\
    critical and major are changes of fact (numbers, names, negation, loaded or\n\
    intensified wording, dropped hedges), minor is wording added or dropped.\n\
    Each story is compared on its own, with the embedded lexicon (and --lexicon\n\
    files), so its flags do not depend on the other stories of the run; --learned\n\
    adds a table from `parallax learn` (give every shard the same one).\n\n\
    With --out DIR: rows.csv, flags.csv, summary.csv, errors.csv (csv), flags.jsonl\n\
    (json), html/index.html and a page per story (html), and summary.jsonl, the\n\
    folder's manifest, always. Files are replaced only when the run is done.\n\n\
    Exit codes: 0 done, 1 some stories could not be read (see errors.csv), 2 usage.\n\n\
    Examples:\n  \
    parallax compare corpora/\n  \
    parallax compare corpora/ --out reports/\n  \
    parallax compare corpora/ --out reports/ --force --ignore checked.csv\n  \
    parallax compare corpora/ --out shard-3/ --shard 3/8 --learned table.tsv\n  \
    parallax compare corpora/china-foreign-policy-relay --rows --lexicon names.tsv"
)]
pub struct Args {
    /// Story folders or corpus folders.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Extra lexicon entries (TSV: lang_a word_a lang_b word_b), repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    /// Also print every row side by side (without --out).
    #[arg(long)]
    rows: bool,
    /// Write the report folder here.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Replace the reports in a non-empty --out folder.
    #[arg(long)]
    force: bool,
    /// Which report files to write: any of csv, html, json.
    #[arg(long, value_name = "LIST", default_value = "csv,html,json")]
    format: report::Formats,
    /// Leave out the flags whose ids a CSV's flag_id column lists (e.g. a
    /// filtered flags.csv); repeatable.
    #[arg(long, value_name = "FILE")]
    ignore: Vec<PathBuf>,
    /// Also use this learned table (from `parallax learn`); every shard
    /// given the same file gets the same answer.
    #[arg(long, value_name = "TABLE")]
    learned: Option<PathBuf>,
    /// Write the CSV files without a byte-order mark.
    #[arg(long)]
    no_bom: bool,
    #[command(flatten)]
    batch: BatchArgs,
    #[command(flatten)]
    input: InputArgs,
}

/// What a worker hands the main thread for one story.
enum Item {
    Report {
        rendered: Box<report::Rendered>,
        warnings: Vec<String>,
    },
    Printed {
        text: Vec<u8>,
        warnings: Vec<String>,
        entry: Box<Entry>,
        ignored: Vec<String>,
    },
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    if let Some(out) = &args.out
        && let Err(Usage(message)) = check_out_dir(out, &args.paths, args.force)
    {
        output::usage(&message);
        return Ok(Outcome::Usage);
    }
    args.batch.set_threads()?;
    let mut lexicon = Lexicon::embedded();
    for path in &args.lexicon {
        lexicon.add_user_file(path)?;
    }
    let ignore = IgnoreList::read(&args.ignore)?;
    let options = pipeline::Options {
        segmented: args.input.segmented,
        ..pipeline::Options::default()
    };
    let read = args.input.read_options();
    let plan = batch::plan(&args.paths, args.batch.shard);
    let learned = args.learned.as_deref().map(read_learned).transpose()?;
    let ctx = pipeline::Context::new(&lexicon, learned, options);
    let report_options = ReportOptions {
        csv: CsvOptions { bom: !args.no_bom },
        formats: args.format,
        learned: ctx.learned_id(),
    };
    let progress = Progress::new(plan.stories.len() + plan.failures.len(), "comparing");
    let mut out = Out::new();
    let mut writer = match &args.out {
        Some(dir) => Some(ReportWriter::create(dir, report_options)?),
        None => None,
    };
    let mut counts = ReportCounts::default();
    let mut seen_ignored: HashSet<String> = HashSet::new();
    let to_file = writer.is_some();
    let show_rows = args.rows;
    let render = |o: StoryOutcome| -> Item {
        let warnings = match &o {
            Ok(c) => c
                .aligned
                .story
                .warnings
                .iter()
                .map(|w| w.to_string())
                .chain(
                    c.aligned
                        .warnings
                        .iter()
                        .map(|w| format!("{}: {w}", c.aligned.story.key)),
                )
                .collect(),
            Err(_) => Vec::new(),
        };
        if to_file {
            return Item::Report {
                rendered: Box::new(report::render(o, &report_options)),
                warnings,
            };
        }
        let mut buf = Out::buffer();
        let entry = match &o {
            Ok(c) => {
                // Printing into memory cannot fail.
                let _ = compare_print::story(&mut buf, &c.aligned, &c.scored);
                if show_rows {
                    let _ = compare_print::rows(&mut buf, &c.aligned);
                }
                Entry::Ok(report::summary::StorySummary::of(c))
            }
            Err(f) => Entry::Error(report::summary::ErrorEntry::of(f)),
        };
        Item::Printed {
            text: buf.into_bytes(),
            warnings,
            entry: Box::new(entry),
            ignored: o.map(|c| c.ignored).unwrap_or_default(),
        }
    };
    let mut sink = |item: Item| -> parallax::Result<()> {
        match item {
            Item::Report { rendered, warnings } => {
                warnings.iter().for_each(|w| output::warning(w));
                if let Entry::Error(e) = &rendered.entry {
                    output::story_error(e);
                }
                writer.as_mut().expect("writer for reports").add(*rendered)
            }
            Item::Printed {
                text,
                warnings,
                entry,
                ignored,
            } => {
                warnings.iter().for_each(|w| output::warning(w));
                seen_ignored.extend(ignored);
                match *entry {
                    Entry::Ok(s) => {
                        counts.stories += 1;
                        counts.rows += s.rows;
                        counts.ignored += s.ignored;
                        for (t, n) in counts.flags.iter_mut().zip(s.flags) {
                            *t += n;
                        }
                    }
                    Entry::Error(e) => {
                        counts.failed += 1;
                        output::story_error(&e);
                    }
                }
                out.bytes(&text)
            }
        }
    };
    batch::compare(plan, &ctx, &read, &ignore, &render, &mut sink, &|n| {
        progress.advance(n)
    })?;
    progress.done();
    if let Some(w) = writer {
        seen_ignored.extend(w.ignored_seen.iter().cloned());
        counts = w.finish()?;
    }
    compare_print::totals(&mut out, &counts)?;
    if let Some(dir) = &args.out {
        out.line(&report_line(dir, args.format, counts.failed))?;
    }
    out.flush()?;
    let unused = ignore.unused(&seen_ignored);
    if !unused.is_empty() {
        let shown: Vec<&str> = unused.iter().take(10).copied().collect();
        let more = if unused.len() > 10 {
            format!(" and {} more", unused.len() - 10)
        } else {
            String::new()
        };
        output::note(&format!(
            "note: {} ignored flag id(s) no longer occur: {}{more}",
            unused.len(),
            shown.join(", ")
        ));
    }
    Ok(if counts.failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Ok
    })
}

/// "reports: reports/ (rows.csv, flags.csv, …)".
fn report_line(dir: &std::path::Path, f: report::Formats, failed: usize) -> String {
    let mut files = Vec::new();
    if f.csv {
        files.extend(["rows.csv", "flags.csv", "summary.csv", "errors.csv"]);
    }
    if f.json {
        files.push("flags.jsonl");
    }
    files.push("summary.jsonl");
    if f.html {
        files.push("html/index.html");
    }
    let failed = if failed > 0 {
        format!("; {failed} stories could not be read, see errors.csv")
    } else {
        String::new()
    };
    format!("reports: {} ({}){failed}", dir.display(), files.join(", "))
}
