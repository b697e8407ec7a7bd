//! Building the embedded base from the generated files: interning stems,
//! filling the six directed tables, and pivoting bg↔de through English.

use std::collections::{HashMap, HashSet};

use super::embedded;
use super::stem::Stemmer;
use super::{Base, LangData, Source, Table, TermId, direction, fold};
use crate::lang::Lang;

/// An English word with more Bulgarian (or German) translations than this is
/// too ambiguous to pivot through.
const PIVOT_MAX_FANOUT: usize = 6;
/// At most this many pivot translations per word.
const PIVOT_MAX_PER_TERM: usize = 12;

/// Lines of a generated file without comments and blank lines.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

pub(crate) fn embedded_base() -> Base {
    let langs = [Lang::Bg, Lang::De, Lang::En].map(|lang| {
        let li = super::lang_index(lang).unwrap_or(0);
        LangData {
            stems: HashMap::new(),
            stop: data_lines(embedded::STOP[li])
                .map(|w| fold(w.trim()).into())
                .collect(),
            zipf: data_lines(embedded::FREQ[li])
                .filter_map(|l| {
                    let (w, z) = l.split_once('\t')?;
                    Some((w.into(), z.trim().parse().ok()?))
                })
                .collect(),
            lemmas: HashMap::new(),
            stemmer: Stemmer::for_lang(lang, embedded::BULSTEM_RULES),
        }
    });
    let mut builder = Builder {
        langs,
        next: 0,
        pairs: vec![Vec::new(); 6],
    };
    for (text, a, b) in [
        (embedded::EN_BG, 2, 0),
        (embedded::DE_BG, 1, 0),
        (embedded::DE_EN, 1, 2),
    ] {
        for line in data_lines(text) {
            let Some((wa, wb)) = line.split_once('\t') else {
                continue;
            };
            if wa.contains(' ') || wb.contains(' ') {
                continue;
            }
            let ta = builder.intern(a, wa);
            let tb = builder.intern(b, wb);
            builder.pair(a, ta, b, tb, Source::Dictionary);
        }
    }
    builder.finish()
}

struct Builder {
    langs: [LangData; 3],
    next: TermId,
    pairs: Vec<Vec<(TermId, TermId, Source)>>,
}

impl Builder {
    fn intern(&mut self, li: usize, word: &str) -> TermId {
        let data = &mut self.langs[li];
        let stem = data.stemmer.stem(word);
        if let Some(&t) = data.stems.get(&*stem) {
            return t;
        }
        let t = self.next;
        self.next += 1;
        data.stems.insert(stem.into_owned().into(), t);
        t
    }

    fn pair(&mut self, a: usize, ta: TermId, b: usize, tb: TermId, source: Source) {
        for (f, x, t, y) in [(a, ta, b, tb), (b, tb, a, ta)] {
            if let Some(d) = direction(f, t) {
                self.pairs[d].push((x, y, source));
            }
        }
    }

    /// Adds `from → to` pairs through `via` where the direct table is silent
    /// or thin, for the bg↔de gap.
    fn pivot(&mut self, from: usize, via: usize, to: usize, tables: &[Table]) {
        let (Some(first), Some(second), Some(direct)) = (
            direction(from, via),
            direction(via, to),
            direction(from, to),
        ) else {
            return;
        };
        let mut added = Vec::new();
        for term in 0..self.next {
            let known: HashSet<TermId> = tables[direct].get(term).iter().map(|&(t, _)| t).collect();
            let mut found: Vec<TermId> = Vec::new();
            for &(mid, _) in tables[first].get(term) {
                let targets = tables[second].get(mid);
                if targets.len() > PIVOT_MAX_FANOUT {
                    continue;
                }
                for &(t, _) in targets {
                    if !known.contains(&t)
                        && !found.contains(&t)
                        && found.len() < PIVOT_MAX_PER_TERM
                    {
                        found.push(t);
                    }
                }
            }
            added.extend(found.into_iter().map(|t| (term, t)));
        }
        for (x, y) in added {
            self.pair(from, x, to, y, Source::Pivot);
        }
    }

    fn finish(mut self) -> Base {
        let direct = self.tables();
        // bg → de and de → bg through English, from the direct tables only.
        self.pivot(0, 2, 1, &direct);
        self.pivot(1, 2, 0, &direct);
        let tables = self.tables();
        Base {
            langs: self.langs,
            term_count: self.next,
            tables,
        }
    }

    fn tables(&self) -> Vec<Table> {
        self.pairs
            .iter()
            .map(|pairs| {
                let mut sorted = pairs.clone();
                sorted.sort_unstable_by_key(|&(x, y, s)| (x, y, s));
                sorted.dedup_by_key(|&mut (x, y, _)| (x, y));
                let mut offsets = vec![0u32; self.next as usize + 1];
                for &(x, _, _) in &sorted {
                    offsets[x as usize + 1] += 1;
                }
                for i in 1..offsets.len() {
                    offsets[i] += offsets[i - 1];
                }
                Table {
                    offsets,
                    targets: sorted.into_iter().map(|(_, y, s)| (y, s)).collect(),
                }
            })
            .collect()
    }
}
