//! Building the embedded base from the generated files: interning stems,
//! filling the six directed tables, and pivoting bg↔de through English.

use std::collections::{HashMap, HashSet};

use super::embedded;
use super::index::{WordIndex, fnv1a};
use super::stem::Stemmer;
use super::{Base, LangData, Source, Table, TermId, direction, fold};
use crate::lang::Lang;

/// An English word with more Bulgarian (or German) translations than this is
/// too ambiguous to pivot through.
const PIVOT_MAX_FANOUT: usize = 14;
/// At most this many pivot translations per word.
const PIVOT_MAX_PER_TERM: usize = 32;

/// The bilingual files: text, language index of column 1 and of column 2.
fn pair_files() -> [(&'static str, usize, usize); 3] {
    [
        (embedded::EN_BG, 2, 0),
        (embedded::DE_BG, 1, 0),
        (embedded::DE_EN, 1, 2),
    ]
}

/// Lines of a generated file without comments and blank lines.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// Every dictionary headword of a language (with repeats), folded.
pub(crate) fn headwords(li: usize) -> impl Iterator<Item = &'static str> {
    pair_files()
        .into_iter()
        .filter(move |&(_, a, b)| a == li || b == li)
        .flat_map(move |(text, a, _)| {
            data_lines(text).filter_map(move |l| {
                let (x, y) = l.split_once('\t')?;
                Some(if a == li { x } else { y })
            })
        })
}

pub(crate) fn embedded_base() -> Base {
    let stemmers =
        [Lang::Bg, Lang::De, Lang::En].map(|l| Stemmer::for_lang(l, embedded::BULSTEM_RULES));
    let mut builder = Builder {
        stems: Default::default(),
        stemmers,
        next: 0,
        pairs: vec![Vec::new(); 6],
    };
    for (text, a, b) in pair_files() {
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
    for row in data_lines(embedded::CORE).skip_while(|l| l.starts_with("bg\t")) {
        let cells: Vec<Vec<TermId>> = row
            .split('\t')
            .take(3)
            .enumerate()
            .map(|(li, cell)| {
                let mut terms: Vec<TermId> = cell
                    .split(", ")
                    .map(|w| builder.intern(li, w.trim()))
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                terms
            })
            .collect();
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            for &ta in cells.get(a).into_iter().flatten() {
                for &tb in cells.get(b).into_iter().flatten() {
                    builder.pair(a, ta, b, tb, Source::Dictionary);
                }
            }
        }
    }
    builder.finish()
}

struct Builder {
    stems: [HashMap<u64, TermId>; 3],
    stemmers: [Stemmer; 3],
    next: TermId,
    pairs: Vec<Vec<(TermId, TermId, Source)>>,
}

impl Builder {
    fn intern(&mut self, li: usize, word: &str) -> TermId {
        let stem = self.stemmers[li].stem(word);
        let next = &mut self.next;
        *self.stems[li].entry(fnv1a(&stem)).or_insert_with(|| {
            *next += 1;
            *next - 1
        })
    }

    fn pair(&mut self, a: usize, ta: TermId, b: usize, tb: TermId, source: Source) {
        for (f, x, t, y) in [(a, ta, b, tb), (b, tb, a, ta)] {
            if let Some(d) = direction(f, t) {
                self.pairs[d].push((x, y, source));
            }
        }
    }

    /// Adds `from → to` pairs through `via` that the direct table lacks, for
    /// the thin bg↔de dictionary. A target is kept when it is reached
    /// through an unambiguous middle word (few translations), or through two
    /// different middle words, which rarely happens by accident.
    fn pivot(&mut self, from: usize, via: usize, to: usize, tables: &[Table]) {
        let (Some(first), Some(second), Some(direct)) = (
            direction(from, via),
            direction(via, to),
            direction(from, to),
        ) else {
            return;
        };
        let mut added = Vec::new();
        let mut paths: HashMap<TermId, (u32, bool)> = HashMap::new();
        for term in 0..self.next {
            paths.clear();
            for &(mid, _) in tables[first].get(term) {
                let targets = tables[second].get(mid);
                let clear = targets.len() <= PIVOT_MAX_FANOUT;
                for &(t, _) in targets {
                    let e = paths.entry(t).or_insert((0, false));
                    e.0 += 1;
                    e.1 |= clear;
                }
            }
            let known: HashSet<TermId> = tables[direct].get(term).iter().map(|&(t, _)| t).collect();
            let mut found: Vec<(u32, TermId)> = paths
                .iter()
                .filter(|&(t, &(n, clear))| !known.contains(t) && (clear || n >= 2))
                .map(|(&t, &(n, _))| (n, t))
                .collect();
            found.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            found.truncate(PIVOT_MAX_PER_TERM);
            added.extend(found.into_iter().map(|(_, t)| (term, t)));
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
        drop(direct);
        let tables = self.tables();
        self.pairs = Vec::new();
        let Builder {
            stems,
            stemmers,
            next,
            ..
        } = self;
        let mut stems = stems.into_iter();
        let langs = stemmers.map(|stemmer| LangData {
            stems: WordIndex::from_entries(stems.next().unwrap_or_default().into_iter().collect()),
            stop: WordIndex::default(),
            zipf: WordIndex::default(),
            lemmas: WordIndex::default(),
            stemmer,
        });
        let mut base = Base {
            langs,
            term_count: next,
            tables,
        };
        for li in 0..3 {
            let extra = if li == 0 {
                embedded::LEMMAS_BG_HUNSPELL
            } else {
                ""
            };
            let lemmas: Vec<(u64, TermId)> = [embedded::LEMMAS[li], extra]
                .into_iter()
                .flat_map(data_lines)
                .filter_map(|l| {
                    let (form, lemma) = l.split_once('\t')?;
                    let stem = base.langs[li].stemmer.stem(lemma);
                    Some((fnv1a(form), base.langs[li].stems.first(&stem)?))
                })
                .collect();
            let data = &mut base.langs[li];
            data.lemmas = WordIndex::from_entries(lemmas);
            data.stop = WordIndex::from_entries(
                data_lines(embedded::STOP[li])
                    .map(|w| (fnv1a(&fold(w.trim())), ()))
                    .collect(),
            );
            data.zipf = WordIndex::from_entries(
                data_lines(embedded::FREQ[li])
                    .filter_map(|l| {
                        let (w, z) = l.split_once('\t')?;
                        Some((fnv1a(w), z.trim().parse().ok()?))
                    })
                    .collect(),
            );
        }
        base
    }

    fn tables(&mut self) -> Vec<Table> {
        let next = self.next as usize;
        self.pairs
            .iter_mut()
            .map(|pairs| {
                pairs.sort_unstable_by_key(|&(x, y, s)| (x, y, s));
                pairs.dedup_by_key(|&mut (x, y, _)| (x, y));
                let mut offsets = vec![0u32; next + 1];
                for &(x, _, _) in pairs.iter() {
                    offsets[x as usize + 1] += 1;
                }
                for i in 1..offsets.len() {
                    offsets[i] += offsets[i - 1];
                }
                Table {
                    offsets,
                    targets: pairs.iter().map(|&(_, y, s)| (y, s)).collect(),
                }
            })
            .collect()
    }
}
