//! Speed of word-level correspondence: pairs of news-length sentences per
//! second on one core, the figure alignment and divergence scoring depend on.
//! Sentences come from the bundled corpora (bg, de, en); every sentence of
//! one version is paired with every sentence of another, so true and false
//! pairs are both measured.
//!
//! Run: `cargo bench --bench correspond` (criterion prints thrpt in elem/s).

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax::analyse::{Analysed, analyse};
use parallax::correspond::Correspondence;
use parallax::lexicon::Lexicon;
use parallax::{Lang, ReadOptions, corpus, segment};

fn sentences(lang: Lang, lexicon: &Lexicon) -> Vec<Analysed> {
    let mut out = Vec::new();
    for dir in corpus::find_stories(&[Path::new("corpora").to_path_buf()])
        .into_iter()
        .flatten()
    {
        let story = corpus::load_story(&dir, &ReadOptions::default()).expect("bundled story loads");
        if let Some(v) = story.version(lang) {
            for s in segment::split_text(&v.text, lang) {
                out.push(analyse(&v.text.text[s.span], lang, lexicon));
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let lexicon = Lexicon::embedded();
    let bg = sentences(Lang::Bg, &lexicon);
    let de = sentences(Lang::De, &lexicon);
    let en = sentences(Lang::En, &lexicon);
    let mut group = c.benchmark_group("correspond");
    for (name, a, b) in [
        ("bg-en", &bg, &en),
        ("de-en", &de, &en),
        ("bg-de", &bg, &de),
    ] {
        group.throughput(Throughput::Elements((a.len() * b.len()) as u64));
        group.bench_function(name, |bench| {
            let mut corr = Correspondence::default();
            bench.iter(|| {
                let mut total = 0.0f32;
                for x in a {
                    for y in b {
                        corr.compute(x, y);
                        total += corr.similarity(x, y);
                    }
                }
                total
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
