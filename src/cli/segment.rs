//! `parallax segment`: print the sentences of files, stories or corpora.

use std::path::PathBuf;

use parallax::lang::Lang;
use parallax::{Text, corpus};

use super::Outcome;
use super::input::{self, InputArgs};
use super::output::{self, Out};

/// Split texts into sentences and print them, one per line.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  \
    parallax segment corpora/                       every version of every story\n  \
    parallax segment story/de.txt --format tsv      byte offsets in the file as read\n  \
    parallax segment article.txt --lang bg          language given, not detected")]
pub struct Args {
    /// Text files, story folders or corpus folders.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Language of plain files (detected from the name or text when absent).
    #[arg(long, value_name = "bg|de|en")]
    lang: Option<Lang>,
    /// Output format: one sentence per line, or start<TAB>end<TAB>sentence.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Tsv,
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    let mut out = Out::new();
    let mut failed = false;
    let (files, folders) = input::split_paths(&args.paths);
    let many = args.paths.len() > 1 || !folders.is_empty();
    for path in &files {
        let mut warnings = Vec::new();
        let result = Text::read(path, &args.input.read_options()).and_then(|text| {
            let lang = input::file_lang(path, &text, args.lang, &mut warnings)?;
            Ok((text, lang))
        });
        warnings.iter().for_each(|w| output::warning(w));
        match result {
            Ok((text, lang)) => print_text(&mut out, &args, &text, lang, many)?,
            Err(e) => {
                output::error(&e);
                failed = true;
            }
        }
    }
    for found in corpus::find_stories(&folders) {
        let story = found.and_then(|dir| corpus::load_story(&dir, &args.input.read_options()));
        match story {
            Ok(story) => {
                story.warnings.iter().for_each(|w| output::warning(w));
                // Versions left out of the story are failures here too.
                for v in &story.failed {
                    let entry = parallax::report::summary::ErrorEntry::of_version(&story.key, v);
                    output::story_error(&entry);
                    failed = true;
                }
                for v in &story.versions {
                    print_text(&mut out, &args, &v.text, v.lang, true)?;
                }
            }
            Err(e) => {
                output::error(&e);
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        Outcome::SomeFailed
    } else {
        Outcome::Ok
    })
}

fn print_text(
    out: &mut Out,
    args: &Args,
    text: &Text,
    lang: Lang,
    header: bool,
) -> parallax::Result<()> {
    let sentences = args.input.sentences(text, lang);
    if header {
        let path = text
            .path
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        out.line(&format!("# {path} ({lang}, {} sentences)", sentences.len()))?;
    }
    for s in &sentences {
        let body = output::one_line(&text.text[s.span.clone()]);
        match args.format {
            Format::Text => out.line(&body)?,
            Format::Tsv => out.line(&format!(
                "{}\t{}\t{body}",
                s.file_span.start, s.file_span.end
            ))?,
        }
    }
    Ok(())
}
