//! One row seen from one pair of versions: which tokens of each side the
//! other side explains (the one definition in [`crate::correspond`]), which
//! only the third version explains (a lexicon gap, not a divergence: a
//! German word the Bulgarian leaves unexplained, whose English counterpart
//! the Bulgarian does explain), which only a learned translation explains,
//! which stand inside quotation marks, and what the loaded-language lexicon
//! finds in each sentence.

use std::ops::Range;

use crate::align::AlignedStory;
use crate::analyse::{Analysed, How, TokenKind};
use crate::correspond::{TokenSet, explain};
use crate::lang::Lang;
use crate::score::loaded::{Found, Loaded};

use super::finding::Words;

/// A token of one side: sentence `s` of the side (index into its lists),
/// token `t` of that sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tok {
    pub s: usize,
    pub t: u32,
}

/// The sentences one version has in a row, with what scoring knows of them.
pub struct Side<'a> {
    pub lang: Lang,
    pub version: usize,
    /// Sentence ids in the version.
    pub ids: Vec<usize>,
    pub analysed: Vec<&'a Analysed>,
    pub texts: Vec<&'a str>,
    /// Per sentence: tokens the other side explains directly.
    pub explained: Vec<TokenSet>,
    /// Per sentence: tokens explained only softly (a learned translation, or
    /// through the third version).
    pub soft: Vec<TokenSet>,
    /// Per sentence: tokens inside quotation marks.
    pub quoted: Vec<TokenSet>,
    /// Per sentence: forms of the loaded-language lexicon.
    pub found: Vec<Vec<Found>>,
}

impl Side<'_> {
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Every token, in order.
    pub fn tokens(&self) -> impl Iterator<Item = Tok> + '_ {
        self.analysed
            .iter()
            .enumerate()
            .flat_map(|(s, a)| (0..a.tokens.len() as u32).map(move |t| Tok { s, t }))
    }

    pub fn kind(&self, k: Tok) -> TokenKind {
        self.analysed[k.s].tokens[k.t as usize].kind
    }

    pub fn weight(&self, k: Tok) -> f32 {
        self.analysed[k.s].tokens[k.t as usize].weight
    }

    /// Explained directly or softly.
    pub fn is_covered(&self, k: Tok) -> bool {
        self.explained[k.s].contains(k.t) || self.soft[k.s].contains(k.t)
    }

    /// An unexplained salient word: a content word the other side does
    /// not explain, of weight `salient` or more.
    pub fn is_open(&self, k: Tok, salient: f32) -> bool {
        self.kind(k) == TokenKind::Word && !self.is_covered(k) && self.weight(k) >= salient
    }

    pub fn is_quoted(&self, k: Tok) -> bool {
        self.quoted[k.s].contains(k.t)
    }

    /// The token's span in its sentence text.
    pub fn span(&self, k: Tok) -> Range<usize> {
        let t = &self.analysed[k.s].tokens[k.t as usize];
        t.span.start as usize..t.span.end as usize
    }

    pub fn surface(&self, k: Tok) -> &str {
        &self.texts[k.s][self.span(k)]
    }

    /// The text between token `k` and the token before it in its sentence
    /// (punctuation, spaces); `None` for a sentence's first token.
    pub fn before(&self, k: Tok) -> Option<&str> {
        let t = k.t.checked_sub(1)?;
        let start = self.span(Tok { s: k.s, t }).end;
        self.texts[k.s].get(start..self.span(k).start)
    }

    /// The clause of token `k`: the token range of its sentence between the
    /// nearest clause marks (. ! ? , ; : ( ) – — and quotation marks) around it.
    pub fn clause(&self, k: Tok) -> Range<u32> {
        let tokens = &self.analysed[k.s].tokens;
        let gap = |i: usize| -> bool {
            // The text between token i-1 and token i holds a clause mark.
            self.before(Tok {
                s: k.s,
                t: i as u32,
            })
            .is_some_and(|g| {
                g.chars().any(|c| {
                    matches!(
                        c,
                        '.' | '!'
                            | '?'
                            | ','
                            | ';'
                            | ':'
                            | '('
                            | ')'
                            | '–'
                            | '—'
                            | '„'
                            | '“'
                            | '”'
                            | '"'
                            | '«'
                            | '»'
                    )
                })
            })
        };
        let mut start = k.t as usize;
        while start > 0 && !gap(start) {
            start -= 1;
        }
        let mut end = k.t as usize + 1;
        while end < tokens.len() && !gap(end) {
            end += 1;
        }
        start as u32..end as u32
    }

    /// The words from token `a` to token `b` of one sentence, as written.
    pub fn words(&self, a: Tok, b: Tok) -> &str {
        debug_assert_eq!(a.s, b.s);
        let (x, y) = (self.span(a).start, self.span(b).end);
        &self.texts[a.s][x..y.max(x)]
    }

    /// The loaded-lexicon forms found in the side, with the token each starts at.
    pub fn forms(&self) -> impl Iterator<Item = (Tok, &Found)> + '_ {
        self.found
            .iter()
            .enumerate()
            .flat_map(|(s, list)| list.iter().map(move |f| (Tok { s, t: f.token }, f)))
    }

    /// Total weight of the side's tokens, and of those covered.
    pub fn weights(&self) -> (f32, f32, f32) {
        let (mut total, mut direct, mut soft) = (0.0, 0.0, 0.0);
        for k in self.tokens() {
            let w = self.weight(k);
            total += w;
            if self.explained[k.s].contains(k.t) {
                direct += w;
            } else if self.soft[k.s].contains(k.t) {
                soft += w;
            }
        }
        (total, direct, soft)
    }
}

/// The words a lexicon form found at token `t` spans.
pub fn form_words(t: Tok, f: &Found) -> Words {
    Words {
        from: t,
        to: Tok {
            s: t.s,
            t: t.t + f.len.max(1) - 1,
        },
    }
}

/// A row from the point of view of one pair (source → target).
pub struct PairRow<'a> {
    pub row: usize,
    pub source: Side<'a>,
    pub target: Side<'a>,
    /// Direct links (source token, target token), sorted: which word of one
    /// side explains which of the other.
    pub links: Vec<(Tok, Tok)>,
}

impl PairRow<'_> {
    /// The target tokens a source token is linked to.
    pub fn partners_of_source(&self, k: Tok) -> impl Iterator<Item = Tok> + '_ {
        self.links.iter().filter(move |l| l.0 == k).map(|l| l.1)
    }

    /// The source tokens a target token is linked to.
    pub fn partners_of_target(&self, k: Tok) -> impl Iterator<Item = Tok> + '_ {
        self.links.iter().filter(move |l| l.1 == k).map(|l| l.0)
    }
}

/// The sentences of version `v` in a row.
fn side<'a>(al: &'a AlignedStory, v: usize, ids: &[usize], loaded: &Loaded) -> Side<'a> {
    let lang = al.story.versions[v].lang;
    let analysed: Vec<&Analysed> = ids.iter().map(|&i| &al.analysed[v][i]).collect();
    let texts: Vec<&str> = ids.iter().map(|&i| al.sentence_text(v, i)).collect();
    let n = ids.len();
    let mut quoted = Vec::with_capacity(n);
    let mut awaiting = None;
    for (a, text) in analysed.iter().zip(&texts) {
        let (set, still) = quoted_tokens(a, text, awaiting);
        quoted.push(set);
        awaiting = still;
    }
    Side {
        lang,
        version: v,
        ids: ids.to_vec(),
        found: analysed
            .iter()
            .zip(&texts)
            .map(|(a, text)| loaded.find(lang, a, text))
            .collect(),
        analysed,
        texts,
        explained: vec![TokenSet::new(); n],
        soft: vec![TokenSet::new(); n],
        quoted,
    }
}

/// Every row of a story seen from versions `s` → `t` (version `w`, if any,
/// the witness): built once per pair, and read by every rule, the coverage
/// and the not-translations check.
pub fn pair_rows<'a>(
    al: &'a AlignedStory,
    s: usize,
    t: usize,
    w: Option<usize>,
    loaded: &Loaded,
) -> Vec<PairRow<'a>> {
    (0..al.rows.len())
        .map(|r| pair_row(al, r, s, t, w, loaded))
        .collect()
}

/// Builds the view of row `row` for versions `s` → `t`, with version `w` (if
/// any) as the witness.
pub fn pair_row<'a>(
    al: &'a AlignedStory,
    row: usize,
    s: usize,
    t: usize,
    w: Option<usize>,
    loaded: &Loaded,
) -> PairRow<'a> {
    let r = &al.rows[row];
    let lang = |v: usize| al.story.versions[v].lang;
    let mut source = side(al, s, r.ids(lang(s)), loaded);
    let mut target = side(al, t, r.ids(lang(t)), loaded);
    let mut links = Vec::new();
    for (i, a) in source.analysed.iter().enumerate() {
        for (j, b) in target.analysed.iter().enumerate() {
            // A token explained only by learned links counts softly.
            let (mut strong_a, mut strong_b) = (TokenSet::new(), TokenSet::new());
            let e = explain(a, b, |l| {
                if l.how != How::Learned {
                    strong_a.insert(l.a);
                    strong_b.insert(l.b);
                }
                links.push((Tok { s: i, t: l.a }, Tok { s: j, t: l.b }));
            });
            for k in e.a.iter() {
                if strong_a.contains(k) {
                    source.explained[i].insert(k);
                } else {
                    source.soft[i].insert(k);
                }
            }
            for k in e.b.iter() {
                if strong_b.contains(k) {
                    target.explained[j].insert(k);
                } else {
                    target.soft[j].insert(k);
                }
            }
        }
    }
    if let Some(w) = w {
        let ids = r.ids(lang(w));
        witness(al, w, ids, &mut source, &mut target);
    }
    links.sort_unstable();
    links.dedup();
    PairRow {
        row,
        source,
        target,
        links,
    }
}

/// Marks as softly covered the tokens each side explains only through the
/// third version: source x → witness z → target y, where x and y are both
/// left open by the direct correspondence (the witness fills a gap of the
/// lexicon between two words that have no other partner; a word whose
/// counterpart is already explained is not rescued by a chance link).
fn witness(al: &AlignedStory, w: usize, ids: &[usize], source: &mut Side, target: &mut Side) {
    for &k in ids {
        let z = &al.analysed[w][k];
        // Links from open source tokens to z, and from z to open target tokens.
        let mut from_source: Vec<(usize, u32, u32)> = Vec::new();
        for (i, a) in source.analysed.iter().enumerate() {
            let open = &source.explained[i];
            explain(a, z, |l| {
                if !open.contains(l.a) {
                    from_source.push((i, l.a, l.b))
                }
            });
        }
        let mut to_target: Vec<(usize, u32, u32)> = Vec::new();
        for (j, b) in target.analysed.iter().enumerate() {
            let open = &target.explained[j];
            explain(z, b, |l| {
                if !open.contains(l.b) {
                    to_target.push((j, l.a, l.b))
                }
            });
        }
        let mut z_from = TokenSet::new();
        from_source.iter().for_each(|&(_, _, zt)| z_from.insert(zt));
        let mut z_to = TokenSet::new();
        to_target.iter().for_each(|&(_, zt, _)| z_to.insert(zt));
        for &(i, x, zt) in &from_source {
            if z_to.contains(zt) {
                source.soft[i].insert(x);
            }
        }
        for &(j, zt, y) in &to_target {
            if z_from.contains(zt) {
                target.soft[j].insert(y);
            }
        }
    }
}

/// Tokens inside quotation marks, and the closing mark still awaited at the
/// end (a quote may close in the next sentence of the row). Each opening
/// mark waits for its own closers: „ for “ or ” (German, Bulgarian), “ for ”
/// (English), » for «, « for », ‚ for ‘, " for ".
fn quoted_tokens(
    a: &Analysed,
    text: &str,
    mut awaiting: Option<&'static [char]>,
) -> (TokenSet, Option<&'static [char]>) {
    let mut regions: Vec<Range<usize>> = Vec::new();
    let mut start = awaiting.is_some().then_some(0);
    for (i, c) in text.char_indices() {
        if let Some(closers) = awaiting {
            if closers.contains(&c) {
                if let Some(s) = start.take() {
                    regions.push(s..i);
                }
                awaiting = None;
            }
            continue;
        }
        awaiting = match c {
            '„' => Some(&['“', '”']),
            '“' => Some(&['”']),
            '»' => Some(&['«']),
            '«' => Some(&['»']),
            '‚' => Some(&['‘']),
            '"' => Some(&['"']),
            _ => None,
        };
        if awaiting.is_some() {
            start = Some(i + c.len_utf8());
        }
    }
    if let Some(s) = start {
        regions.push(s..text.len());
    }
    // Tokens and regions are both in text order: one sweep.
    let mut set = TokenSet::new();
    let mut r = 0;
    for (k, t) in a.tokens.iter().enumerate() {
        let (x, y) = (t.span.start as usize, t.span.end as usize);
        while r < regions.len() && regions[r].end < y {
            r += 1;
        }
        if regions
            .get(r)
            .is_some_and(|reg| reg.start <= x && y <= reg.end)
        {
            set.insert(k as u32);
        }
    }
    (set, awaiting)
}
