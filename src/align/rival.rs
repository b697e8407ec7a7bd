//! Links outbid by a lone sentence: after the monotone pass, a sentence
//! linked to a partner that explains it poorly, while a sentence the
//! programme left alone on the other side explains it far better, is most
//! likely a passage the relay moved. The monotone programme cannot link
//! out of order, so it gives the moved sentence the best partner it can
//! reach in order, often a sentence the relay dropped (a quote moved to the
//! lead linked to a sentence of the original's lead), or merges it into a
//! neighbour's bead.
//!
//! Such a link is released: its sentences stand alone again, so that
//! [`super::moved`] pairs the moved sentence with its rival (under that
//! pass's own test) and [`super::gaps`] may link the partner left behind.
//! A sentence at either end of a merged side leaves its bead alone. The
//! rival must be evidence on its own ([`super::moved::MIN_Z`], what a moved
//! pair alone needs) and beat the link by [`MARGIN`] on the rescaled scale
//! (1 = a typical true pair of the document, 0 = a typical non-pair):
//! a sentence translated twice, or a close paraphrase nearby, does not
//! outbid its own translation by that much.
//!
//! Example: a relay opens with the quote "Every ballot was checked twice,"
//! he said, which the original has in its twelfth line; the programme
//! merged it into the bead of the original's second line. Released, the
//! quote is linked to the twelfth line as a moved passage.

use super::Bead;
use super::confidence::evidence;
use super::cost::Scorer;
use super::moved::{MIN_Z, candidate_pairs};

/// How far (rescaled) a lone rival must beat a sentence's link.
const MARGIN: f32 = 0.4;

/// One sentence outbid: the bead it is in, whether it is an A sentence, its
/// index, and how far its rival beats its link.
struct Outbid {
    bead: usize,
    on_a: bool,
    sentence: usize,
    rival: usize,
    gain: f32,
}

/// Releases the links of `beads` (in A order) that a lone sentence outbids.
pub fn release(beads: Vec<Bead>, scorer: &Scorer) -> Vec<Bead> {
    let lone = |on_a: bool| -> Vec<usize> {
        let mut v: Vec<usize> = beads
            .iter()
            .filter(|b| if on_a { b.b.is_empty() } else { b.a.is_empty() })
            .flat_map(|b| if on_a { b.a.clone() } else { b.b.clone() })
            .collect();
        v.sort_unstable();
        v
    };
    let (lone_a, lone_b) = (lone(true), lone(false));
    if lone_a.is_empty() && lone_b.is_empty() {
        return beads;
    }
    let linked = |b: &Bead| !b.is_skip() && !b.moved;
    // Where each linked sentence is: its bead.
    let mut bead_of_a = vec![usize::MAX; scorer.a.len()];
    let mut bead_of_b = vec![usize::MAX; scorer.b.len()];
    for (k, b) in beads.iter().enumerate().filter(|(_, b)| linked(b)) {
        b.a.clone().for_each(|i| bead_of_a[i] = k);
        b.b.clone().for_each(|j| bead_of_b[j] = k);
    }
    let linked_a: Vec<usize> = (0..scorer.a.len())
        .filter(|&i| bead_of_a[i] != usize::MAX)
        .collect();
    let linked_b: Vec<usize> = (0..scorer.b.len())
        .filter(|&j| bead_of_b[j] != usize::MAX)
        .collect();
    let cal = scorer.calibration;
    let sim =
        |i: usize, j: usize| scorer.pair_similarity(&scorer.analyse_a(i), &scorer.analyse_b(j));
    // How well sentence `s` is explained by its own bead's other side: the
    // best of its partners.
    let own = |on_a: bool, s: usize| -> f32 {
        let b = &beads[if on_a { bead_of_a[s] } else { bead_of_b[s] }];
        if b.a.len() == 1 && b.b.len() == 1 {
            return evidence(b.score, &cal);
        }
        let best = if on_a {
            b.b.clone().map(|j| sim(s, j)).fold(0.0, f32::max)
        } else {
            b.a.clone().map(|i| sim(i, s)).fold(0.0, f32::max)
        };
        evidence(best, &cal)
    };
    let mut outbids: Vec<Outbid> = Vec::new();
    for (i, j) in candidate_pairs(scorer, &linked_a, &lone_b) {
        let s = sim(i, j);
        let (z, gain) = (cal.rescale(s), evidence(s, &cal) - own(true, i));
        if z >= MIN_Z && gain >= MARGIN {
            outbids.push(Outbid {
                bead: bead_of_a[i],
                on_a: true,
                sentence: i,
                rival: j,
                gain,
            });
        }
    }
    for (i, j) in candidate_pairs(scorer, &lone_a, &linked_b) {
        let s = sim(i, j);
        let (z, gain) = (cal.rescale(s), evidence(s, &cal) - own(false, j));
        if z >= MIN_Z && gain >= MARGIN {
            outbids.push(Outbid {
                bead: bead_of_b[j],
                on_a: false,
                sentence: j,
                rival: i,
                gain,
            });
        }
    }
    if outbids.is_empty() {
        return beads;
    }
    // Best first, each sentence and each rival once.
    outbids.sort_by(|x, y| {
        y.gain
            .total_cmp(&x.gain)
            .then((x.bead, x.on_a, x.sentence).cmp(&(y.bead, y.on_a, y.sentence)))
    });
    let mut released: Vec<Vec<(bool, usize)>> = vec![Vec::new(); beads.len()];
    let mut rivals: Vec<(bool, usize)> = Vec::new();
    for o in outbids {
        let leaving = (o.on_a, o.sentence);
        if released[o.bead].contains(&leaving) || rivals.contains(&(o.on_a, o.rival)) {
            continue;
        }
        released[o.bead].push(leaving);
        rivals.push((o.on_a, o.rival));
    }
    let mut out = Vec::with_capacity(beads.len() + 2);
    for (bead, leaving) in beads.into_iter().zip(released) {
        match leaving[..] {
            [] => out.push(bead),
            [(on_a, s)] => out.extend(split(bead, on_a, s, scorer)),
            // Several sentences of one bead outbid: nothing of it stands.
            _ => out.extend(split(bead, true, usize::MAX, scorer)),
        }
    }
    out
}

/// The beads left when sentence `s` (of A when `on_a`) leaves `bead`: the
/// sentence alone and the rest of the bead, or, when the rest would not be
/// one bead (the sentence in the middle of its side, or alone on it, or not
/// in the bead at all), every sentence alone. In A order, lone B sentences after the A ones.
fn split(bead: Bead, on_a: bool, s: usize, scorer: &Scorer) -> Vec<Bead> {
    let alone = |a: std::ops::Range<usize>, b: std::ops::Range<usize>| Bead {
        a,
        b,
        score: 0.0,
        moved: false,
        confidence: 0.0,
    };
    let side = if on_a { &bead.a } else { &bead.b };
    let at_end = side.len() > 1 && (s == side.start || Some(s) == side.end.checked_sub(1));
    if !at_end {
        let mut out: Vec<Bead> = bead.a.clone().map(|i| alone(i..i + 1, 0..0)).collect();
        out.extend(bead.b.clone().map(|j| alone(0..0, j..j + 1)));
        return out;
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
        let mut scorer = Scorer::new(&a, &b, &lexicon, crate::align::Params::default());
        let guide: Vec<usize> = (0..=a.len()).map(|i| i * b.len() / a.len()).collect();
        scorer.calibration = crate::align::calibrate::calibrate(&scorer, &guide).0;
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
        let mut scorer = Scorer::new(&a, &b, &lexicon, crate::align::Params::default());
        let guide: Vec<usize> = (0..=a.len()).map(|i| i * b.len() / a.len()).collect();
        scorer.calibration = crate::align::calibrate::calibrate(&scorer, &guide).0;
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
