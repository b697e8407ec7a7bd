//! Text helpers of the planted-change generator ([`super::plant`]): words
//! of a line, whole-word matching of listed forms, where a negator or an
//! adverb goes, replacing and removing words. Negators and hedges are read
//! from `data/loaded/` (the lists the scorer uses), so "a line without a
//! negator" means the same thing to both.

use std::ops::Range;

use parallax::Lang;

const NEGATORS: &str = include_str!("../../../data/loaded/negators.tsv");
const HEDGES: &str = include_str!("../../../data/loaded/hedges.tsv");

/// Words of a line: runs of letters and digits, with hyphens and
/// apostrophes inside a word ("non-diabetic", "didn't").
pub fn words(s: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push(st..i);
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// Where a listed form (one or more words, any case) occurs as whole words:
/// the span from its first to its last word.
pub fn find_form(s: &str, form: &str) -> Vec<Range<usize>> {
    let ws = words(s);
    let lower: Vec<String> = ws.iter().map(|r| s[r.clone()].to_lowercase()).collect();
    let fw: Vec<String> = words(form)
        .into_iter()
        .map(|r| form[r].to_lowercase())
        .collect();
    if fw.is_empty() {
        return Vec::new();
    }
    (0..ws.len().saturating_sub(fw.len() - 1))
        .filter(|&i| lower[i..i + fw.len()] == fw[..])
        .map(|i| ws[i].start..ws[i + fw.len() - 1].end)
        .collect()
}

/// How many times any of the forms occurs.
pub fn count_forms(s: &str, forms: &[&str]) -> usize {
    forms.iter().map(|f| find_form(s, f).len()).sum()
}

/// Forms of `data/loaded/{negators,hedges}.tsv` of a language and types.
fn listed(text: &'static str, lang: Lang, types: &[&str]) -> Vec<&'static str> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c.len() >= 3 && c[0] == lang.code() && types.contains(&c[2])).then_some(c[1])
        })
        .collect()
}

/// Negators (not, nicht, не, never, nobody …), without "without".
pub fn negators(lang: Lang) -> Vec<&'static str> {
    listed(NEGATORS, lang, &["negator", "never", "nobody_nothing"])
}

/// Does a line negate: a listed negator, "without", a contraction in n't, or
/// a hyphenated negative prefix ("non-", "nicht-", "не-")?
pub fn has_negation(s: &str, lang: Lang) -> bool {
    let all = listed(
        NEGATORS,
        lang,
        &["negator", "never", "nobody_nothing", "without"],
    );
    count_forms(s, &all) > 0
        || words(s).iter().any(|r| {
            let w = s[r.clone()].to_lowercase();
            w.ends_with("n't")
                || w.ends_with("n’t")
                || ["non-", "nicht-", "не-"].iter().any(|p| w.starts_with(p))
        })
}

/// Uncertainty markers (hedge and appearance types) of a language.
pub fn uncertainty(lang: Lang) -> Vec<&'static str> {
    listed(HEDGES, lang, &["hedge", "appearance"])
}

/// Every hedge or attribution marker except modal verbs.
pub fn any_hedge(lang: Lang) -> Vec<&'static str> {
    listed(HEDGES, lang, &["hedge", "appearance", "attribution"])
}

/// Inserts `word` at a slot.
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    pub at: usize,
    /// Insert after the word ending at `at` (" not"), else before the word
    /// starting at `at` ("не ").
    pub after: bool,
}

impl Slot {
    pub fn insert(&self, s: &str, word: &str) -> String {
        if self.after {
            format!("{} {word}{}", &s[..self.at], &s[self.at..])
        } else {
            let word = if self.at == 0 {
                capitalise(word)
            } else {
                word.into()
            };
            let rest = if self.at == 0 {
                decapitalise(&s[self.at..])
            } else {
                s[self.at..].into()
            };
            format!("{}{word} {rest}", &s[..self.at])
        }
    }
}

const EN_AUX: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "must",
];
const DE_AUX: &[&str] = &[
    "ist", "sind", "war", "waren", "hat", "haben", "hatte", "hatten", "wird", "werden", "wurde",
    "wurden", "kann", "können", "konnte", "konnten", "muss", "müssen", "musste", "mussten",
];
pub const BG_VERBS: &[&str] = &[
    "е",
    "са",
    "беше",
    "бяха",
    "бе",
    "може",
    "могат",
    "трябва",
    "има",
    "имат",
    "имаше",
];
const BG_CLITICS: &[&str] = &[
    "се", "си", "го", "я", "ги", "му", "ѝ", "й", "им", "ми", "ти", "ни", "ви",
];

/// Where a negator or a sentence adverb goes: after the first auxiliary
/// that a word follows (en "was not", de "hat nicht"), or before the first
/// common Bulgarian verb form and its clitics ("не се е"). The span is the
/// verb's.
pub fn verb_slot(s: &str, lang: Lang) -> Option<(Slot, Range<usize>)> {
    let ws = words(s);
    let lower = |r: &Range<usize>| s[r.clone()].to_lowercase();
    for (i, r) in ws.iter().enumerate() {
        let w = lower(r);
        let followed = ws.get(i + 1).is_some_and(|n| s[r.end..n.start] == *" ");
        match lang {
            Lang::En | Lang::De => {
                let aux = if lang == Lang::En { EN_AUX } else { DE_AUX };
                if aux.contains(&w.as_str()) && followed && i > 0 {
                    return Some((
                        Slot {
                            at: r.end,
                            after: true,
                        },
                        r.clone(),
                    ));
                }
            }
            Lang::Bg if BG_VERBS.contains(&w.as_str()) && i > 0 => {
                let mut j = i;
                while j > 0
                    && BG_CLITICS.contains(&lower(&ws[j - 1]).as_str())
                    && s[ws[j - 1].end..ws[j].start] == *" "
                {
                    j -= 1;
                }
                return Some((
                    Slot {
                        at: ws[j].start,
                        after: false,
                    },
                    r.clone(),
                ));
            }
            _ => {}
        }
    }
    None
}

pub fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn decapitalise(w: &str) -> String {
    let mut c = w.chars();
    match (c.next(), c.clone().next()) {
        // Keep "I", acronyms and names ("Bob") as they are: only a capital
        // followed by lowercase letters of a common word would need it, and
        // the generator cannot tell, so it leaves every word alone.
        (Some(f), _) => std::iter::once(f).chain(c).collect(),
        _ => String::new(),
    }
}

/// `word` with the capitalisation of `model`'s first letter.
pub fn like(model: &str, word: &str) -> String {
    if model.starts_with(char::is_uppercase) {
        capitalise(word)
    } else {
        word.to_string()
    }
}

/// Replaces a span.
pub fn replace(s: &str, r: Range<usize>, with: &str) -> String {
    format!("{}{with}{}", &s[..r.start], &s[r.end..])
}

/// Removes a word (or phrase) and the space or commas around it; a
/// sentence-initial word's successor is capitalised.
pub fn remove(s: &str, r: Range<usize>) -> String {
    let (before, after) = (&s[..r.start], &s[r.end..]);
    if before.is_empty() {
        let rest = after.trim_start_matches([',', ' ']);
        return capitalise(rest);
    }
    if before.ends_with(", ") && after.starts_with(',') {
        return format!(
            "{}{}",
            &before[..before.len() - 2],
            after.trim_start_matches(',')
        );
    }
    if before.ends_with(' ') && (after.starts_with(' ') || after.starts_with([',', '.', ';'])) {
        let after = after.strip_prefix(' ').unwrap_or(after);
        let before = if after.starts_with([',', '.', ';']) {
            before.trim_end()
        } else {
            before
        };
        return format!("{before}{after}");
    }
    format!("{before}{after}")
}
