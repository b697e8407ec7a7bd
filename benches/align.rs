//! Alignment speed: every pair of versions of the bundled stories (about 150
//! sentences each), and, when `target/bench-data/bench-10k.{de,en}` exist
//! (`parallax-eval bench-data`), a 10,000-sentence German–English pair.
//! Whole-process figures for 10k/40k/100k, with memory: `scripts/bench-align.sh`.
//!
//! Run: `cargo bench --bench align`.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax::align::{AlignOptions, Doc, align};
use parallax::lexicon::Lexicon;
use parallax::{Lang, ReadOptions, corpus, segment};

fn bench(c: &mut Criterion) {
    let lexicon = Lexicon::embedded();
    let options = AlignOptions::default();
    let stories: Vec<_> = corpus::find_stories(&[Path::new("corpora").to_path_buf()])
        .into_iter()
        .flatten()
        .map(|d| corpus::load_story(&d, &ReadOptions::default()).expect("bundled story loads"))
        .collect();
    let segmented: Vec<Vec<(Lang, Vec<&str>)>> = stories
        .iter()
        .map(|s| {
            s.versions
                .iter()
                .map(|v| {
                    let spans = segment::split_text(&v.text, v.lang);
                    (
                        v.lang,
                        spans.into_iter().map(|x| &v.text.text[x.span]).collect(),
                    )
                })
                .collect()
        })
        .collect();
    let mut group = c.benchmark_group("align");
    let sentences: usize = segmented.iter().flatten().map(|v| v.1.len()).sum();
    group.throughput(Throughput::Elements(sentences as u64 * 2));
    group.bench_function("corpora, all pairs", |b| {
        b.iter(|| {
            let mut beads = 0;
            for story in &segmented {
                for i in 0..story.len() {
                    for j in i + 1..story.len() {
                        let da = Doc::from_sentences(story[i].0, story[i].1.clone());
                        let db = Doc::from_sentences(story[j].0, story[j].1.clone());
                        beads += align(&da, &db, &lexicon, &options).beads.len();
                    }
                }
            }
            beads
        })
    });
    let (a, b) = (
        Path::new("target/bench-data/bench-10k.de"),
        Path::new("target/bench-data/bench-10k.en"),
    );
    if let (Ok(ta), Ok(tb)) = (std::fs::read_to_string(a), std::fs::read_to_string(b)) {
        let da = Doc::from_sentences(Lang::De, ta.lines().collect());
        let db = Doc::from_sentences(Lang::En, tb.lines().collect());
        group.sample_size(10);
        group.throughput(Throughput::Elements((da.len() + db.len()) as u64));
        group.bench_function("10k de-en", |bench| {
            bench.iter(|| align(&da, &db, &lexicon, &options).beads.len())
        });
    } else {
        eprintln!(
            "skipping the 10k pair: run `cargo run --release -p parallax-eval -- bench-data` first"
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
