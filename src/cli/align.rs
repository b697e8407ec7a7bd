//! `parallax align`: the sentence alignment of two texts, as beads.

use std::path::{Path, PathBuf};

use parallax::align::{self, AlignOptions, Doc};
use parallax::lang::Lang;
use parallax::lexicon::Lexicon;
use parallax::{Text, lang};

use super::Outcome;
use super::input::InputArgs;
use super::output::{self, Out};

/// Align the sentences of two versions of a text.
#[derive(clap::Args, Debug)]
#[command(after_help = "Output, one bead per line:\n  \
    tsv       3,4<TAB>5<TAB>0.61<TAB>0   (0-based sentence ids; an empty field is a 1-0/0-1 bead;\n            \
    the last column is 1 for a passage the second text moved: beads stay in the first\n            \
    text's order, a moved bead's second ids are out of order)\n  \
    vecalign  [3, 4]:[5]:0.6100\n  \
    json      one object with the beads (each with \"moved\"), the coverage of each side\n            \
    (\"en covers 38 % of de\" when one keeps under 60 % of the other) and any warnings\n\n\
    Examples:\n  \
    parallax align story/de.txt story/en.txt\n  \
    parallax align test0.de test0.fr --segmented --lang-a de --lang-b fr --format vecalign")]
pub struct Args {
    /// First text (source side of the beads).
    a: PathBuf,
    /// Second text.
    b: PathBuf,
    /// Language of the first text (detected when absent).
    #[arg(long, value_name = "CODE")]
    lang_a: Option<Lang>,
    /// Language of the second text (detected when absent).
    #[arg(long, value_name = "CODE")]
    lang_b: Option<Lang>,
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    format: Format,
    /// Learn word translations from a first pass and align again (pays on
    /// long texts; `compare` pools learning over all stories instead).
    #[arg(long)]
    learn: bool,
    /// Extra lexicon entries (TSV: lang_a word_a lang_b word_b), repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Tsv,
    Vecalign,
    Json,
    /// Each bead's sentence numbers with the sentences themselves.
    Text,
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    let opts = args.input.read_options();
    let ta = read_or_empty(&args.a, &opts)?;
    let tb = read_or_empty(&args.b, &opts)?;
    let la = language(&args.a, &ta, args.lang_a)?;
    let lb = language(&args.b, &tb, args.lang_b)?;
    for l in [la, lb] {
        if !l.is_known() {
            output::note(&format!(
                "no lexicon for {l}: aligning on length, numbers, names and identical strings"
            ));
        }
    }
    let mut lexicon = Lexicon::embedded();
    for path in &args.lexicon {
        lexicon.add_user_file(path)?;
    }
    let sa = args.input.sentences(&ta, la);
    let sb = args.input.sentences(&tb, lb);
    let da = Doc::from_segmented(la, &ta.text, &sa);
    let db = Doc::from_segmented(lb, &tb.text, &sb);
    // The texts, for --format text only.
    let texts = |t: &Text, s: &[parallax::Sentence]| -> Vec<String> {
        if args.format == Format::Text {
            s.iter()
                .map(|x| output::one_line(&t.text[x.span.clone()]))
                .collect()
        } else {
            Vec::new()
        }
    };
    let (xa, xb) = (texts(&ta, &sa), texts(&tb, &sb));
    drop((sa, sb)); // the spans are not needed any more; 100,000 of them weigh 5 MB
    // Learning from one pair alone is noisy: on Text+Berg's documents (100 to
    // 300 sentences each) it lowered strict F1 from 0.819 to 0.800, while
    // pooled over all seven documents it raised it to 0.850. So it is off
    // by default here; `compare` pools it over all stories.
    let sizes = (da.len(), db.len());
    let alignment = if args.learn {
        let pair = [(da, db)];
        let (mut alignments, _table) =
            align::learn::align_pooled(&pair, &mut lexicon, &AlignOptions::default());
        alignments.pop().expect("one pair in, one alignment out")
    } else {
        align::align(&da, &db, &lexicon, &AlignOptions::default())
    };
    for w in &alignment.warnings {
        output::warning(w);
    }
    let mut out = Out::new();
    match args.format {
        Format::Tsv => {
            for b in &alignment.beads {
                out.line(&format!(
                    "{}\t{}\t{:.4}\t{}",
                    align::Bead::ids(&b.a),
                    align::Bead::ids(&b.b),
                    b.score,
                    u8::from(b.moved)
                ))?;
            }
        }
        Format::Vecalign => {
            for b in &alignment.beads {
                out.line(&b.vecalign())?;
            }
        }
        Format::Text => {
            for b in &alignment.beads {
                let ids = |r: &std::ops::Range<usize>| {
                    if r.is_empty() {
                        "—".to_string()
                    } else {
                        align::Bead::ids(r)
                    }
                };
                let moved = if b.moved { "  (moved)" } else { "" };
                out.line(&format!(
                    "{la} {} ↔ {lb} {}  score {:.2}{moved}",
                    ids(&b.a),
                    ids(&b.b),
                    b.score
                ))?;
                for (lang, range, texts) in [(la, &b.a, &xa), (lb, &b.b, &xb)] {
                    let body: Vec<&str> = range
                        .clone()
                        .filter_map(|i| texts.get(i).map(String::as_str))
                        .collect();
                    let body = if body.is_empty() {
                        "—".to_string()
                    } else {
                        body.join(" ")
                    };
                    out.line(&format!("  {lang} │ {body}"))?;
                }
            }
        }
        Format::Json => {
            let coverage = alignment.coverage();
            // "en covers 38 % of de".
            let condensed = alignment.condensed().map(|(b_condensed, share)| {
                let (short, long) = if b_condensed { (lb, la) } else { (la, lb) };
                format!("{short} covers {:.0} % of {long}", 100.0 * share)
            });
            let beads: Vec<serde_json::Value> = alignment
                .beads
                .iter()
                .map(|b| {
                    serde_json::json!({
                        "a": b.a.clone().collect::<Vec<_>>(),
                        "b": b.b.clone().collect::<Vec<_>>(),
                        "score": (b.score * 10000.0).round() / 10000.0,
                        "moved": b.moved,
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "a": { "path": args.a.display().to_string(), "lang": la.code(), "sentences": sizes.0 },
                "b": { "path": args.b.display().to_string(), "lang": lb.code(), "sentences": sizes.1 },
                "beads": beads,
                "warnings": alignment.warnings.iter().map(|w| serde_json::json!({
                    "kind": w.kind(), "message": w.to_string()
                })).collect::<Vec<_>>(),
                "search": {
                    "anchors": alignment.stats.anchors,
                    "passes": alignment.stats.passes,
                    "band_cells": alignment.stats.cells,
                },
                "calibration": { "true_pair": alignment.calibration.true_pair, "non_pair": alignment.calibration.non_pair },
                "coverage": {
                    "a": (coverage.0 * 1000.0).round() / 1000.0,
                    "b": (coverage.1 * 1000.0).round() / 1000.0,
                    "condensed": condensed,
                },
            });
            out.line(&doc.to_string())?;
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

/// Reads a text; an empty one is a version with no sentences (every bead
/// will be 0-1 or 1-0), not an error, but it is worth a warning.
fn read_or_empty(path: &Path, opts: &parallax::ReadOptions) -> parallax::Result<Text> {
    match Text::read(path, opts) {
        Err(e) if matches!(e.kind, parallax::ErrorKind::Empty) => {
            output::warning(&format!(
                "{}: empty, so it has no sentences",
                path.display()
            ));
            Ok(Text::from_str_at("", Some(path.to_path_buf())))
        }
        other => other,
    }
}

/// Given, from the file name, or detected among all languages.
fn language(path: &Path, text: &Text, given: Option<Lang>) -> parallax::Result<Lang> {
    if let Some(l) = given {
        return Ok(l);
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    if let Some(l) = Lang::from_code(&stem).or_else(|| Lang::from_code(&ext)) {
        return Ok(l);
    }
    lang::detect_any(&text.text).map(|d| d.lang).ok_or_else(|| {
        parallax::Error::at(
            path,
            parallax::ErrorKind::UnknownLanguage(
                "cannot tell the language; give --lang-a/--lang-b".into(),
            ),
        )
    })
}
