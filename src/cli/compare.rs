//! `parallax compare`: every story's versions aligned, scored and flagged.
//! Prints each story's flags, worst first, with the evidence words in each
//! version; `--rows` adds the versions side by side; `--out DIR` writes
//! `rows.csv` and `flags.csv`.

use std::path::PathBuf;

use parallax::corpus::{self, Story};
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, AlignedStory};
use parallax::report::{self, csv::CsvOptions};
use parallax::score::{self, ScoredStory};

use super::Outcome;
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
    Word translations are learned from all stories of a language pair together.\n\n\
    Examples:\n  \
    parallax compare corpora/\n  \
    parallax compare corpora/ --out reports/\n  \
    parallax compare corpora/china-foreign-policy-relay --rows --lexicon names.tsv"
)]
pub struct Args {
    /// Story folders or corpus folders.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Extra lexicon entries (TSV: lang_a word_a lang_b word_b), repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    /// Also print every row side by side.
    #[arg(long)]
    rows: bool,
    /// Write rows.csv, flags.csv and html/ (a page per story) into this folder.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Write the CSV files without a byte-order mark.
    #[arg(long)]
    no_bom: bool,
    #[command(flatten)]
    input: InputArgs,
}

/// Finds and reads the stories under `paths`, reporting the ones that fail;
/// each story's key is its path below the folder it was found in.
pub fn load_stories(paths: &[PathBuf], input: &InputArgs) -> (Vec<Story>, bool) {
    let mut failed = false;
    let mut stories: Vec<Story> = Vec::new();
    for root in paths {
        for found in corpus::find_stories(std::slice::from_ref(root)) {
            match found.and_then(|dir| {
                let mut s = corpus::load_story(&dir, &input.read_options())?;
                s.key = corpus::story_key(root, &dir);
                Ok(s)
            }) {
                Ok(story) => {
                    story.warnings.iter().for_each(|w| output::warning(w));
                    stories.push(story);
                }
                Err(e) => {
                    output::error(&e);
                    failed = true;
                }
            }
        }
    }
    // Two roots can hold a story of the same relative path: keep them apart.
    let mut seen = std::collections::HashSet::new();
    for s in &mut stories {
        if !seen.insert(s.key.clone()) {
            s.key = s.dir.display().to_string();
        }
    }
    (stories, failed)
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    let mut lexicon = Lexicon::embedded();
    for path in &args.lexicon {
        lexicon.add_user_file(path)?;
    }
    let (stories, failed) = load_stories(&args.paths, &args.input);
    let options = pipeline::Options {
        segmented: args.input.segmented,
        ..pipeline::Options::default()
    };
    let aligned = pipeline::run(stories, &lexicon, None, &options);
    let scored: Vec<(AlignedStory, ScoredStory)> = {
        use rayon::prelude::*;
        aligned
            .into_par_iter()
            .map(|al| {
                let s = score::score_story(&al);
                (al, s)
            })
            .collect()
    };
    let mut out = Out::new();
    for (al, s) in &scored {
        for w in &al.warnings {
            output::warning(&format!("{}: {w}", al.story.key));
        }
        compare_print::story(&mut out, al, s)?;
        if args.rows {
            compare_print::rows(&mut out, al)?;
        }
    }
    compare_print::totals(&mut out, &scored)?;
    if let Some(dir) = &args.out {
        let mut refs: Vec<(&AlignedStory, &ScoredStory)> =
            scored.iter().map(|(a, s)| (a, s)).collect();
        refs.sort_by(|a, b| a.0.story.key.cmp(&b.0.story.key));
        let csv = CsvOptions { bom: !args.no_bom };
        report::write_atomic(&dir.join("rows.csv"), &report::csv::rows_csv(&refs, csv))?;
        report::write_atomic(&dir.join("flags.csv"), &report::csv::flags_csv(&refs, csv))?;
        report::html::write_html(&dir.join("html"), &refs)?;
        out.line(&format!(
            "reports: {0}/rows.csv, {0}/flags.csv, {0}/html/index.html",
            dir.display()
        ))?;
    }
    out.flush()?;
    Ok(if failed {
        Outcome::SomeFailed
    } else {
        Outcome::Ok
    })
}
