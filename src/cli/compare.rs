//! `parallax compare`: every story's versions aligned, scored and flagged.
//! The stories are story or corpus folders, or two or three files of one
//! story given directly (`compare de.txt bg.txt en.txt`, `-` for standard
//! input). Without `--out`, prints the stories worst first (filtered by
//! `--min-severity`, `--kind`, `--story`), or JSON Lines with `--format
//! json`. With `--out DIR`, writes the report folder (rows, flags, summary,
//! errors, JSON, HTML, the workbook) and prints a short summary. Stories
//! stream through in key order, a chunk at a time, on every core.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use parallax::batch::{self, IgnoreList, Outcome as StoryOutcome};
use parallax::lang::Lang;
use parallax::lexicon::Lexicon;
use parallax::pipeline;
use parallax::report::{self, ReportOptions, ReportWriter, Review, csv::CsvOptions};

use super::Outcome;
use super::batch_args::{BatchArgs, Progress, Usage, check_out_dir, read_learned};
use super::compare_files;
use super::compare_items::{Collected, Item, render_item};
use super::compare_view::{View, ViewArgs, story_matches};
use super::input::InputArgs;
use super::output::{self, Out};

/// Align, score and flag the versions of each story.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Each flag names the row, the kind of change, its severity, the relay step it\n\
    entered at (from story.toml's chain or --chain), and the words in each version.\n\
    Severity: critical and major are changes of fact (numbers, names, negation,\n\
    loaded or intensified wording, dropped hedges), minor is wording added or\n\
    dropped, info is a note (a condensed relay, a moved passage).\n\
    Each story is compared on its own, so its flags do not depend on the other\n\
    stories of the run; --learned adds a table from `parallax learn` (give every\n\
    shard the same one).\n\n\
    With --out DIR: rows.csv, flags.csv, summary.csv, errors.csv (csv), flags.jsonl\n\
    (json), html/index.html and a page per story (html), report.xlsx (xlsx), and\n\
    summary.jsonl, the folder's manifest, always. Files are replaced only when the\n\
    run is done. Without --out, --format json prints JSON Lines of flags instead.\n\n\
    Exit codes: 0 done, 1 some files could not be read (see errors.csv), 2 usage.\n\n\
    Examples:\n  \
    parallax compare de.txt bg.txt en.txt --chain de,bg,en\n  \
    parallax compare corpora/\n  \
    parallax compare corpora/ --min-severity major --kind number,name\n  \
    parallax compare corpora/ --out reports/\n  \
    parallax compare corpora/ --out reports/ --force --ignore review.csv\n  \
    parallax compare corpora/ --out shard-3/ --shard 3/8 --learned table.tsv\n  \
    parallax compare corpora/china-foreign-policy-relay --rows --lexicon names.tsv"
)]
pub struct Args {
    /// Story folders or corpus folders; or two or three text files of one
    /// story (`-` reads one of them from standard input).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The relay order of files given directly, original first (e.g. de,bg,en).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    chain: Vec<Lang>,
    /// The title of a story of files given directly.
    #[arg(long)]
    title: Option<String>,
    /// Take a file named by a language code (de.txt) as that language even
    /// when its text reads as another.
    #[arg(long)]
    trust_names: bool,
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
    /// Which report files to write: any of csv, html, json, xlsx [default:
    /// all]; without --out, json prints JSON Lines to standard output.
    #[arg(long, value_name = "LIST")]
    format: Option<report::Formats>,
    /// Flags already checked: a review.csv or ignore.csv exported from the
    /// HTML report, or any CSV with a flag_id column (e.g. a filtered
    /// flags.csv). Flags "not a change" are left out, flags "real" are
    /// marked; repeatable.
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
    view: ViewArgs,
    #[command(flatten)]
    batch: BatchArgs,
    #[command(flatten)]
    input: InputArgs,
}

/// The usage errors that can be told before any work.
fn check_usage(args: &Args) -> Result<(), Usage> {
    if let Some(out) = &args.out {
        check_out_dir(out, &args.paths, args.force)?;
    } else if let Some(f) = args.format
        && (f.csv || f.html || f.xlsx)
    {
        return Err(Usage(
            "--format csv, html and xlsx write files: add --out DIR (without --out, only \
             --format json applies: JSON Lines on standard output)"
                .into(),
        ));
    }
    let direct = compare_files::is_direct(&args.paths);
    if !direct && (!args.chain.is_empty() || args.title.is_some()) {
        return Err(Usage(
            "--chain and --title are for files given directly; a story folder's chain and \
             title are in its story.toml"
                .into(),
        ));
    }
    if direct {
        compare_files::check(&args.paths, args.batch.shard.is_some())?;
    }
    Ok(())
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    if let Err(Usage(message)) = check_usage(&args) {
        output::usage(&message);
        return Ok(Outcome::Usage);
    }
    args.batch.set_threads()?;
    let mut lexicon = Lexicon::embedded();
    for path in &args.lexicon {
        lexicon.add_user_file(path)?;
    }
    let review = Review::read(&args.ignore)?;
    let ignore = IgnoreList::from_ids(review.dismissed());
    let options = pipeline::Options {
        segmented: args.input.segmented,
        ..pipeline::Options::default()
    };
    let mut read = args.input.read_options();
    read.trust_names = args.trust_names;
    let json_out = args.out.is_none() && args.format.is_some_and(|f| f.json);
    let learned = args.learned.as_deref().map(read_learned).transpose()?;
    let ctx = pipeline::Context::new(&lexicon, learned, options);
    let report_options = ReportOptions {
        csv: CsvOptions { bom: !args.no_bom },
        formats: args.format.unwrap_or_default(),
        review: Arc::new(review),
        learned: ctx.learned_id(),
    };
    let mut writer = match &args.out {
        Some(dir) => Some(ReportWriter::create(dir, report_options.clone())?),
        None => None,
    };
    let view = View::new(&args.view);
    let mut collected = Collected::default();
    let mode = super::compare_items::Mode {
        to_file: writer.is_some(),
        json: json_out,
        rows: args.rows,
    };
    let render = |o: StoryOutcome| render_item(o, &report_options, &view, mode);
    let mut sink = |item: Item| collected.take(item, writer.as_mut());
    if compare_files::is_direct(&args.paths) {
        let outcome = match compare_files::compare(
            &args.paths,
            args.title.clone(),
            &args.chain,
            &ctx,
            &read,
            &ignore,
        ) {
            Ok(o) => o,
            // A --chain naming a language no file has.
            Err(e) if e.location.path.is_none() => {
                output::usage(&e.to_string());
                return Ok(Outcome::Usage);
            }
            Err(e) => return Err(e),
        };
        sink(render(outcome))?;
    } else {
        let mut plan = batch::plan(&args.paths, args.batch.shard);
        plan.stories
            .retain(|s| story_matches(&args.view.story, &s.key));
        plan.failures
            .retain(|f| story_matches(&args.view.story, &f.key));
        let progress = Progress::new(plan.stories.len() + plan.failures.len(), "comparing");
        batch::compare(plan, &ctx, &read, &ignore, &render, &mut sink, &|n| {
            progress.advance(n)
        })?;
        progress.done();
    }
    let mut out = Out::new();
    let counts = collected.finish(&mut out, writer, &view, mode)?;
    if let Some(dir) = &args.out {
        out.line(&report_line(dir, report_options.formats, counts.failed))?;
    }
    out.flush()?;
    let seen: HashSet<String> = collected.ignored_seen();
    let unused = ignore.unused(&seen);
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
    if f.xlsx {
        files.push("report.xlsx");
    }
    if f.json {
        files.push("flags.jsonl");
    }
    files.push("summary.jsonl");
    if f.html {
        files.push("html/index.html");
    }
    let failed = match failed {
        0 => String::new(),
        1 => "; 1 file could not be read, see errors.csv".to_string(),
        n => format!("; {n} files could not be read, see errors.csv"),
    };
    format!("reports: {} ({}){failed}", dir.display(), files.join(", "))
}
