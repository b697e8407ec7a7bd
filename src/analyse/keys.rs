//! Keys: one `u64` per piece of evidence. The top byte is the channel, the
//! rest the value: a term id, or a 56-bit FNV-1a hash of a canonical string
//! (name key, number value, date, surface form). Hashing keeps analysis free
//! of shared mutable state, so sentences can be analysed in parallel and the
//! result is the same at any thread count.

use crate::hash::fnv1a_56;
use crate::lexicon::{Source, TermId};

/// How a token came to be explained by a token on the other side, strongest
/// evidence first (a pair explained several ways keeps the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum How {
    /// A user lexicon entry.
    User,
    /// The embedded dictionaries, after lemmatising and stemming.
    Dictionary,
    /// Two dictionary steps through English.
    Pivot,
    /// Learned from the input during this run.
    Learned,
    /// A part of a German compound.
    Compound,
    /// The same number, amount, percentage or date.
    Number,
    /// The same string on both sides.
    Identical,
    /// A name matched across scripts.
    Name,
    /// A word of the same origin, matched by its consonants across scripts.
    Cognate,
}

impl From<Source> for How {
    fn from(s: Source) -> How {
        match s {
            Source::User => How::User,
            Source::Dictionary => How::Dictionary,
            Source::Pivot => How::Pivot,
            Source::Learned => How::Learned,
        }
    }
}

impl How {
    pub fn label(&self) -> &'static str {
        match self {
            How::User => "user",
            How::Dictionary => "lexicon",
            How::Pivot => "pivot",
            How::Learned => "learned",
            How::Compound => "compound",
            How::Name => "name",
            How::Cognate => "cognate",
            How::Number => "number",
            How::Identical => "identical",
        }
    }
}

/// A channel-tagged evidence key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(pub u64);

const TERM: u64 = 1;
const SURFACE: u64 = 2;
const NAME: u64 = 3;
const QUANTITY: u64 = 4;
const PREFIX: u64 = 5;
const LEARNED: u64 = 6;

impl Key {
    pub fn term(t: TermId) -> Key {
        Key(TERM << 56 | t as u64)
    }
    pub fn surface(folded: &str) -> Key {
        Key(SURFACE << 56 | fnv1a_56(folded))
    }
    pub fn name(consonants: &str) -> Key {
        Key(NAME << 56 | fnv1a_56(consonants))
    }
    /// The first letters of a long word, for cognates.
    pub fn prefix(letters: &str) -> Key {
        Key(PREFIX << 56 | fnv1a_56(letters))
    }
    /// A stem (by its hash) in a translation learned within a story.
    pub fn learned(stem_hash: u64) -> Key {
        Key(LEARNED << 56 | (stem_hash ^ (stem_hash >> 56)) & ((1 << 56) - 1))
    }
    /// A number ("3500000000", "25%") or date ("2025-02-22", "--02-22").
    pub fn quantity(canonical: &str) -> Key {
        Key(QUANTITY << 56 | fnv1a_56(canonical))
    }
}

/// A key held by one token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyRef {
    pub key: Key,
    pub token: u32,
    pub how: How,
}

impl KeyRef {
    pub fn new(key: Key, token: u32, how: How) -> KeyRef {
        KeyRef { key, token, how }
    }
}

/// The order keys are sorted in, as one number: key, then token, then
/// `how` (best first).
fn rank(k: &KeyRef) -> u128 {
    (k.key.0 as u128) << 64 | (k.token as u128) << 8 | k.how as u128
}

/// Sorts by key, then token, and drops repeats (keeping the best `how`).
pub fn sort(keys: &mut Vec<KeyRef>) {
    keys.sort_unstable_by_key(rank);
    keys.dedup_by_key(|k| (k.key, k.token));
}

/// What [`sort`] gives, for a list of term keys made of runs, one per token
/// in token order, each sorted by key and without a repeated key (the best
/// `how` kept): a stable radix sort on the term ids, so keys shared by
/// several tokens stay in token order. Lists holding other keys are sorted
/// by [`sort`].
pub fn sort_term_runs(keys: &mut Vec<KeyRef>) {
    let terms = keys.iter().all(|k| k.key.0 >> 32 == TERM << 24);
    if !terms || keys.len() < 32 {
        sort(keys);
        return;
    }
    let mut from = std::mem::take(keys);
    let mut to: Vec<KeyRef> = Vec::with_capacity(from.len());
    let mut all_bits = 0u64;
    for k in &from {
        all_bits |= k.key.0;
    }
    for shift in [0u32, 8, 16, 24] {
        if (all_bits >> shift) & 0xff == 0 && shift > 0 {
            continue;
        }
        let mut counts = [0usize; 257];
        for k in &from {
            counts[((k.key.0 >> shift) & 0xff) as usize + 1] += 1;
        }
        for b in 0..256 {
            counts[b + 1] += counts[b];
        }
        to.clear();
        to.resize(from.len(), from[0]);
        for k in &from {
            let slot = &mut counts[((k.key.0 >> shift) & 0xff) as usize];
            to[*slot] = *k;
            *slot += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    *keys = from;
}

/// Two lists sorted by [`sort`] as one, sorted and without repeats: what
/// [`sort`] gives for their concatenation.
pub fn merge_sorted(xs: &[KeyRef], ys: &[KeyRef]) -> Vec<KeyRef> {
    let mut out: Vec<KeyRef> = Vec::with_capacity(xs.len() + ys.len());
    let (mut i, mut j) = (0, 0);
    while i < xs.len() || j < ys.len() {
        let next = if j == ys.len() || (i < xs.len() && rank(&xs[i]) <= rank(&ys[j])) {
            i += 1;
            xs[i - 1]
        } else {
            j += 1;
            ys[j - 1]
        };
        match out.last() {
            Some(last) if (last.key, last.token) == (next.key, next.token) => {}
            _ => out.push(next),
        }
    }
    out
}
