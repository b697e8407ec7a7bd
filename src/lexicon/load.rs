//! The embedded base, read from the compiled table (no parsing, no
//! stemming of headwords at start; see [`super::compile`]).

use super::blob::Reader;
use super::index::WordIndex;
use super::stem::Stemmer;
use super::{Base, LangData, Table};

/// The BulStem rules, needed at run time to stem Bulgarian words of the text.
const BULSTEM_RULES: &str = include_str!("../../data/lexicon/bulstem-rules.tsv");

pub(crate) fn embedded_base() -> Base {
    let (mut r, term_count) = Reader::open();
    let langs = [0, 1, 2].map(|li| {
        let stems = WordIndex::from_sorted(r.array(), r.array());
        let stop_keys = r.array::<u64>();
        let units = vec![(); stop_keys.len()];
        let stop = WordIndex::from_sorted(stop_keys, units.into());
        let zipf = WordIndex::from_sorted(r.array(), r.array());
        let lemmas = WordIndex::from_sorted(r.array(), r.array());
        LangData {
            stems,
            stop,
            zipf,
            lemmas,
            stemmer: Stemmer::for_index(li, BULSTEM_RULES),
        }
    });
    let tables = (0..6)
        .map(|_| Table {
            offsets: r.array(),
            targets: r.array(),
            sources: r.array(),
        })
        .collect();
    let names = (r.array(), r.array());
    Base {
        langs,
        term_count,
        tables,
        names,
    }
}
