//! Parallax's own sentence-boundary rules, applied on top of the boundaries
//! `sentencex` proposes. Each rule has an ID (used in tests and in debugging
//! output) and says why it exists, with an example. Split rules (`S*`) add a
//! boundary the base misses; join rules (`J*`) remove one it wrongly put.

use std::ops::Range;

use crate::lang::Lang;

use super::trim_span;
use super::words::*;

/// A rule's identity, kept for tests and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleId(pub &'static str);

/// Applies the split rules, then the join rules, to the spans of `block`.
pub fn apply(block: &str, lang: Lang, spans: &mut Vec<Range<usize>>) {
    let mut split = Vec::with_capacity(spans.len());
    for span in spans.drain(..) {
        let mut start = span.start;
        for cut in extra_boundaries(&block[span.clone()], lang) {
            split.extend(trim_span(block, start..span.start + cut));
            start = span.start + cut;
        }
        split.extend(trim_span(block, start..span.end));
    }
    reattach_closers(block, &mut split);
    detach_openers(block, &mut split);
    let mut i = 0;
    while i + 1 < split.len() {
        let (l, r) = (&block[split[i].clone()], &block[split[i + 1].clone()]);
        if join_rule(l, r, lang).is_some() {
            split[i].end = split[i + 1].end;
            split.remove(i + 1);
        } else {
            i += 1;
        }
    }
    *spans = split;
}

/// The join rule that says `left` and `right` are one sentence, if any.
pub fn join_rule(left: &str, right: &str, lang: Lang) -> Option<RuleId> {
    let last = last_token(left);
    let first = right.chars().next()?;
    // J0: a piece with no letter or digit is debris of the sentence before.
    // `He said "no." ""` · a lone "." left by a tokeniser.
    if !right.chars().any(char::is_alphanumeric) {
        return Some(RuleId("J0-no-words"));
    }
    let first_word = first_word(right);
    // J1: a sentence never starts lowercase or with , ; : so the cut was wrong.
    // "т.е. няма" · "He left... and came back." · „Wer zahlt?“ fragte er.
    if first.is_lowercase() || matches!(first, ',' | ';' | ':' | '%') {
        return Some(RuleId("J1-lowercase-continues"));
    }
    // J6: a piece that does not end in final punctuation runs on into the
    // next one (line breaks were already handled as blocks).
    // "definiert: (1) Fluss, (2) Dichte …"
    if !left
        .trim_end_matches(|c| CLOSERS.contains(c))
        .ends_with(['.', '!', '?', '…'])
    {
        return Some(RuleId("J6-no-final-punctuation"));
    }
    if !left.ends_with('.') {
        return None;
    }
    let key = abbreviation_key(last);
    let key2 = abbreviation_key(&last_two_tokens(left));
    // J2: titles and fixed abbreviations stand before a name or noun.
    // "Dr. Smith" · "Prof. Müller" · "д-р Иванов" · "z. B. Berlin" · "ул. Раковска"
    // "St." after a capitalised word is Street, which can end a sentence:
    // "… and Kolev St. Traffic will …" vs "St. Petersburg".
    let street = key == "st" && previous_token(left).starts_with(char::is_uppercase);
    if !street && (is_title(lang, &key) || is_title(lang, &key2)) {
        return Some(RuleId("J2-title-before-name"));
    }
    // J3: a single capital and a dot after a name or another initial is an
    // initial. "J. R. Smith" · "Джон Ф. Кенеди" (but "from A to B. Airlines …" ends).
    let next_is_initial = is_initial("", right.split_whitespace().next().unwrap_or(""));
    if (is_initial(left, last) || (next_is_initial && is_initial("", last))) && first.is_uppercase()
    {
        return Some(RuleId("J3-initial"));
    }
    // J4: a day or ordinal number before a month or a counted noun; in German
    // also any number after an article, which makes it an ordinal.
    // "am 3. Oktober" · "im 20. Jahrhundert" · "22. февруари" · "in der 78. Minute"
    let ordinal = key.len() <= 3 && !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit());
    let counted = first_word.to_lowercase();
    let after_article = DE_ARTICLES.contains(&previous_token(left).to_lowercase().as_str());
    let de_ordinal = lang == Lang::De
        && (after_article || DE_ORDINAL_NOUNS.contains(&counted.as_str()))
        && first.is_uppercase();
    if ordinal && (is_month(&counted) || de_ordinal) {
        return Some(RuleId("J4-ordinal-date"));
    }
    // J7: "a.m." or "p.m." before a time zone. "7 p.m. ET" · "9 a.m. GMT"
    if matches!(key.as_str(), "a.m" | "p.m") && TIME_ZONES.contains(&first_word) {
        return Some(RuleId("J7-time-zone"));
    }
    // J5: abbreviations that stand before a number. "Feb. 22, 2025" · "Nr. 5" · "чл. 3"
    // Also before a code with digits: "No. C-412/24".
    let coded = right
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
    if (first.is_ascii_digit() && MONTH_ABBR.contains(&key.as_str()))
        || ((first.is_ascii_digit() || coded) && BEFORE_NUMBER.contains(&key.as_str()))
    {
        return Some(RuleId("J5-abbreviation-before-number"));
    }
    None
}

/// Offsets inside one proposed sentence where a sentence really ends.
pub fn extra_boundaries(sentence: &str, lang: Lang) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut pos = 0;
    let mut start = 0;
    for word in sentence.split_inclusive(char::is_whitespace) {
        pos += word.len();
        let token = word.trim_end();
        let next = sentence[pos..].trim_start();
        if token.is_empty() || next.is_empty() {
            continue;
        }
        if split_rule(&sentence[start..pos], token, next, lang).is_some() {
            cuts.push(pos);
            start = pos;
        }
    }
    cuts
}

/// The split rule that ends a sentence after `token` (the last word of
/// `before`), when `next` follows, if any.
pub fn split_rule(before: &str, token: &str, next: &str, lang: Lang) -> Option<RuleId> {
    let core = token.trim_end_matches(|c| CLOSERS.contains(c));
    if !core.ends_with(['.', '!', '?', '…']) {
        return None;
    }
    let key = abbreviation_key(core);
    let next_word = first_word(next);
    let next_upper = next_word.starts_with(char::is_uppercase);
    let acronym = next_word.chars().count() > 1
        && next_word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    // S8: "me." and "no." are words, not abbreviations, unless a number or
    // a code follows. "… she told me. Then …" · "… the answer was no. The
    // board …" (but "No. 5", "No. C-412/24").
    let word_not_abbreviation = lang == Lang::En
        && EN_WORDS_NOT_ABBREVIATIONS.contains(&key.as_str())
        && !next
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
    let abbreviation = is_abbreviation(lang, &key) && !word_not_abbreviation;
    // S1: Bulgarian unit abbreviations end a sentence before a capital; the
    // base treats "г." as never final. "… през 2025 г. Следващото …". Not
    // before an acronym ("12:00 ч. GMT") and not after a bare opening time
    // phrase ("През 1956 г. Слания се премества …").
    if lang == Lang::Bg
        && core.ends_with('.')
        && BG_FINAL_ABBR.contains(&key.as_str())
        && (next_upper || next.starts_with(['„', '"', '“', '«']))
        && !acronym
        && !is_time_phrase(before)
    {
        return Some(RuleId("S1-bg-unit-ends-sentence"));
    }
    // S2: in German and English, a unit abbreviation before a typical sentence
    // opener ends the sentence; "etc." and "usw." before any capital.
    // "… 3 Mrd. Die Regierung …" · "… the U.S. The …" · "… grabbed, etc. Be firm"
    if matches!(lang, Lang::De | Lang::En)
        && FINAL_ABBR.contains(&key.as_str())
        && (SENTENCE_OPENERS.contains(&next_word)
            || (LIST_ENDERS.contains(&key.as_str()) && next_upper))
    {
        return Some(RuleId("S2-unit-before-opener"));
    }
    // S3: a new quotation opens after final punctuation. The base keeps
    // `… месец. "Той [Уелс] …` together.
    let opens_quote = next.starts_with(['„', '"', '“', '«', '‚'])
        && next.chars().nth(1).is_some_and(char::is_uppercase);
    if opens_quote && !abbreviation && !is_initial(before, core) {
        return Some(RuleId("S3-quote-opens-sentence"));
    }
    // S4: a number opens a sentence after an ordinary word; the base reads
    // every number after a dot as a continuation. "… gelitten hat. 1994 führte …"
    let word_end = core.ends_with('.')
        && key.chars().count() >= 3
        && key.chars().all(|c| c.is_alphabetic() || c == '-');
    if word_end && !abbreviation && next.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(RuleId("S4-number-opens-sentence"));
    }
    // S5: "St." after a street name is Street and can end the sentence.
    // "… between Devnya St. and Gen. Kolev St. Traffic will …"
    let street = matches!(key.as_str(), "st" | "ave" | "rd" | "blvd" | "str");
    let named = previous_token(before).starts_with(char::is_uppercase);
    if street && named && next_upper && !acronym {
        return Some(RuleId("S5-street-ends-sentence"));
    }
    // S7: an ordinary word and a final stop before a capital end a sentence
    // even inside quotes or brackets, where the base never splits.
    // „Засега не правим нищо. Обадих се …“ · "Luna was the first Queen of Extreme. My first manager."
    let plain_word = key.chars().count() >= 2 && key.chars().all(|c| c.is_alphabetic() || c == '-');
    let capital_next = next
        .trim_start_matches(['„', '"', '“', '«', '('])
        .starts_with(char::is_uppercase);
    if plain_word && !abbreviation && capital_next && !is_initial(before, core) {
        return Some(RuleId("S7-word-stop-capital"));
    }
    None
}

/// True for a single-letter initial after a capitalised word or another
/// initial: "John F." · "J. R." (but not "from A to B.").
fn is_initial(before: &str, core: &str) -> bool {
    let key = abbreviation_key(core);
    let mut letters = key.chars();
    let single = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_alphabetic());
    let prev = previous_token(before);
    let prev_ok = prev.is_empty() || prev.starts_with(char::is_uppercase);
    single && core.starts_with(char::is_uppercase) && prev_ok
}

/// Any abbreviation Parallax or the base segmenter knows for `lang`.
fn is_abbreviation(lang: Lang, key: &str) -> bool {
    is_title(lang, key)
        || BEFORE_NUMBER.contains(&key)
        || FINAL_ABBR.contains(&key)
        || BG_FINAL_ABBR.contains(&key)
        || MONTH_ABBR.contains(&key)
        || base_abbreviations(lang).contains(key)
}

fn base_abbreviations(lang: Lang) -> &'static std::collections::HashSet<String> {
    use std::collections::HashSet;
    use std::sync::LazyLock;
    fn load(code: &str) -> HashSet<String> {
        sentencex::language_factory(code)
            .get_abbreviations()
            .iter()
            .cloned()
            .collect()
    }
    static BG: LazyLock<HashSet<String>> = LazyLock::new(|| load("bg"));
    static DE: LazyLock<HashSet<String>> = LazyLock::new(|| load("de"));
    static EN: LazyLock<HashSet<String>> = LazyLock::new(|| load("en"));
    match lang {
        Lang::Bg => &BG,
        Lang::De => &DE,
        _ => &EN,
    }
}

/// True when `piece` is only a time phrase such as "През 1956 г." or
/// "В края на 2015 г.", which opens a sentence rather than being one.
fn is_time_phrase(piece: &str) -> bool {
    piece.split_whitespace().all(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w.is_empty()
            || w.chars().all(|c| c.is_ascii_digit())
            || BG_TIME_WORDS.contains(&w.as_str())
            || is_month(&w)
    })
}

/// Moves closing quotes and brackets that open the next span back to the
/// sentence they close. "He said „no.“ Then …" keeps „no.“ whole.
fn reattach_closers(block: &str, spans: &mut Vec<Range<usize>>) {
    for i in 1..spans.len() {
        let right = &block[spans[i].clone()];
        let closers: usize = right
            .chars()
            .take_while(|c| CLOSERS.contains(*c))
            .map(char::len_utf8)
            .sum();
        let rest = &right[closers..];
        let prev_final = block[spans[i - 1].clone()]
            .trim_end_matches(|c| CLOSERS.contains(c))
            .ends_with(['.', '!', '?', '…']);
        // Whitespace, the end, or punctuation after the marks: they close,
        // whatever follows (`„Gut.“, sagte er` is one sentence anyway).
        let closes = rest
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '!' | '?'));
        if closers > 0 && prev_final && closes {
            spans[i - 1].end = spans[i].start + closers;
            spans[i].start += closers;
        }
    }
    spans.retain(|s| !block[s.clone()].trim().is_empty());
    for s in spans.iter_mut() {
        if let Some(t) = trim_span(block, s.clone()) {
            *s = t;
        }
    }
}

/// Moves an opening quote stranded at the end of a sentence to the sentence
/// it opens: `… месец. "` + `Той …` becomes `… месец.` + `"Той …`.
fn detach_openers(block: &str, spans: &mut [Range<usize>]) {
    for i in 1..spans.len() {
        let left = &block[spans[i - 1].clone()];
        let core = left.trim_end_matches(|c| OPENERS.contains(c));
        let stranded = left.len() - core.len();
        if stranded > 0 && core.ends_with(char::is_whitespace) {
            let new_end = spans[i - 1].start + core.trim_end().len();
            spans[i].start = spans[i - 1].start + core.len();
            spans[i - 1].end = new_end;
        }
    }
}

const OPENERS: &str = "\"„“«‚";
/// Closing marks, the ASCII and German single ones included: a sentence may
/// end inside a single quote, "… our investigation.' A police spokesman …",
/// "‚… gesagt.‘ Danach …".
const CLOSERS: &str = "\"“”’»)]'‘";

/// True when a line opens with a list marker: "- item", "• item", "1. Item", "a) item".
pub fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '–' | '—' | '•' | '*' | '·' | '▪') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() || c.is_alphabetic() => {
            // Letters of any script: Bulgarian lists run "а)", "б)", "в)".
            let marker: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
            let rest = &line[marker.len()..];
            let numbered = marker.len() <= 2 && marker.bytes().all(|b| b.is_ascii_digit());
            let lettered = marker.chars().count() == 1 && c.is_lowercase();
            let delimited = rest.starts_with(") ") || (numbered && rest.starts_with(". "));
            (numbered || lettered)
                && delimited
                && !is_month(&first_word(rest[1..].trim_start()).to_lowercase())
        }
        _ => false,
    }
}

fn last_token(s: &str) -> &str {
    s.rsplit(char::is_whitespace).next().unwrap_or(s)
}

fn previous_token(s: &str) -> &str {
    s.split_whitespace().rev().nth(1).unwrap_or("")
}

fn last_two_tokens(s: &str) -> String {
    let mut it = s.split_whitespace().rev();
    let last = it.next().unwrap_or("");
    match it.next() {
        Some(before) => format!("{before}{last}"),
        None => last.to_string(),
    }
}

fn first_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

/// Lowercase, without surrounding punctuation except inner dots and hyphens:
/// "(Dr." → "dr", "z.B." → "z.b", "Д-р" → "д-р".
fn abbreviation_key(token: &str) -> String {
    token
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn is_title(lang: Lang, key: &str) -> bool {
    let list: &[&str] = match lang {
        Lang::Bg => BG_TITLES,
        Lang::De => DE_TITLES,
        _ => EN_TITLES,
    };
    list.contains(&key)
}

pub(crate) fn is_month(word: &str) -> bool {
    crate::locale::month(word).is_some()
}
