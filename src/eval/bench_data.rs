//! Large document pairs for speed and memory benchmarks, built from FLORES-200
//! (and the bundled corpora's sentences): articles in a shuffled order,
//! repeated with different edits (merges, splits, deletions, insertions) until
//! the requested size, one sentence per line.

use super::flores::Flores;
use super::perturb::{Rates, Rng, perturb};
use crate::lang::Lang;

/// A document pair of about `size` sentences per side.
pub fn build(
    flores: &Flores,
    extra: &[(String, String)],
    (la, lb): (Lang, Lang),
    size: usize,
    seed: u64,
) -> (Vec<String>, Vec<String>) {
    let (Some(xa), Some(xb)) = (flores.lines(la), flores.lines(lb)) else {
        return (Vec::new(), Vec::new());
    };
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
        a.extend(case.a);
        b.extend(case.b);
        round += 1;
    }
    a.truncate(size);
    b.truncate(size);
    (a, b)
}
