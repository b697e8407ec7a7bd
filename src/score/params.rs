//! The tunable values of scoring, in one place, like
//! [`crate::align::Params`] for the aligner. Each value says what it is for
//! and why it has its default; `parallax-eval divergence --set NAME=VALUE`
//! and `compare --set` change one for a calibration run. Word lists are
//! data, not values: they live in `data/score/` (`score::words`).

/// The tunable values of scoring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// A row whose rescaled similarity (0 = a typical non-pair of the
    /// document, 1 = a typical true pair) is below this says something else
    /// (rule M1).
    pub meaning_below: f32,
    /// A replacement claim (a name replaced, a number changed, polarity
    /// flipped, a quote's words changed) needs the rest of the row to
    /// correspond: its rescaled similarity, without the words the claim is
    /// about, at least this. Two sentences that are not translations of each
    /// other have no names to compare.
    pub claim_gate: f32,
    /// A claim on a row whose links the pair's alignment is less sure of
    /// than this (`align::Bead::confidence`: below about 0.5 a link rests on
    /// position alone, or on barely more than non-pairs share) is one level
    /// milder, down to minor.
    pub claim_confidence: f32,
    /// Versions whose rows share less than this (the median similarity of
    /// the rows both have) are not translations of each other (rule M2).
    pub unrelated_below: f32,
    /// …judged on at least this many rows.
    pub unrelated_min_rows: usize,
    /// A relay source needs at least this many sentences before leaving
    /// some out counts as condensing it (rule S3).
    pub condensed_min_sentences: usize,
    /// A relay step that leaves out at least this many of its source's
    /// sentences (but keeps too many to be condensed) abridges it: each
    /// sentence left out is an editor's cut, at most `minor`. A single
    /// sentence missing from an otherwise whole translation stays `major`
    /// when it carries a claim. Two: one cut can be a slip, two are a choice.
    pub abridged_min_dropped: usize,
    /// A quote has at least this many content words: a quoted name or title
    /// („Св. Петър“) is not anyone's words.
    pub quote_words: usize,
    /// A quote whose content the other side explains less than this is
    /// changed; a faithful translation of a quote explains most of it,
    /// however freely worded.
    pub quote_cover: f32,
    /// A word counts as salient content when its weight (from its
    /// frequency: 0.25 for the most frequent, 2.0 for rare) is at least this.
    pub salient: f32,
    /// Unexplained salient weight on one side that makes an addition or an
    /// omission (one rare word, or two ordinary ones)…
    pub open_weight: f32,
    /// …when the other side's unexplained weight is at most this share of it.
    pub other_side_share: f32,
    /// A run of this many unexplained content words is a clause, not a word.
    pub clause_words: usize,
    /// A row whose target has less than this share of the length a
    /// translation of its source would have, with source words left
    /// unexplained, lost part of its content (O3). On FLORES-200, 0.2-0.6 %
    /// of sentence pairs run this short.
    pub short_row: f32,
    /// O3 judges rows whose source has at least this many characters: the
    /// length of a short sentence says little.
    pub short_row_chars: usize,
    /// ... and the target lacks at least this many characters of what a
    /// translation would have: a clause, not a terser wording ("took over"
    /// for „die Nachfolge angetreten“).
    pub short_row_missing: usize,
    /// A pair's expected length ratio is the median of its one-to-one rows
    /// when it has at least this many, else the languages' prior.
    pub length_rows: usize,
    /// Credit in the row similarity for a token explained only softly (a
    /// learned translation, or through the third version).
    pub soft_credit: f32,
    /// How far a flag of each severity moves a row's divergence beyond its
    /// share of unexplained words (critical, major, minor; info moves none).
    pub pull_critical: f32,
    pub pull_major: f32,
    pub pull_minor: f32,
    /// At most this many characters of evidence in a message.
    pub message_chars: usize,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            meaning_below: 0.25,
            claim_gate: 0.25,
            claim_confidence: 0.5,
            unrelated_below: 0.3,
            unrelated_min_rows: 3,
            condensed_min_sentences: 5,
            abridged_min_dropped: 2,
            quote_words: 4,
            quote_cover: 0.5,
            salient: 0.6,
            open_weight: 1.0,
            other_side_share: 0.25,
            clause_words: 3,
            short_row: 0.7,
            short_row_chars: 40,
            short_row_missing: 30,
            length_rows: 5,
            soft_credit: 0.8,
            pull_critical: 0.6,
            pull_major: 0.4,
            pull_minor: 0.15,
            message_chars: 80,
        }
    }
}

impl Params {
    /// The names [`Params::set`] takes.
    pub const NAMES: &'static [&'static str] = &[
        "meaning_below",
        "claim_gate",
        "claim_confidence",
        "unrelated_below",
        "unrelated_min_rows",
        "condensed_min_sentences",
        "abridged_min_dropped",
        "quote_words",
        "quote_cover",
        "salient",
        "open_weight",
        "other_side_share",
        "clause_words",
        "short_row",
        "short_row_chars",
        "short_row_missing",
        "length_rows",
        "soft_credit",
        "pull_critical",
        "pull_major",
        "pull_minor",
        "message_chars",
    ];

    /// Sets one value by name (`claim_gate=0.2`); counts take whole numbers.
    pub fn set(&mut self, name: &str, value: f32) -> Result<(), String> {
        let count = |v: f32| -> Result<usize, String> {
            if v >= 0.0 && v.fract() == 0.0 {
                Ok(v as usize)
            } else {
                Err(format!("{name} takes a whole number, not {v}"))
            }
        };
        match name {
            "meaning_below" => self.meaning_below = value,
            "claim_gate" => self.claim_gate = value,
            "claim_confidence" => self.claim_confidence = value,
            "unrelated_below" => self.unrelated_below = value,
            "unrelated_min_rows" => self.unrelated_min_rows = count(value)?,
            "condensed_min_sentences" => self.condensed_min_sentences = count(value)?,
            "abridged_min_dropped" => self.abridged_min_dropped = count(value)?,
            "quote_words" => self.quote_words = count(value)?,
            "quote_cover" => self.quote_cover = value,
            "salient" => self.salient = value,
            "open_weight" => self.open_weight = value,
            "other_side_share" => self.other_side_share = value,
            "clause_words" => self.clause_words = count(value)?,
            "short_row" => self.short_row = value,
            "short_row_chars" => self.short_row_chars = count(value)?,
            "short_row_missing" => self.short_row_missing = count(value)?,
            "length_rows" => self.length_rows = count(value)?,
            "soft_credit" => self.soft_credit = value,
            "pull_critical" => self.pull_critical = value,
            "pull_major" => self.pull_major = value,
            "pull_minor" => self.pull_minor = value,
            "message_chars" => self.message_chars = count(value)?,
            _ => {
                return Err(format!(
                    "unknown scoring parameter {name:?} (known: {})",
                    Params::NAMES.join(", ")
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_can_be_set_and_others_are_refused() {
        for name in Params::NAMES {
            let mut p = Params::default();
            p.set(name, 7.0).unwrap();
            assert_ne!(p, Params::default(), "{name} changed nothing");
        }
        let mut p = Params::default();
        assert!(p.set("skip", 0.5).unwrap_err().contains("unknown"));
        assert!(p.set("quote_words", 2.5).unwrap_err().contains("whole"));
    }
}
