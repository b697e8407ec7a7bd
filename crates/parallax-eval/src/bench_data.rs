//! Large document pairs for speed and memory benchmarks, built from FLORES-200
//! (and the bundled corpora's sentences): articles in a shuffled order,
//! repeated with different edits (merges, splits, deletions, insertions) until
//! the requested size, one sentence per line.

use std::path::Path;

use super::alignment::IdBead;
use super::flores::Flores;
use super::perturb::{Rates, Rng, perturb};
use crate::Outcome;
use crate::output::Out;
use parallax::lang::Lang;
use parallax::report;

/// A document pair of `size` sentences on the first side, and its gold beads.
pub fn build(
    flores: &Flores,
    extra: &[(String, String)],
    (la, lb): (Lang, Lang),
    size: usize,
    seed: u64,
) -> (Vec<String>, Vec<String>, Vec<IdBead>) {
    let (Some(xa), Some(xb)) = (flores.lines(la), flores.lines(lb)) else {
        return (Vec::new(), Vec::new(), Vec::new());
    };
    let mut gold: Vec<IdBead> = Vec::new();
    let mut rng = Rng::new(seed);
    let mut a = Vec::with_capacity(size + 100);
    let mut b = Vec::with_capacity(size + 100);
    let mut round = 0u64;
    while a.len() < size {
        let mut order: Vec<usize> = (0..flores.articles.len()).collect();
        for k in (1..order.len()).rev() {
            order.swap(k, rng.below(k + 1));
        }
        let mut pa: Vec<String> = Vec::new();
        let mut pb: Vec<String> = Vec::new();
        for &art in &order {
            let r = flores.articles[art].clone();
            pa.extend(xa[r.clone()].iter().cloned());
            pb.extend(xb[r].iter().cloned());
        }
        for (x, y) in extra {
            pa.push(x.clone());
            pb.push(y.clone());
        }
        let case = perturb(
            &pa,
            &pb,
            &xb[..xb.len() / 2],
            Rates::default(),
            &mut Rng::new(seed ^ round),
        );
        // Cut the last round at a bead boundary, so both sides end together.
        let (mut na, mut nb) = (0, 0);
        for (ga, gb) in &case.gold {
            if a.len() + na >= size {
                break;
            }
            na = ga.last().map_or(na, |&i| i + 1);
            nb = gb.last().map_or(nb, |&j| j + 1);
            let shift = |v: &[usize], by: usize| v.iter().map(|x| x + by).collect::<Vec<_>>();
            gold.push((shift(ga, a.len()), shift(gb, b.len())));
        }
        a.extend(case.a.into_iter().take(na));
        b.extend(case.b.into_iter().take(nb));
        round += 1;
    }
    (a, b, gold)
}

/// `parallax-eval bench-data`: writes the de/en pairs of 10,000, 20,000,
/// 40,000 and 100,000 sentences and their gold beads into `dir`.
pub fn write(flores: &Flores, dir: &Path) -> parallax::Result<Outcome> {
    let mut out = Out::new();
    for size in [10_000, 20_000, 40_000, 100_000] {
        let (a, b, gold) = build(flores, &[], (Lang::De, Lang::En), size, 42);
        let gold_path = dir.join(format!("bench-{}k.gold", size / 1000));
        let text: String = gold.iter().map(|(x, y)| format!("{x:?}:{y:?}\n")).collect();
        report::write_atomic(&gold_path, text.as_bytes())?;
        for (lang, lines) in [("de", &a), ("en", &b)] {
            let path = dir.join(format!("bench-{}k.{lang}", size / 1000));
            let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
            report::write_atomic(&path, text.as_bytes())?;
            out.line(&format!(
                "wrote {} ({} sentences)",
                path.display(),
                lines.len()
            ))?;
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
