//! Suggested lexicon lines: when a name or a loaded term is flagged, the
//! flag offers the line that would teach Parallax the two versions' words
//! are equivalents, in the format `--lexicon FILE` reads
//! (`lang_a<TAB>word_a<TAB>lang_b<TAB>word_b`), e.g. `bg<TAB>КЕВР<TAB>en<TAB>EWRC`.
//! An editor who finds the flag is not a change adds the line to a user
//! lexicon, and the next run no longer flags that pair anywhere.

use crate::score::{Flag, Kind};

/// Characters trimmed from the ends of an evidence word.
const TRIM: &[char] = &[
    '"', '\'', '„', '“', '”', '‚', '‘', '’', '«', '»', '(', ')', '[', ']', ',', '.', ';', ':', '!',
    '?',
];

fn words(f: &Flag, lang: crate::Lang) -> Vec<String> {
    f.evidence_in(lang)
        .iter()
        .flat_map(|e| e.text.split_whitespace())
        .map(|w| w.trim_matches(TRIM).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The lexicon lines a flag suggests (source language first): one per
/// word when both versions' evidence has as many words; none for other
/// kinds of flag or evidence that does not pair up.
pub fn lexicon_lines(f: &Flag) -> Vec<String> {
    if !matches!(f.kind, Kind::Name | Kind::LoadedTerm) {
        return Vec::new();
    }
    let (src, tgt) = (words(f, f.source), words(f, f.target));
    if src.is_empty() || src.len() != tgt.len() {
        return Vec::new();
    }
    src.iter()
        .zip(&tgt)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| format!("{}\t{a}\t{}\t{b}", f.source, f.target))
        .collect()
}
