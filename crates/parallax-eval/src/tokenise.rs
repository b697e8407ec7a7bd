//! `parallax-eval tokenise`: the bare cost of a corpus, for the scale
//! benchmark: every story read, segmented and each sentence analysed once
//! (tokens, stems, keys), in parallel, but nothing aligned or scored. The
//! ratio of `compare`'s time to this one shows where a run's time goes.

use std::path::Path;
use std::time::Instant;

use parallax::analyse::analyse;
use parallax::batch;
use parallax::lexicon::Lexicon;
use parallax::pipeline::segment_story;
use parallax::text::ReadOptions;
use rayon::prelude::*;

use crate::Outcome;
use crate::output::Out;

pub fn run(corpus: &Path) -> parallax::Result<Outcome> {
    let start = Instant::now();
    let lexicon = Lexicon::embedded();
    let plan = batch::plan(&[corpus.to_path_buf()], None);
    let read = ReadOptions::default();
    let counts: Vec<(usize, usize)> = plan
        .stories
        .par_iter()
        .map(|s| {
            let Ok(story) = parallax::load_story(&s.dir, &read) else {
                return (0, 0);
            };
            let sentences = segment_story(&story, false);
            let mut tokens = 0;
            for (v, sents) in story.versions.iter().zip(&sentences) {
                for sent in sents {
                    tokens += analyse(&v.text.text[sent.span.clone()], v.lang, &lexicon)
                        .tokens
                        .len();
                }
            }
            (sentences.iter().map(Vec::len).sum(), tokens)
        })
        .collect();
    let (sentences, tokens) = counts.iter().fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
    let secs = start.elapsed().as_secs_f64();
    let mut out = Out::new();
    out.line(&format!(
        "{} stories · {sentences} sentences · {tokens} tokens · {secs:.2} s · {:.0} stories/s",
        plan.stories.len(),
        plan.stories.len() as f64 / secs
    ))?;
    out.flush()?;
    Ok(Outcome::Ok)
}
