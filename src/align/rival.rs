//! Links outbid by a lone sentence: after the monotone pass, a sentence
//! linked to a partner that explains it poorly, while a sentence the
//! programme left alone on the other side explains it far better, is most
//! likely a passage the relay moved. The monotone programme cannot link
//! out of order, so it gives the moved sentence the best partner it can
//! reach in order, often a sentence the relay dropped (a quote moved to the
//! lead linked to a sentence of the original's lead), or merges it with a
//! neighbour.
//!
//! Such a link is released: its sentences stand alone again, so that
//! [`super::moved`] pairs the moved sentence with its rival (under that
//! pass's own test) and [`super::gaps`] may link the partner left behind.
//! The rival must be evidence on its own ([`super::moved::MIN_Z`], what a
//! moved pair alone needs) and beat the link's evidence against the null
//! level by [`MARGIN`] (see [`super::confidence::evidence`]; where the
//! lexicon says little about the language pair, evidence says little and
//! nothing is released). A sentence translated twice, or a close paraphrase
//! nearby, does not outbid its own translation by that much.
//!
//! In a merge, the partner explains other sentences too, so its
//! similarity to one of them says little; there the rival must explain a
//! share of the sentence's weight larger by [`MARGIN`] than the partners
//! do. A true merge explains each of its sentences, and a lone copy of one
//! translation elsewhere (a relay that repeats a line) explains no more of
//! it; comparing similarities instead lowered strict F1 on a generated
//! 10,000-sentence pair with repeated lines from 0.995 to 0.989. An outbid
//! sentence at either end of a merged side leaves the bead; anywhere else,
//! or with more of the bead outbid, the bead is undone.
//!
//! Example: a relay opens with the quote "We are not paying," Thielmann
//! said, which the original has in its ninth line; the programme linked it
//! to the original's second line, which the relay left out. Released, the
//! quote is linked to the ninth line as a moved passage.

use super::Bead;
use super::confidence::evidence;
use super::cost::Scorer;
use super::moved::{MIN_Z, candidate_pairs, lone};
use crate::analyse::Analysed;
use crate::hash::FastMap as HashMap;

/// How far a lone rival's evidence must beat a link's (both 0..=1).
const MARGIN: f32 = 0.4;

/// Releases the links of `beads` (in A order) that lone sentences outbid.
pub fn release(beads: Vec<Bead>, scorer: &Scorer) -> Vec<Bead> {
    let cal = scorer.calibration;
    let (lone_a, lone_b) = (lone(&beads, true), lone(&beads, false));
    if lone_a.is_empty() && lone_b.is_empty() {
        return beads;
    }
    // Links that can be outbid, and where each of their sentences is: a
    // 1-1 link whose evidence is low enough (evidence is at most 1), any
    // merge.
    let open = |b: &Bead| {
        !b.is_skip()
            && !b.moved
            && (b.a.len() + b.b.len() > 2 || evidence(b.score, &cal) + MARGIN <= 1.0)
    };
    let mut bead_of_a = vec![usize::MAX; scorer.a.len()];
    let mut bead_of_b = vec![usize::MAX; scorer.b.len()];
    for (k, b) in beads.iter().enumerate().filter(|(_, b)| open(b)) {
        b.a.clone().for_each(|i| bead_of_a[i] = k);
        b.b.clone().for_each(|j| bead_of_b[j] = k);
    }
    let open_a: Vec<usize> = (0..scorer.a.len())
        .filter(|&i| bead_of_a[i] != usize::MAX)
        .collect();
    let open_b: Vec<usize> = (0..scorer.b.len())
        .filter(|&j| bead_of_b[j] != usize::MAX)
        .collect();
    // Candidate pairs (the keys of long documents analysed once each, and
    // not kept), then every sentence they involve, with the beads of their
    // open sentences, analysed once (long documents have no cache).
    let c1 = candidate_pairs(
        &open_a,
        &lone_b,
        |i| scorer.analyse_a(i).shared_keys(),
        |j| scorer.analyse_b(j).shared_keys(),
    );
    let c2 = candidate_pairs(
        &lone_a,
        &open_b,
        |i| scorer.analyse_a(i).shared_keys(),
        |j| scorer.analyse_b(j).shared_keys(),
    );
    let (mut need_a, mut need_b): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for (&(i, j), bead) in c1
        .iter()
        .map(|p| (p, bead_of_a[p.0]))
        .chain(c2.iter().map(|p| (p, bead_of_b[p.1])))
    {
        need_a.push(i);
        need_b.push(j);
        need_a.extend(beads[bead].a.clone());
        need_b.extend(beads[bead].b.clone());
    }
    let analysed = |mut ids: Vec<usize>, on_a: bool| -> HashMap<usize, Analysed> {
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|k| {
                let x = if on_a {
                    scorer.analyse_a(k)
                } else {
                    scorer.analyse_b(k)
                };
                (k, x)
            })
            .collect()
    };
    let xa = analysed(need_a, true);
    let xb = analysed(need_b, false);
    let sim = |i: usize, j: usize| scorer.pair_similarity(&xa[&i], &xb[&j]);
    // How far the rival beats sentence `s`'s link: for a 1-1 link, in
    // evidence; in a merge, in the share of `s` explained (its partner
    // in a merge explains other sentences too, so its similarity to `s`
    // alone says little).
    let gain = |on_a: bool, s: usize, rival: usize, similarity: f32| -> f32 {
        let b = &beads[if on_a { bead_of_a[s] } else { bead_of_b[s] }];
        if b.a.len() + b.b.len() == 2 {
            return evidence(similarity, &cal) - evidence(b.score, &cal);
        }
        let partners = if on_a { b.b.clone() } else { b.a.clone() };
        covered((&xa, &xb), on_a, s, rival..rival + 1) - covered((&xa, &xb), on_a, s, partners)
    };
    // Outbid sentences: (gain, bead, on A, sentence, rival).
    let mut outbids: Vec<(f32, usize, bool, usize, usize)> = Vec::new();
    let mut consider = |on_a: bool, s: usize, rival: usize, similarity: f32| {
        let bead = if on_a { bead_of_a[s] } else { bead_of_b[s] };
        if cal.rescale(similarity) < MIN_Z {
            return;
        }
        let gain = gain(on_a, s, rival, similarity);
        if gain >= MARGIN {
            outbids.push((gain, bead, on_a, s, rival));
        }
    };
    for &(i, j) in &c1 {
        consider(true, i, j, sim(i, j));
    }
    for &(i, j) in &c2 {
        consider(false, j, i, sim(i, j));
    }
    if outbids.is_empty() {
        return beads;
    }
    // Best first, each sentence and each rival once.
    outbids.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then((x.1, x.2, x.3).cmp(&(y.1, y.2, y.3)))
    });
    let mut outbid: Vec<Vec<(bool, usize)>> = vec![Vec::new(); beads.len()];
    let mut rivals: Vec<(bool, usize)> = Vec::new();
    for (_, bead, on_a, s, rival) in outbids {
        if !outbid[bead].contains(&(on_a, s)) && !rivals.contains(&(on_a, rival)) {
            outbid[bead].push((on_a, s));
            rivals.push((on_a, rival));
        }
    }
    let mut out = Vec::with_capacity(beads.len() + 2);
    for (bead, outbid) in beads.into_iter().zip(outbid) {
        match outbid[..] {
            [] => out.push(bead),
            [(on_a, s)] => out.extend(split(bead, on_a, s, scorer)),
            // Several sentences of one bead outbid: nothing of it stands.
            _ => out.extend(undo(&bead)),
        }
    }
    out
}

/// The share of sentence `s`'s weight (of A when `on_a`) that the sentences
/// `others` of the other side explain; `(xa, xb)` hold the analyses of
/// every sentence of a candidate pair and of its open sentence's bead.
fn covered(
    (xa, xb): (&HashMap<usize, Analysed>, &HashMap<usize, Analysed>),
    on_a: bool,
    s: usize,
    others: std::ops::Range<usize>,
) -> f32 {
    let mut set = crate::correspond::TokenSet::new();
    let me = if on_a { &xa[&s] } else { &xb[&s] };
    for o in others {
        let e = if on_a {
            crate::correspond::explain(me, &xb[&o], |_| {})
        } else {
            crate::correspond::explain(&xa[&o], me, |_| {})
        };
        set.union_with(if on_a { &e.a } else { &e.b });
    }
    let weight = me.content_weight();
    if weight <= 0.0 {
        return 0.0;
    }
    crate::correspond::explained_weight(me, &set) / weight
}

/// A sentence without a partner (`a` or `b` empty).
fn alone(a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> Bead {
    Bead {
        a,
        b,
        score: 0.0,
        moved: false,
        confidence: 0.0,
    }
}

/// Every sentence of `bead` alone, the A ones first.
fn undo(bead: &Bead) -> Vec<Bead> {
    let mut out: Vec<Bead> = bead.a.clone().map(|i| alone(i..i + 1, 0..0)).collect();
    out.extend(bead.b.clone().map(|j| alone(0..0, j..j + 1)));
    out
}

/// The beads left when sentence `s` (of A when `on_a`) leaves `bead`: the
/// sentence alone and the rest of the bead, or, when the rest would not be
/// one bead (the sentence in the middle of its side, or alone on it), the
/// bead undone. In A order, lone B sentences after the A ones.
fn split(bead: Bead, on_a: bool, s: usize, scorer: &Scorer) -> Vec<Bead> {
    let side = if on_a { &bead.a } else { &bead.b };
    let at_end = side.len() > 1 && (s == side.start || Some(s) == side.end.checked_sub(1));
    if !at_end {
        return undo(&bead);
    }
    let rest = if s == side.start {
        s + 1..side.end
    } else {
        side.start..s
    };
    let (a, b) = if on_a {
        (rest, bead.b.clone())
    } else {
        (bead.a.clone(), rest)
    };
    let score = if a.len() == 1 && b.len() == 1 {
        scorer.pair_similarity(&scorer.analyse_a(a.start), &scorer.analyse_b(b.start))
    } else {
        scorer.merge_evidence(a.clone(), b.clone()).unwrap_or(0.0)
    };
    let kept = Bead {
        a,
        b,
        score,
        moved: false,
        confidence: bead
            .confidence
            .min(super::confidence::evidence(score, &scorer.calibration)),
    };
    let lone = if on_a {
        alone(s..s + 1, 0..0)
    } else {
        alone(0..0, s..s + 1)
    };
    // A order: a lone A sentence before the rest when it opened the bead.
    if on_a && s == bead.a.start {
        vec![lone, kept]
    } else if on_a || s > kept.b.start {
        vec![kept, lone]
    } else {
        vec![lone, kept]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Doc;
    use crate::lang::Lang;
    use crate::lexicon::Lexicon;

    const DE: [&str; 6] = [
        "Der Stadtrat von Gabrowo hat am Montag die Sanierung der Markthalle beschlossen.",
        "Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.",
        "Die Kosten liegen bei 4,2 Millionen Lewa.",
        "Händler fürchten, dass sie so lange keine Einnahmen haben.",
        "Die Stadt will ihnen Stände auf dem Parkplatz anbieten.",
        "„Jede Bude bekommt Strom und Wasser“, sagte Bürgermeister Tanew.",
    ];
    const EN: [&str; 6] = [
        "The council of Gabrovo decided on Monday to renovate the market hall.",
        "The work is to begin in spring and last two years.",
        "The costs are 4.2 million leva.",
        "Traders fear they will have no income for that long.",
        "The city wants to offer them stalls in the car park.",
        "\"Every stall will get power and water,\" said Mayor Tanev.",
    ];

    fn bead(a: std::ops::Range<usize>, b: std::ops::Range<usize>, score: f32) -> Bead {
        Bead {
            a,
            b,
            score,
            moved: false,
            confidence: 1.0,
        }
    }

    /// The rule's case: the programme linked the relay's lead (a quote from
    /// the source's end) to the source's first line, and left the quote's
    /// own translation alone. The link is released; true links stay.
    #[test]
    fn a_link_outbid_by_a_lone_sentence_is_released() {
        let lexicon = Lexicon::embedded();
        // B: the quote first, then lines 1-3 of the source.
        let en = vec![EN[5], EN[1], EN[2], EN[3]];
        let a = Doc::from_sentences(Lang::De, DE.to_vec());
        let b = Doc::from_sentences(Lang::En, en);
        let scorer = crate::align::relay_tests::calibrated_scorer(&a, &b, &lexicon);
        let sim =
            |i: usize, j: usize| scorer.pair_similarity(&scorer.analyse_a(i), &scorer.analyse_b(j));
        let beads = vec![
            bead(0..1, 0..1, sim(0, 0)),
            bead(1..2, 1..2, sim(1, 1)),
            bead(2..3, 2..3, sim(2, 2)),
            bead(3..4, 3..4, sim(3, 3)),
            bead(4..5, 0..0, 0.0),
            bead(5..6, 0..0, 0.0),
        ];
        let out = release(beads, &scorer);
        let links: Vec<(usize, usize)> = out
            .iter()
            .filter(|b| !b.is_skip())
            .map(|b| (b.a.start, b.b.start))
            .collect();
        assert_eq!(links, [(1, 1), (2, 2), (3, 3)]);
        assert_eq!(out.iter().filter(|b| b.is_skip()).count(), 4);
    }

    /// A faithful pair is never released: its own link is the best there is.
    #[test]
    fn faithful_links_stay() {
        let lexicon = Lexicon::embedded();
        let a = Doc::from_sentences(Lang::De, DE.to_vec());
        let b = Doc::from_sentences(Lang::En, EN[..5].to_vec());
        let scorer = crate::align::relay_tests::calibrated_scorer(&a, &b, &lexicon);
        let sim =
            |i: usize, j: usize| scorer.pair_similarity(&scorer.analyse_a(i), &scorer.analyse_b(j));
        let mut beads: Vec<Bead> = (0..5)
            .map(|k| bead(k..k + 1, k..k + 1, sim(k, k)))
            .collect();
        beads.push(bead(5..6, 0..0, 0.0));
        let out = release(beads.clone(), &scorer);
        assert_eq!(out, beads);
    }
}
