//! Compiling the lexicon files into one binary table, at build time.
//!
//! `build.rs` includes this module (with `fold`, `stem` and `index`) and runs
//! it over `data/lexicon/`, so stemming a million headwords, pivoting and
//! sorting happen once per build, not at every start: at run time the table
//! is used in place (`super::blob`). The module only uses `std`, the
//! stemmers and its three sibling modules, so both the library and the build
//! script can compile it.
//!
//! Layout (little-endian): the magic `PLXLEX01`, the term count (u64), then
//! arrays, each a u64 length followed by its items, padded to 8 bytes: per
//! language (bg, de, en) stem keys (u64) and terms (u32), stop-word keys
//! (u64), frequency keys (u64) and Zipf×100 (u16), lemma keys (u64) and terms
//! (u32); then per direction (bg→de, bg→en, de→bg, de→en, en→bg, en→de) row
//! offsets (u32), targets (u32) and sources (u8: 1 dictionary, 2 pivot);
//! last, each term's stem spelled out (offsets u32, UTF-8 bytes), for
//! inspection.

use std::collections::{HashMap, HashSet};

use super::fold::fold;
use super::stem::Stemmer;
use crate::hash::fnv1a;

pub const MAGIC: &[u8; 8] = b"PLXLEX01";
pub const SOURCE_DICTIONARY: u8 = 1;
/// Pivot entries have source bytes from this on: `SOURCE_PIVOT + k` for a
/// worth of about `k / 1000` (see [`pivot_source`]).
pub const SOURCE_PIVOT: u8 = 2;

/// The source byte of a pivot entry of worth `w`.
pub fn pivot_source(w: f64) -> u8 {
    SOURCE_PIVOT
        + (w * 1000.0)
            .round()
            .clamp(0.0, (u8::MAX - SOURCE_PIVOT) as f64) as u8
}

/// The worth of a pivot entry from its source byte.
pub fn pivot_worth(source: u8) -> f64 {
    source.saturating_sub(SOURCE_PIVOT) as f64 / 1000.0
}

/// Pivot pairs worth less than this are not kept. Measured on FLORES bg-de
/// (with a diagnostic not kept in the repository; `parallax-eval lexicon`
/// and the mismatched-pair control of `parallax-eval alignment` show the
/// same trend): at 0.005 the pivot explains 2.4 % of the content
/// weight of sentence pairs that are not translations (3.1 % with the old
/// rule: an unambiguous middle word or two paths) and 12.0 % of true pairs'
/// (12.6 %); the separation of true pairs from their neighbours is the
/// same (AUC 0.9956 against 0.9954), and so is alignment on the relay sets.
/// Higher floors cost true pairs more than they save (0.01: 8.8 % and
/// 1.1 %; 0.02: 5.4 % and 0.3 %, with more alignment errors).
const PIVOT_MIN_WORTH: f64 = 0.005;

/// An English word with more Bulgarian (or German) translations than this is
/// too ambiguous to pivot through at all.
const PIVOT_MAX_FANOUT: usize = 40;
/// At most this many pivot translations per word.
const PIVOT_MAX_PER_TERM: usize = 32;

/// The texts of the lexicon files.
pub struct Sources<'a> {
    pub en_bg: &'a str,
    pub de_bg: &'a str,
    /// Empty when the GPL data is left out.
    pub de_en: &'a str,
    pub core: &'a str,
    pub bulstem_rules: &'a str,
    /// Per language (bg, de, en).
    pub freq: [&'a str; 3],
    pub stop: [&'a str; 3],
    pub lemmas: [&'a str; 3],
    /// Extra Bulgarian lemmas (hunspell-bg), or empty.
    pub lemmas_bg_extra: &'a str,
}

/// Index of the directed table `from → to` among the six.
pub fn direction(from: usize, to: usize) -> Option<usize> {
    (from != to && from < 3 && to < 3).then(|| from * 2 + if to > from { to - 1 } else { to })
}

/// Lines of a data file without comments and blank lines.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// Builds the binary table.
pub fn compile(src: &Sources) -> Vec<u8> {
    let mut b = Builder {
        names: Vec::new(),
        stems: Default::default(),
        stemmers: [0, 1, 2].map(|li| Stemmer::for_index(li, src.bulstem_rules)),
        next: 0,
        pairs: vec![Vec::new(); 6],
    };
    for (text, x, y) in [(src.en_bg, 2, 0), (src.de_bg, 1, 0), (src.de_en, 1, 2)] {
        for line in data_lines(text) {
            let Some((wa, wb)) = line.split_once('\t') else {
                continue;
            };
            if wa.contains(' ') || wb.contains(' ') {
                continue;
            }
            let (ta, tb) = (b.intern(x, wa), b.intern(y, wb));
            b.pair(x, ta, y, tb, SOURCE_DICTIONARY);
        }
    }
    for row in data_lines(src.core).filter(|l| !l.starts_with("bg\t")) {
        let cells: Vec<Vec<u32>> = row
            .split('\t')
            .take(3)
            .enumerate()
            .map(|(li, cell)| {
                let mut terms: Vec<u32> =
                    cell.split(", ").map(|w| b.intern(li, w.trim())).collect();
                terms.sort_unstable();
                terms.dedup();
                terms
            })
            .collect();
        for (x, y) in [(0, 1), (0, 2), (1, 2)] {
            for &ta in cells.get(x).into_iter().flatten() {
                for &tb in cells.get(y).into_iter().flatten() {
                    b.pair(x, ta, y, tb, SOURCE_DICTIONARY);
                }
            }
        }
    }
    let direct = b.tables();
    // A pivot pair is kept when both directions agree on it: it is among
    // the best of the Bulgarian word's pivot translations and among the
    // German word's.
    let forward = b.pivot(0, 2, 1, &direct);
    let backward: HashMap<(u32, u32), f64> = b
        .pivot(1, 2, 0, &direct)
        .into_iter()
        .map(|(d, bg, w)| ((bg, d), w))
        .collect();
    for (bg, d, w) in forward {
        if backward.contains_key(&(bg, d)) {
            b.pair(0, bg, 1, d, pivot_source(w));
        }
    }
    let tables = b.tables();
    let mut out = Writer(Vec::new());
    out.0.extend_from_slice(MAGIC);
    out.u64(b.next as u64);
    for li in 0..3 {
        let mut stems: Vec<(u64, u32)> = b.stems[li].iter().map(|(&k, &v)| (k, v)).collect();
        stems.sort_unstable();
        out.pairs_u32(&stems);
        let mut stop: Vec<u64> = data_lines(src.stop[li])
            .map(|w| fnv1a(&fold(w.trim())))
            .collect();
        stop.sort_unstable();
        stop.dedup();
        out.array(&stop, |w, &k| w.extend_from_slice(&k.to_le_bytes()));
        let mut zipf: Vec<(u64, u16)> = data_lines(src.freq[li])
            .filter_map(|l| {
                let (w, z) = l.split_once('\t')?;
                Some((fnv1a(w), z.trim().parse().ok()?))
            })
            .collect();
        zipf.sort_unstable();
        zipf.dedup_by_key(|e| e.0);
        out.array(&zipf.iter().map(|e| e.0).collect::<Vec<_>>(), |w, &k| {
            w.extend_from_slice(&k.to_le_bytes())
        });
        out.array(&zipf.iter().map(|e| e.1).collect::<Vec<_>>(), |w, &v| {
            w.extend_from_slice(&v.to_le_bytes())
        });
        let extra = if li == 0 { src.lemmas_bg_extra } else { "" };
        let mut lemmas: Vec<(u64, u32)> = [src.lemmas[li], extra]
            .into_iter()
            .flat_map(data_lines)
            .filter_map(|l| {
                let (form, lemma) = l.split_once('\t')?;
                let stem = b.stemmers[li].stem(lemma);
                Some((fnv1a(form), *b.stems[li].get(&fnv1a(&stem))?))
            })
            .collect();
        lemmas.sort_unstable();
        lemmas.dedup();
        out.pairs_u32(&lemmas);
    }
    for t in &tables {
        out.array(&t.0, |w, &o| w.extend_from_slice(&o.to_le_bytes()));
        out.array(&t.1.iter().map(|e| e.0).collect::<Vec<_>>(), |w, &v| {
            w.extend_from_slice(&v.to_le_bytes())
        });
        out.array(&t.1.iter().map(|e| e.1).collect::<Vec<_>>(), |w, &s| {
            w.push(s)
        });
    }
    let mut offsets = vec![0u32];
    let mut bytes = Vec::new();
    for name in &b.names {
        bytes.extend_from_slice(name.as_bytes());
        offsets.push(bytes.len() as u32);
    }
    out.array(&offsets, |w, &o| w.extend_from_slice(&o.to_le_bytes()));
    out.array(&bytes, |w, &c| w.push(c));
    out.0
}

struct Writer(Vec<u8>);

impl Writer {
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn array<T>(&mut self, items: &[T], mut put: impl FnMut(&mut Vec<u8>, &T)) {
        self.u64(items.len() as u64);
        for it in items {
            put(&mut self.0, it);
        }
        while !self.0.len().is_multiple_of(8) {
            self.0.push(0);
        }
    }

    fn pairs_u32(&mut self, pairs: &[(u64, u32)]) {
        self.array(&pairs.iter().map(|e| e.0).collect::<Vec<_>>(), |w, &k| {
            w.extend_from_slice(&k.to_le_bytes())
        });
        self.array(&pairs.iter().map(|e| e.1).collect::<Vec<_>>(), |w, &v| {
            w.extend_from_slice(&v.to_le_bytes())
        });
    }
}

/// A table: row offsets and (target, source) entries.
type RawTable = (Vec<u32>, Vec<(u32, u8)>);

struct Builder {
    /// Each term's stem, by term id.
    names: Vec<String>,
    stems: [HashMap<u64, u32>; 3],
    stemmers: [Stemmer; 3],
    next: u32,
    pairs: Vec<Vec<(u32, u32, u8)>>,
}

impl Builder {
    fn intern(&mut self, li: usize, word: &str) -> u32 {
        let stem = self.stemmers[li].stem(word);
        let key = fnv1a(&stem);
        if let Some(&t) = self.stems[li].get(&key) {
            return t;
        }
        let t = self.next;
        self.next += 1;
        self.stems[li].insert(key, t);
        self.names.push(stem.into_owned());
        t
    }

    fn pair(&mut self, a: usize, ta: u32, b: usize, tb: u32, source: u8) {
        for (f, x, t, y) in [(a, ta, b, tb), (b, tb, a, ta)] {
            if let Some(d) = direction(f, t) {
                self.pairs[d].push((x, y, source));
            }
        }
    }

    /// Adds `from → to` pairs through `via` that the direct table lacks, for
    /// the thin bg↔de dictionary, each with its worth: the probability of
    /// the pair through the middle language in the direction it is weaker
    /// in, every sense of a word equally likely,
    /// `min(Σ_e p(e|x)·p(y|e), Σ_e p(e|y)·p(x|e))` over the middle words `e`
    /// both translate to. A pair reached through an ambiguous middle word
    /// (one with many translations), or from a word with many senses, is
    /// worth little; one both directions agree on through an unambiguous
    /// word is worth much. Returns, per word, its best pairs (at most
    /// [`PIVOT_MAX_PER_TERM`], none worth less than [`PIVOT_MIN_WORTH`]),
    /// as (from term, to term, worth); the worth goes into the source byte
    /// (see [`pivot_source`]).
    fn pivot(
        &mut self,
        from: usize,
        via: usize,
        to: usize,
        tables: &[RawTable],
    ) -> Vec<(u32, u32, f64)> {
        let (Some(first), Some(second), Some(back), Some(up), Some(direct)) = (
            direction(from, via),
            direction(via, to),
            direction(to, via),
            direction(via, from),
            direction(from, to),
        ) else {
            return Vec::new();
        };
        fn row(t: &RawTable, term: u32) -> &[(u32, u8)] {
            let (a, b) = (t.0[term as usize] as usize, t.0[term as usize + 1] as usize);
            &t.1[a..b]
        }
        let fanout = |t: &RawTable, term: u32| row(t, term).len().max(1) as f64;
        let mut added = Vec::new();
        // Per target: the probability from `term` to it, and the middle words.
        let mut paths: HashMap<u32, (f64, Vec<u32>)> = HashMap::new();
        for term in 0..self.next {
            paths.clear();
            let senses = fanout(&tables[first], term);
            for &(mid, _) in row(&tables[first], term) {
                let targets = row(&tables[second], mid);
                if targets.len() > PIVOT_MAX_FANOUT {
                    continue;
                }
                for &(t, _) in targets {
                    let e = paths.entry(t).or_insert((0.0, Vec::new()));
                    e.0 += 1.0 / (senses * targets.len() as f64);
                    e.1.push(mid);
                }
            }
            let known: HashSet<u32> = row(&tables[direct], term).iter().map(|e| e.0).collect();
            let mut found: Vec<(f64, u32)> = paths
                .iter()
                .filter(|(t, _)| !known.contains(t))
                .map(|(&t, (forward, mids))| {
                    // The way back: from the target through the same middle
                    // words to `term`.
                    let senses_back = fanout(&tables[back], t);
                    let backward: f64 = mids
                        .iter()
                        .map(|&m| 1.0 / (senses_back * fanout(&tables[up], m)))
                        .sum();
                    (forward.min(backward), t)
                })
                .filter(|&(worth, _)| worth >= PIVOT_MIN_WORTH)
                .collect();
            found.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            found.truncate(PIVOT_MAX_PER_TERM);
            added.extend(found.into_iter().map(|(w, t)| (term, t, w)));
        }
        added
    }

    fn tables(&mut self) -> Vec<RawTable> {
        let next = self.next as usize;
        self.pairs
            .iter_mut()
            .map(|pairs| {
                pairs.sort_unstable();
                pairs.dedup_by_key(|&mut (x, y, _)| (x, y));
                let mut offsets = vec![0u32; next + 1];
                for &(x, _, _) in pairs.iter() {
                    offsets[x as usize + 1] += 1;
                }
                for i in 1..offsets.len() {
                    offsets[i] += offsets[i - 1];
                }
                (offsets, pairs.iter().map(|&(_, y, s)| (y, s)).collect())
            })
            .collect()
    }
}
