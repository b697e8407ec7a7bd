//! Prints what scoring sees in each row of a story: every token of each
//! side of each pair, explained or not, and its kind and weight.
//! Run: `cargo run --release --example explain_row -- STORY_DIR`.

use parallax::analyse::keys::How;
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, Options};
use parallax::score::loaded::Loaded;
use parallax::score::view::{Tok, pair_row};

fn main() {
    let dir = std::env::args().nth(1).expect("a story folder");
    let story = parallax::load_story(dir.as_ref(), &Default::default()).expect("story loads");
    let lexicon = Lexicon::embedded();
    let al = pipeline::run(vec![story], &lexicon, None, &Options::default()).remove(0);
    let loaded = Loaded::embedded();
    for p in &al.pairs {
        let (s, t) = p.versions;
        for r in 0..al.rows.len() {
            let w = (al.story.versions.len() == 3).then(|| 3 - s - t);
            let pr = pair_row(&al, r, s, t, w, loaded);
            println!("row {} {}→{}", r + 1, pr.source.lang, pr.target.lang);
            for side in [&pr.source, &pr.target] {
                let words: Vec<String> = side
                    .tokens()
                    .map(|k| {
                        let mark = if side.explained[k.s].contains(k.t) {
                            "+"
                        } else if side.soft[k.s].contains(k.t) {
                            "~"
                        } else {
                            "-"
                        };
                        format!(
                            "{}{mark}{:?}{:.1}",
                            side.surface(k),
                            side.kind(k),
                            side.weight(k)
                        )
                    })
                    .collect();
                println!("  {}: {}", side.lang, words.join(" "));
            }
            // The links that are not plain dictionary entries, and how each was made.
            let mut odd = Vec::new();
            for (i, a) in pr.source.analysed.iter().enumerate() {
                for (j, b) in pr.target.analysed.iter().enumerate() {
                    parallax::correspond::explain(a, b, |l| {
                        if !matches!(l.how, How::Dictionary | How::Identical | How::Number) {
                            odd.push(format!(
                                "{}={} ({:?})",
                                pr.source.surface(Tok { s: i, t: l.a }),
                                pr.target.surface(Tok { s: j, t: l.b }),
                                l.how
                            ));
                        }
                    });
                }
            }
            if !odd.is_empty() {
                println!("  links: {}", odd.join(", "));
            }
        }
    }
}
