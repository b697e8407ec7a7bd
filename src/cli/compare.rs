//! `parallax compare`: every story's versions aligned into rows and printed
//! side by side for an editor. Scores and flags join the rows in the
//! divergence step.

use std::path::PathBuf;

use parallax::corpus::{self, Story};
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, AlignedStory};

use super::Outcome;
use super::input::InputArgs;
use super::output::{self, Out};

/// Align the versions of each story and print its rows side by side.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Each row holds the sentences of each version that carry the same content;\n\
    an empty cell (—) is a sentence the version does not have. Sentence ids are 0-based.\n\
    Word translations are learned from all stories of a language pair together.\n\n\
    Examples:\n  \
    parallax compare corpora/\n  \
    parallax compare corpora/china-foreign-policy-relay --lexicon names.tsv"
)]
pub struct Args {
    /// Story folders or corpus folders.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Extra lexicon entries (TSV: lang_a word_a lang_b word_b), repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    let mut lexicon = Lexicon::embedded();
    for path in &args.lexicon {
        lexicon.add_user_file(path)?;
    }
    let mut failed = false;
    let mut stories: Vec<Story> = Vec::new();
    for found in corpus::find_stories(&args.paths) {
        match found.and_then(|dir| corpus::load_story(&dir, &args.input.read_options())) {
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
    let options = pipeline::Options {
        segmented: args.input.segmented,
        ..pipeline::Options::default()
    };
    let aligned = pipeline::run(stories, &lexicon, None, &options);
    let mut out = Out::new();
    for al in &aligned {
        for w in &al.warnings {
            output::warning(&format!("{}: {w}", al.story.name));
        }
        let scored = parallax::score::score_story(al);
        for f in &scored.flags {
            out.line(&format!(
                "{:>3} {:<9} {:<16} {:<6} {}",
                f.row + 1,
                f.severity,
                f.kind,
                f.step_label(),
                f.message
            ))?;
        }
        print_story(&mut out, al)?;
    }
    out.flush()?;
    Ok(if failed {
        Outcome::SomeFailed
    } else {
        Outcome::Ok
    })
}

fn print_story(out: &mut Out, al: &AlignedStory) -> parallax::Result<()> {
    let story = &al.story;
    let title = story
        .meta
        .title
        .as_deref()
        .map(|t| format!(" — {t}"))
        .unwrap_or_default();
    out.line(&format!("════ {}{title}", story.name))?;
    let langs: Vec<String> = al.langs().iter().map(|l| l.to_string()).collect();
    let chain = if story.meta.chain.is_empty() {
        String::new()
    } else {
        let c: Vec<String> = story.meta.chain.iter().map(|l| l.to_string()).collect();
        format!(" · relay {}", c.join(" → "))
    };
    out.line(&format!(
        "     versions {}{chain} · {} rows",
        langs.join(" "),
        al.rows.len()
    ))?;
    let mut header = String::from("row ");
    for l in &langs {
        header.push_str(&format!("  {l:<7}"));
    }
    out.line(&header)?;
    for (r, row) in al.rows.iter().enumerate() {
        let mut line = format!("{:>3} ", r + 1);
        for ids in row.id_lists() {
            let cell = if ids.is_empty() {
                "—".to_string()
            } else {
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            line.push_str(&format!("  {cell:<7}"));
        }
        out.line(line.trim_end())?;
        for (v, ids) in row.id_lists().enumerate() {
            let text = &story.versions[v].text.text;
            let body: Vec<String> = ids
                .iter()
                .map(|&i| output::one_line(&text[al.sentences[v][i].span.clone()]))
                .collect();
            let body = if body.is_empty() {
                "—".to_string()
            } else {
                body.join(" ")
            };
            out.line(&format!("      {} │ {body}", langs[v]))?;
        }
    }
    out.line("")?;
    Ok(())
}
