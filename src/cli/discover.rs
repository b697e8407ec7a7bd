//! `parallax discover`: which articles in unsorted folders of bg, de and en
//! news are versions of the same story, and which was relayed from which.
//! Writes `groups.csv`, `matches.csv`, `errors.csv` and `stories/` into the
//! output folder; with `--compare`, compares the stories found into
//! `OUT/report/` as `parallax compare` would. A file that cannot be read is
//! reported on stderr and in `errors.csv` and the run goes on (exit 1 at the
//! end).

use std::path::PathBuf;

use clap::Parser;
use parallax::discover::{self, Archive, Options, Role, Status};
use parallax::lexicon::Lexicon;
use parallax::report::csv::CsvOptions;

use super::Outcome;
use super::batch_args::{Usage, check_out_dir};
use super::output::{self, Out};

/// Find the versions of each story in unsorted archives.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Reads every .txt file under the folders given (one article per file; the\n\
    language comes from the text, folder names mean nothing) and groups the articles\n\
    that are versions of one story: sentence by sentence, not by topic. A date line\n\
    in a file (\"2026-03-14 08:30\", \"14.03.2026\", \"14 март 2026 г.\") or the date of\n\
    a story.toml in its folder tells which version came first; otherwise the version\n\
    that covers more of the other is taken as the source, or the direction is left\n\
    unclear.\n\n\
    Writes into --out: groups.csv (every file once: group, role original / relay /\n\
    single, the judged source), matches.csv (one line per link with its evidence\n\
    and the reason for the direction), errors.csv, and stories/ (a story folder per\n\
    relay path, with copies of the articles and a story.toml whose chain is the\n\
    judged relay order; ready for parallax compare).\n\n\
    Exit codes: 0 done, 1 some files could not be read (see errors.csv), 2 usage.\n\n\
    Examples:\n  \
    parallax discover archive/ --out found/\n  \
    parallax discover outlets/trud outlets/faz outlets/bbc --out found/ --compare\n  \
    parallax compare found/stories/ --min-severity major"
)]
pub struct Args {
    /// Folders of articles (searched recursively) or article files.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Write the results here.
    #[arg(long, value_name = "DIR", required = true)]
    out: PathBuf,
    /// Replace the results in a non-empty --out folder.
    #[arg(long)]
    force: bool,
    /// Also compare the stories found, into OUT/report/.
    #[arg(long)]
    compare: bool,
    /// Candidates checked per article and language (more finds more
    /// relays in archives with many similar stories, and takes longer).
    #[arg(long, value_name = "N", default_value_t = Options::default().per_lang, value_parser = candidates_count)]
    candidates: usize,
    /// Extra lexicon entries (TSV: lang_a word_a lang_b word_b), repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    /// Write the CSV files without a byte-order mark.
    #[arg(long)]
    no_bom: bool,
    /// Refuse input files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = parallax::text::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Threads to use (default: every core). The output is the same
    /// whatever the count.
    #[arg(long, short = 'j', value_name = "N", value_parser = threads)]
    jobs: Option<usize>,
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    if let Err(Usage(message)) = check_out_dir(&args.out, &args.paths, args.force) {
        output::usage(&message);
        return Ok(Outcome::Usage);
    }
    if let Some(n) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| parallax::Error::invalid(format!("--jobs {n}: {e}")))?;
    }
    let mut lexicon = Lexicon::embedded();
    for path in &args.lexicon {
        lexicon.add_user_file(path)?;
    }
    let read = parallax::text::ReadOptions {
        max_bytes: args.max_bytes,
        ..Default::default()
    };
    let archive = Archive::read(&args.paths, &read);
    let options = Options {
        per_lang: args.candidates,
        ..Options::default()
    };
    let found = discover::discover(&archive, &lexicon, &options);
    for e in &found.errors {
        output::story_error(&parallax::report::summary::ErrorEntry {
            story: String::new(),
            path: e.path.clone(),
            reason: e.reason.clone(),
            line: e.line,
            byte: e.byte,
        });
    }
    for a in &found.articles {
        if matches!(a.status, Status::OtherLanguage(_)) {
            output::note(&format!("note: {}: {}", a.path, a.note));
        }
    }
    let written = discover::write::write(
        &found,
        &archive,
        &args.out,
        CsvOptions { bom: !args.no_bom },
    )?;
    let mut out = Out::new();
    let grouped = found.groups.iter().filter(|g| g.len() > 1).count();
    let in_groups: usize = found
        .groups
        .iter()
        .filter(|g| g.len() > 1)
        .map(Vec::len)
        .sum();
    let originals = found
        .articles
        .iter()
        .filter(|a| a.role == Role::Original)
        .count();
    let unclear = found
        .articles
        .iter()
        .filter(|a| a.role == Role::Relay && a.source.is_none())
        .count();
    out.line(&format!(
        "{} article{} · {} in {} group{} of versions ({} with a judged original, {} relay{} \
         whose source is unclear) · {} single · {} link{}",
        found.articles.len(),
        plural(found.articles.len()),
        in_groups,
        grouped,
        plural(grouped),
        originals,
        unclear,
        plural(unclear),
        found.articles.len() - in_groups,
        found.stats.links,
        plural(found.stats.links),
    ))?;
    let failed = match found.errors.len() {
        0 => String::new(),
        1 => "; 1 file could not be read, see errors.csv".to_string(),
        n => format!("; {n} files could not be read, see errors.csv"),
    };
    out.line(&format!(
        "results: {} (groups.csv, matches.csv, errors.csv, stories/ with {} stor{}){failed}",
        args.out.display(),
        written.stories,
        if written.stories == 1 { "y" } else { "ies" }
    ))?;
    out.flush()?;
    let mut outcome = if found.errors.is_empty() {
        Outcome::Ok
    } else {
        Outcome::SomeFailed
    };
    if args.compare && written.stories > 0 {
        let report = args.out.join("report");
        let mut argv: Vec<std::ffi::OsString> = vec![
            "compare".into(),
            args.out.join("stories").into_os_string(),
            "--out".into(),
            report.into_os_string(),
            "--force".into(),
        ];
        if args.no_bom {
            argv.push("--no-bom".into());
        }
        for path in &args.lexicon {
            argv.push("--lexicon".into());
            argv.push(path.clone().into_os_string());
        }
        let compare = CompareOnly::try_parse_from(argv)
            .map_err(|e| parallax::Error::invalid(e.to_string()))?
            .args;
        if super::compare::run(compare)? != Outcome::Ok {
            outcome = Outcome::SomeFailed;
        }
    }
    Ok(outcome)
}

/// `compare`'s own argument parser, to run it on the stories found.
#[derive(Parser)]
struct CompareOnly {
    #[command(flatten)]
    args: super::compare::Args,
}

/// `--candidates`: 1 to 50.
fn candidates_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if (1..=50).contains(&n) => Ok(n),
        _ => Err(format!("{s:?}: expected a number from 1 to 50")),
    }
}

/// `--jobs`: at least one thread.
fn threads(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{s:?}: expected a number of threads, at least 1")),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
