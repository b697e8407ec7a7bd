//! Merges that took a neighbour's sentence: in a condensed alignment the
//! programme can join a sentence to the one beside it on the same side
//! when that one's own counterpart stands alone next to the bead, most
//! often where a relay cut a line short (its length then fits the merge
//! better than the single sentence) or kept a headline that repeats the
//! lead's names ("Bestechungsprozess in Augsburg: …" merged with the lead
//! against the Bulgarian lead, while the Bulgarian headline stood alone).
//! Every such merge makes one false link and loses one true one.
//!
//! A sentence at the end of a merged side is taken out of the merge when
//! the lone sentence beside the bead on the other side explains it better
//! than the bead's single sentence does, and above the story's null level
//! (`Calibration::null`): the two are linked, and the merge becomes a 1-1
//! link. Only in condensed alignments, where the programme's merges are
//! least sure; in full translations the sentence beside a merge is rarely
//! left alone.

use super::Bead;
use super::cost::Scorer;

/// Re-links the ends of merges of `beads` (in A order) that a lone
/// neighbour explains better (see the module notes).
pub fn relink(mut beads: Vec<Bead>, scorer: &Scorer) -> Vec<Bead> {
    if !scorer.condensed {
        return beads;
    }
    let null = scorer.calibration.null;
    let sim = |i: usize, j: usize| scorer.pair_evidence(i, j).similarity;
    // Lone sentences: their bead by sentence, per side.
    let mut lone_at = [
        vec![usize::MAX; scorer.a.len()],
        vec![usize::MAX; scorer.b.len()],
    ];
    for (k, b) in beads.iter().enumerate() {
        match (b.a.len(), b.b.len()) {
            (1, 0) => lone_at[0][b.a.start] = k,
            (0, 1) => lone_at[1][b.b.start] = k,
            _ => {}
        }
    }
    let mut changed = false;
    let mut k = 0;
    while k < beads.len() {
        let b = beads[k].clone();
        let (na, nb) = (b.a.len(), b.b.len());
        if b.moved || !((na == 1 && nb == 2) || (na == 2 && nb == 1)) {
            k += 1;
            continue;
        }
        // The single sentence, and the merged side's two ends with the lone
        // sentence beside each on the single side.
        let single_on_a = na == 1;
        let x = if single_on_a { b.a.start } else { b.b.start };
        let merged = if single_on_a {
            b.b.clone()
        } else {
            b.a.clone()
        };
        let score = |single: usize, y: usize| {
            if single_on_a {
                sim(single, y)
            } else {
                sim(y, single)
            }
        };
        for (end, rest, beside) in [
            (merged.start, merged.start + 1, x.checked_sub(1)),
            (merged.start + 1, merged.start, Some(x + 1)),
        ] {
            let Some(xn) = beside else { continue };
            let side = usize::from(!single_on_a);
            let Some(&at) = lone_at[side].get(xn).filter(|&&at| at != usize::MAX) else {
                continue;
            };
            let (own, other) = (score(x, end), score(xn, end));
            if other > own && other > null {
                let pair = |single: usize, y: usize, s: f32| {
                    let (i, j) = if single_on_a {
                        (single, y)
                    } else {
                        (y, single)
                    };
                    Bead {
                        a: i..i + 1,
                        b: j..j + 1,
                        score: s,
                        moved: false,
                        confidence: b.confidence,
                    }
                };
                let kept = pair(x, rest, score(x, rest));
                let moved_end = pair(xn, end, other);
                // The lone sentence's bead becomes the re-linked end's, the
                // merge the kept link (order restored below).
                beads[k] = kept;
                beads[at] = moved_end;
                lone_at[side][xn] = usize::MAX;
                changed = true;
                break;
            }
        }
        k += 1;
    }
    if !changed {
        return beads;
    }
    // A re-linked end can stand at a lone sentence's old place, out of
    // order: the beads with an A side go back into A order, and every lone
    // B sentence before the first link that follows it in B.
    beads.sort_by_key(|b| (b.a.is_empty(), b.a.start));
    super::moved::place_lone_b(beads)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Doc;
    use crate::align::relay_tests::{calibrated_scorer, links_of as links};
    use crate::lang::Lang;
    use crate::lexicon::Lexicon;

    const DE: [&str; 4] = [
        "Markthalle in Gabrowo schließt für zwei Jahre",
        "Der Stadtrat von Gabrowo hat am Montag die Sanierung der Markthalle beschlossen.",
        "Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.",
        "Die Kosten liegen bei 4,2 Millionen Lewa.",
    ];
    const EN: [&str; 3] = [
        "Gabrovo market hall closes for two years",
        "The council of Gabrovo decided on Monday to renovate the market hall.",
        "The costs are 4.2 million leva.",
    ];

    fn bead(a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> Bead {
        Bead {
            a,
            b,
            score: 0.5,
            moved: false,
            confidence: 1.0,
        }
    }

    /// The rule's case (a bundled story's relay, "Bestechungsprozess in
    /// Augsburg: …"): the relay's headline merged with its lead against the
    /// source's lead, the source's headline alone beside the merge. The
    /// headlines are linked, the leads stay linked, and the rest is as it
    /// was.
    #[test]
    #[cfg_attr(
        not(feature = "gpl-data"),
        ignore = "needs the German-English dictionary (GPL data)"
    )]
    fn a_headline_merged_into_the_lead_goes_to_its_own_headline() {
        let lexicon = Lexicon::embedded();
        let a = Doc::from_sentences(Lang::De, DE.to_vec());
        let b = Doc::from_sentences(Lang::En, EN.to_vec());
        let mut scorer = calibrated_scorer(&a, &b, &lexicon);
        scorer.condensed = true;
        let beads = vec![
            bead(0..1, 0..0),
            bead(1..2, 0..2),
            bead(2..3, 0..0),
            bead(3..4, 2..3),
        ];
        let out = relink(beads.clone(), &scorer);
        assert_eq!(links(&out), [(0, 0), (1, 1), (3, 2)]);
        assert_eq!(out.len(), 4, "{out:?}");
        // In a full translation the programme's merges stand.
        scorer.condensed = false;
        assert_eq!(links(&relink(beads, &scorer)), [(1, 0), (1, 1), (3, 2)]);
    }
}
