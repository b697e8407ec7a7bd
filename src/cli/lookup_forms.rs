//! Words for `lookup` to show instead of bare stems: the lexicon keeps
//! translations as stems (`побед`), which read as typos to an editor. For
//! each stem, the most frequent word of the language with that stem (from
//! the frequency lists in `data/lexicon/`, embedded here for `lookup`
//! alone) is shown, and a stem no listed word has keeps a trailing `-`.

use std::collections::HashMap;

use parallax::lang::Lang;
use parallax::lexicon::Lexicon;

const FREQ_BG: &str = include_str!("../../data/lexicon/freq-bg.tsv");
const FREQ_DE: &str = include_str!("../../data/lexicon/freq-de.tsv");
const FREQ_EN: &str = include_str!("../../data/lexicon/freq-en.tsv");

/// The most frequent word of each stem, per language, built on first use.
#[derive(Default)]
pub struct Forms {
    by_lang: HashMap<Lang, HashMap<String, &'static str>>,
}

impl Forms {
    /// The word to show for `stem` in `lang`: its most frequent form, or
    /// the stem marked as one (`пораж-`).
    pub fn show(&mut self, lexicon: &Lexicon, lang: Lang, stem: &str) -> String {
        let table = self.by_lang.entry(lang).or_insert_with(|| {
            let list = match lang {
                Lang::Bg => FREQ_BG,
                Lang::De => FREQ_DE,
                Lang::En => FREQ_EN,
                Lang::Other(_) => "",
            };
            let mut map = HashMap::new();
            // The lists run from the most frequent word down: keep the first.
            for line in list.lines().filter(|l| !l.starts_with('#')) {
                let word = line.split('\t').next().unwrap_or("");
                if !word.is_empty() {
                    map.entry(lexicon.stem(lang, word)).or_insert(word);
                }
            }
            map
        });
        match table.get(stem) {
            Some(word) => (*word).to_string(),
            None => format!("{stem}-"),
        }
    }
}
