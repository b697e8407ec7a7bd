//! Divergence scoring speed: one three-version story of about 30 sentences
//! per version (the bundled `augsburg-permits-bribery-trial`: 30, 29 and 29
//! with the headline), with the lexicon loaded and alignment done, scored on
//! one thread. Results: `benches/results/score-speed.txt`.
//!
//! Run: `cargo bench --bench score`.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, Options};
use parallax::score::score_story;

fn bench(c: &mut Criterion) {
    let lexicon = Lexicon::embedded();
    let story = parallax::load_story(
        Path::new("corpora/augsburg-permits-bribery-trial"),
        &Default::default(),
    )
    .expect("bundled story loads");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("one thread");
    let aligned =
        pool.install(|| pipeline::run(vec![story], &lexicon, None, &Options::default()).remove(0));
    let sentences: usize = aligned.sentences.iter().map(Vec::len).sum();
    c.bench_function(
        &format!("score one story ({sentences} sentences in 3 versions)"),
        |b| b.iter(|| pool.install(|| score_story(std::hint::black_box(&aligned)))),
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
