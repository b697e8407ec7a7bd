//! The catalogue of scoring rules. Every flag names the rule that made it
//! (the `rule` column of `flags.csv`). Each rule has an ID, the kind of flag
//! it makes, how strongly it holds its finding, the words of its message,
//! and a reason with an example; the detectors that apply them sit beside
//! (`numbers`, `names`, `polarity`, `scales`, `hedges`, `quotes`,
//! `content`), and `benches/results/rules.csv` measures each one: how often
//! it fires on faithful translation and how often it is right. Severity is
//! decided from these facts in one place ([`super::severity`]).
//!
//! IDs: `N` numbers, `NM` names, `NEG` polarity, `SC` wording on a scale,
//! `H` hedges and attribution, `MOD` modality, `Q` quotes, `A`/`O` words
//! added or omitted, `S` whole sentences, `M` meaning, `T` time words.

use super::flag::Kind;

/// How strongly a rule holds its finding, which [`super::severity`] turns
/// into a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    /// A change of fact: a number's value, polarity, a replaced name, a
    /// dropped hedge, a loaded term or intensification.
    Strong,
    /// Something added or dropped that may matter: an added hedge, a
    /// softened word, a quote turned into paraphrase, a dropped number.
    Moderate,
    /// Wording added or dropped with no claim in it.
    Light,
    /// Context for the reader, never a change by itself: a condensed relay,
    /// a moved passage.
    Note,
}

/// One rule.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub kind: Kind,
    pub weight: Weight,
    /// What the message says the target did: "changes the number".
    pub verb: &'static str,
    pub reason: &'static str,
    pub example: &'static str,
}

macro_rules! rules {
    ($($name:ident: $id:literal, $kind:ident, $weight:ident, $verb:literal,
       $reason:literal, $example:literal;)*) => {
        $(
            #[doc = concat!("`", $id, "`: ", $reason, " ", $example)]
            pub static $name: Rule = Rule {
                id: $id,
                kind: Kind::$kind,
                weight: Weight::$weight,
                verb: $verb,
                reason: $reason,
                example: $example,
            };
        )*
        /// Every rule, in catalogue order.
        pub static ALL: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    N1: "N1", Number, Strong, "changes the number",
        "Both sides have a number the other does not explain, after notation (decimal marks, words, scales, clock times, ranges) is accounted for: a value changed.",
        "1,4 млрд. → 14 billion";
    N2: "N2", Number, Strong, "adds the number",
        "The target has a number in digits the source has no value for; spelled-out small numbers are often idiom (\"one of\") and do not count.",
        "„viele Schiffe“ → \"40 ships\"";
    N3: "N3", Number, Moderate, "drops the number",
        "The source has a number in digits the target leaves out: the fact is vaguer, not changed.",
        "„2,1 Mrd. Dollar“ → \"debt\"";
    N4: "N4", Number, Note, "converts the unit",
        "A number on each side that one unit converts into the other within rounding: the same measure, another unit.",
        "94 mph → 151 km/h";
    NM1: "NM1", Name, Strong, "replaces the name",
        "Both sides have a name the other does not link to by spelling, transliteration or the lexicon, in a row that otherwise corresponds.",
        "„Bojko Borissow“ → \"Rumen Radev\"";
    NM2: "NM2", Name, Strong, "adds the name",
        "The target names someone or something the source does not, and the source leaves nothing unexplained that could be that name.",
        "\"the minister said\" → \"Minister Petrov said\"";
    NM3: "NM3", Name, Moderate, "drops the name",
        "The source has a name the target leaves out, with nothing open on the target side that could render it.",
        "„laut Bürgermeister Kühn“ → \"the mayor said\"";
    NM4: "NM4", Name, Strong, "replaces the name",
        "The target has a name where the source leaves a capitalised place or body unexplained: the name replaced it.",
        "„Spanien“ → \"Portugal\"";
    NEG1: "NEG1", Negation, Strong, "adds a negation",
        "The target's clause is negated and the source's is not, with no word negative in itself (failed, unable, kostenlos) that carries the polarity.",
        "„stimmte zu“ → \"did not agree\"";
    NEG2: "NEG2", Negation, Strong, "drops the negation",
        "The source's clause is negated and the target's is not, with no word negative in itself that carries the polarity.",
        "„не е одобрен“ → \"was approved\"";
    NEG3: "NEG3", Negation, Strong, "turns into its opposite",
        "The target has one side of an antonym pair where the source has the other.",
        "„stieg“ → \"fell\"";
    NEG4: "NEG4", Negation, Strong, "answers the opposite",
        "A short answer opening the sentence is yes on one side and no on the other: an interview answer flipped.",
        "\"Yes.\" → „Nein.“";
    T1: "T1", Number, Strong, "changes the time",
        "A day of the week, a month or a season standing on its own differs, in a row that corresponds: the story happens at another time.",
        "„im Frühjahr“ → \"in autumn\"";
    SC1: "SC1", LoadedTerm, Strong, "uses the loaded label",
        "A framing label moved up its stance scale to a loaded one.",
        "„Regierung“ → \"regime\"";
    SC2: "SC2", Intensified, Strong, "intensifies",
        "A word moved two or more levels up its intensity scale (on the size scale, from its second level or higher).",
        "„Niederlage“ → „катастрофа“";
    SC6: "SC6", Intensified, Moderate, "intensifies",
        "A word moved one level up its intensity scale into loaded wording, or any distance up from the size scale's first level (the language's default degree word: big, groß, голям): stronger, but often the target language's usual collocation (große Vielfalt / vast variety, große Schäden / massive damage), so it counts less than a wide move.",
        "„zahlreiche Minister“ → \"countless ministers\"";
    SC3: "SC3", Softened, Moderate, "softens",
        "A word moved two or more levels down its intensity scale, or out of loaded wording.",
        "„Massaker“ → \"incident\"";
    SC4: "SC4", LoadedTerm, Strong, "adds the loaded term",
        "A loaded word with no counterpart: the source has nothing unexplained where it would stand (its neighbours' counterparts side by side), or in all of the clause.",
        "\"the festival\" → „скандалния фестивал“";
    SC5: "SC5", Softened, Moderate, "drops the loaded word",
        "A loaded source word the target leaves out, with nothing open that could render it.",
        "„brutaler Angriff“ → \"attack\"";
    H1: "H1", Hedge, Strong, "makes certain",
        "A word moved up the certainty scale: what was possible became likely or sure.",
        "„möglicherweise“ → \"certainly\"";
    H2: "H2", Hedge, Strong, "turns a neutral report into",
        "A neutral reporting verb became a loaded one.",
        "„sagte“ → \"admitted\"";
    H3: "H3", Hedge, Moderate, "hedges",
        "A word moved down the certainty scale.",
        "\"will\" → \"might\"";
    H4: "H4", Hedge, Strong, "drops the hedge",
        "The source hedges a clause and the target has no hedge, modal or attribution construction for it.",
        "„angeblich“ dropped";
    H5: "H5", Hedge, Strong, "drops the attribution",
        "The source says who claims it and the target states it as fact, with no attribution or reported speech of its own.",
        "„laut Polizei“ dropped";
    H6: "H6", Hedge, Moderate, "adds the hedge",
        "The target hedges a clause the source states plainly.",
        "\"the plan failed\" → „планът вероятно се провали“";
    H7: "H7", Hedge, Moderate, "adds the attribution",
        "The target attributes to someone what the source states plainly.",
        "\"prices rose\" → „според синдиката цените са се повишили“";
    H8: "H8", Hedge, Strong, "turns the answer certain",
        "A short answer that only held something possible (possibly, vielleicht, може би) is a plain yes or no on the target.",
        "\"Possibly.\" → „Ja.“";
    H9: "H9", Hedge, Moderate, "turns the answer uncertain",
        "A plain yes or no on the source is only a possibility on the target.",
        "„Да.“ → \"Perhaps.\"";
    MOD1: "MOD1", Hedge, Strong, "hardens the modal",
        "The source's clause holds something possible (could, könnte, може да); the target's rendering has no such modal or hedge, and says it will be (will, wird, ще).",
        "„könnte steigen“ → \"will rise\"";
    MOD2: "MOD2", Hedge, Moderate, "softens the modal",
        "The source says something will be; the target's rendering only holds it possible, with a weak modal the source has nowhere in the clause.",
        "„ще поскъпне“ → \"could rise\"";
    MOD3: "MOD3", Hedge, Moderate, "hardens the modal",
        "The source's clause says something can be (can, kann, може); the target's rendering has no modal or hedge, and says it will be. Weaker than MOD1: 'can' often states ability, which a future may render freely.",
        "„Die Preise können steigen“ → \"Prices will rise\"";
    Q1: "Q1", Quote, Moderate, "turns the quote into paraphrase",
        "The source quotes at least a few words and the target quotes nothing in the row.",
        "„„Wir sind bereit“, sagte sie“ → \"she said they were ready\"";
    Q2: "Q2", Quote, Light, "quotes what the source paraphrased",
        "The target quotes words the source only reported.",
        "\"she said they were ready\" → \"\"We are ready,\" she said\"";
    Q3: "Q3", Quote, Strong, "changes the words of the quote",
        "Both sides quote, and less than half of each quote's content is explained by the other.",
        "„„ein Fehler““ → \"\"a disaster\"\"";
    A1: "A1", Addition, Light, "adds",
        "Salient words only the target has, while the source leaves next to nothing unexplained.",
        "\"the bridge\" → \"the new bridge\"";
    A2: "A2", Addition, Moderate, "adds",
        "A clause (three or more salient words in a run) only the target has.",
        "\"+ which the opposition had demanded for years\"";
    A3: "A3", Addition, Moderate, "adds to the row",
        "The target runs far longer than a translation of the source would (over 1/`short_row` of the expected length, and `short_row_missing` characters or more beyond it), with three or more salient words only the target has, while the source leaves next to nothing unexplained: a clause or a sentence added and merged into its neighbour's row.",
        "\"Near Bodmin, the A30 was closed …\" → \"Die Inseln sind damit vom Festland abgeschnitten. Bei Bodmin war die A30 … gesperrt …\"";
    O1: "O1", Omission, Light, "drops",
        "Salient words only the source has, while the target leaves next to nothing unexplained.",
        "\"the new bridge\" → \"the bridge\"";
    O2: "O2", Omission, Moderate, "drops",
        "A clause (three or more salient words in a run) the target leaves out.",
        "\"− after months of talks with the unions\"";
    O3: "O3", Omission, Moderate, "leaves out part of the row, dropping",
        "The target runs far shorter than a translation of the source would (below `short_row` of the expected length, and `short_row_missing` characters or more short of it), and the source leaves salient words unexplained that the target does not match: a clause or a merged sentence left out.",
        "\"… police announced Friday. The suspect is charged with two counts …\" → \"…, gab die Polizei bekannt.\"";
    S1: "S1", AddedSentence, Light, "adds a sentence",
        "A target sentence with no counterpart in the source.",
        "a closing sentence the relay wrote itself";
    S2: "S2", OmittedSentence, Light, "omits a sentence",
        "A source sentence with no counterpart in the target, in a relay that is not condensed; at most minor when the step leaves out two or more (an abridged relay: an editor's cuts).",
        "a paragraph's second sentence left out";
    S3: "S3", OmittedSentence, Note, "is condensed",
        "A relay that keeps less than two thirds of its source leaves sentences out on purpose: one note for the condensation, not a flag per sentence.",
        "en keeps 13 of 30 sentences";
    S4: "S4", Moved, Note, "moved this passage",
        "A passage the relay moved elsewhere: one note, not an addition and an omission.",
        "the closing quote became the lead";
    M1: "M1", Meaning, Strong, "says something else",
        "A row whose sentences correspond far less than the document's true pairs do, with no more specific finding to say why.",
        "a sentence rewritten around another claim";
    M2: "M2", Meaning, Strong, "is not a translation",
        "Two versions whose rows share too few words to be translations of each other: one note for the pair, no row flags.",
        "two articles on the same event";
}

/// A rule by its ID.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_rule_explains_itself() {
        for (k, r) in ALL.iter().enumerate() {
            assert!(
                ALL[..k].iter().all(|q| q.id != r.id),
                "{} listed twice",
                r.id
            );
            assert!(r.reason.len() > 20 && !r.example.is_empty(), "{}", r.id);
            assert_eq!(by_id(r.id), Some(*r));
        }
    }
}
