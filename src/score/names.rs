//! Rules NM1–NM4: names that the other side does not explain: replaced,
//! added or dropped. A name is only claimed where nothing could link it:
//!
//! 1. A **name** is a run of capitalised tokens ("Lee Hsien Loong", "Middle
//!    East"); when the other side explains a word of the run, the common
//!    words of the run are accounted for ("Middle" of "Middle East" /
//!    "Близкия изток"), its unknown words are not ("Jamie Siminoff" /
//!    "Jamie Lundqvist"). A lone capitalised word opening a Bulgarian or
//!    English sentence is not taken for a name (it is capitalised for its
//!    place: "Засега", "Първата"), nor is an adjective made from a name
//!    ("Тихоокеанския" for "Pacific").
//! 2. Two open names **link** by sound or spelling across scripts
//!    (transliterated consonant keys and Jaro–Winkler, as the
//!    correspondence does), or when one's consonant key lies inside the
//!    other's: a name inside a compound or an adjective ("Cheops" /
//!    "Cheopspyramide", "Arizona" / "Северноаризонския"). A name written
//!    inside any word of the other side is still there ("EU" /
//!    "EU-Gericht", "Allgäu" / "Unterallgäu"), and so is a compound the
//!    other side writes as two words ("Beachvolleyball" / "Beach
//!    volleyball").
//!    The home country of either language (a German report's "в Германия"
//!    in its Bulgarian relay) is context for the relay's readers, and
//!    neither added nor dropped.
//! 3. An **acronym** stands for words: against anything left open on the
//!    other side ("КЕВР" / "EWRC", "МБАЛ" / "General Hospital", "USOC" /
//!    "ОК на САЩ") it is a translation, not a new name; and a name whose
//!    initials are an acronym of the other side spells it out ("United
//!    States" / "US-Dollar"). A name in quotation marks against a quoted
//!    span of the other side is a title translated ("Gone with the Wind" /
//!    „Vom Winde verweht“).
//! 4. A **replacement** (NM1, NM4) needs the rest of the row to correspond
//!    ([`RowContext::corresponds`]): two sentences that are not
//!    translations of each other have no names to compare. A name added or
//!    dropped (NM2, NM3) needs the other side to leave nothing open that
//!    could render it, and is not a given name beside a surname both sides
//!    keep ("Andrej Jarmolenko" / "Jarmolenko").

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words, runs};
use super::names_link::{inside_a_word, linked, run_words, spells_out_acronym};
use super::rules;
use super::view::{Side, Tok};
use super::words::{self, Lists};
use crate::analyse::TokenKind;
use crate::lang::Lang;

/// Is a token capitalised (its first letter upper case)?
fn capitalised(side: &Side, k: Tok) -> bool {
    side.surface(k).starts_with(char::is_uppercase)
}

/// Is token `k` a word the dictionaries translate ("Business", "Pacific",
/// "Middle"), capitalised or not? A name proper has no translation
/// ("Lundqvist", "Петров").
fn known(side: &Side, k: Tok) -> bool {
    [Lang::Bg, Lang::De, Lang::En]
        .into_iter()
        .filter(|&l| l != side.lang)
        .any(|l| side.analysed[k.s].translatable_tokens(l).contains(&k.t))
}

/// Can token `k` be part of a name: a name token, or (outside German,
/// where every noun is capitalised) a capitalised content word?
fn name_like(side: &Side, k: Tok) -> bool {
    match side.kind(k) {
        TokenKind::Name => true,
        TokenKind::Word => side.lang != Lang::De && capitalised(side, k),
        _ => false,
    }
}

/// Is a run of name tokens a name? Not a single letter ("U" of "U.S."),
/// not a German noun, and not a German compound with a hyphen
/// ("WLAN-Türklingel").
fn is_name(side: &Side, w: &Words, lists: &Lists) -> bool {
    let text = side.words(w.from, w.to);
    if text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    if side.lang == Lang::De {
        let lower = text.to_lowercase();
        let noun = words::of(&lists.noun_ending, Lang::De)
            .iter()
            .any(|e| lower.ends_with(e.as_str()));
        let compound = text.contains('-')
            && text
                .rsplit('-')
                .next()
                .is_some_and(|h| h.chars().count() > 3);
        if noun || compound {
            return false;
        }
    }
    // A lone capitalised word opening a sentence is capitalised for its
    // place, unless it is an acronym.
    if w.from == w.to && w.from.t == 0 && side.lang != Lang::De && !is_acronym(side, w) {
        return side.kind(w.from) == TokenKind::Name && side.analysed.len() > 1;
    }
    // So is a word the dictionaries know opening a quotation or following
    // a colon, with the sentence going on after it ("sagte der dpa:
    // „Finger weg …“" / "said to the dpa: “Take your finger away …”"; a
    // quoted name alone, „България“ of a boulevard's name, stays a name).
    if w.from == w.to
        && side.lang != Lang::De
        && opens_quotation(side, w.from)
        && known(side, w.from)
    {
        return false;
    }
    true
}

/// Does token `k` open a quotation or follow a colon (a quotation mark or
/// a colon between it and the token before), with the next word right
/// after it?
fn opens_quotation(side: &Side, k: Tok) -> bool {
    let opens = side.before(k).is_some_and(|g| {
        g.chars()
            .any(|c| matches!(c, ':' | '"' | '“' | '”' | '„' | '«' | '»' | '‚' | '‘'))
    });
    let next = Tok { s: k.s, t: k.t + 1 };
    let goes_on = (next.t as usize) < side.analysed[k.s].tokens.len()
        && side
            .before(next)
            .is_some_and(|g| g.chars().all(char::is_whitespace));
    opens && goes_on
}

/// An acronym or abbreviation: all capitals, or at most three letters.
fn is_acronym(side: &Side, w: &Words) -> bool {
    let text = side.words(w.from, w.to);
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 3 || letters.iter().all(|c| c.is_uppercase())
}

/// A Bulgarian or German adjective made from a name ("Тихоокеанския",
/// "Северноаризонския", "Великденската", "britische"): it renders a name
/// phrase of the other side ("Pacific", "Northern Arizona", "Easter"),
/// often by its meaning, so it is never taken for a name of its own.
fn name_adjective(side: &Side, k: Tok, lists: &Lists) -> bool {
    let w = side.surface(k).to_lowercase();
    words::of(&lists.name_adjective_ending, side.lang)
        .iter()
        .any(|e| w.ends_with(e.as_str()))
}

/// The open names of a side (rule 1). In a run of name-like tokens of
/// which the other side explains some, the capitalised common words left
/// open are accounted for ("Middle" of "Middle East" / "Близкия изток",
/// "States" of "United States" / "САЩ"), while the name tokens left open
/// stay open ("Jamie Siminoff" / "Jamie Lundqvist": the surname changed).
fn open_names(side: &Side, lists: &Lists) -> Vec<Words> {
    let toks: Vec<Tok> = side.tokens().filter(|&k| name_like(side, k)).collect();
    let mut out = Vec::new();
    for w in runs(toks) {
        let s = w.from.s;
        let run: Vec<Tok> = (w.from.t..=w.to.t).map(|t| Tok { s, t }).collect();
        let covered_any = run.iter().any(|&k| side.is_covered(k));
        let open: Vec<Tok> = run
            .into_iter()
            .filter(|&k| {
                !side.is_covered(k)
                    && !name_adjective(side, k, lists)
                    && (!covered_any || !known(side, k))
            })
            .collect();
        out.extend(runs(open).into_iter().filter(|w| {
            (w.from.t..=w.to.t).any(|t| side.kind(Tok { s: w.from.s, t }) == TokenKind::Name)
                && is_name(side, w, lists)
        }));
    }
    out
}

/// Is one of `names` a name proper: a word the dictionaries do not know
/// ("Lundqvist", "Петров")?
fn proper(side: &Side, names: &[Words]) -> bool {
    names
        .iter()
        .any(|w| (w.from.t..=w.to.t).any(|t| !known(side, Tok { s: w.from.s, t })))
}

/// Is name `w` beside a name token of its run that the other side explains:
/// a given name dropped or added beside a surname kept ("Andrej
/// Jarmolenko" / "Jarmolenko"), which changes no one's identity?
fn beside_a_kept_name(side: &Side, w: &Words) -> bool {
    let s = w.from.s;
    let len = side.analysed[s].tokens.len() as u32;
    // A name token, or outside German a capitalised word the dictionaries
    // know as a word too ("Michael" opening "Michael Schumacher ended …").
    let kept = |t: u32| {
        let k = Tok { s, t };
        name_like(side, k) && side.is_covered(k)
    };
    (w.from.t > 0 && kept(w.from.t - 1)) || (w.to.t + 1 < len && kept(w.to.t + 1))
}

/// Weight of what a side leaves unexplained (content words, names, numbers).
pub fn leftover(side: &Side) -> f32 {
    side.tokens()
        .filter(|&k| side.kind(k) != TokenKind::Stop && !side.is_covered(k))
        .map(|k| side.weight(k))
        .sum()
}

/// Unexplained capitalised content words that are not the first word of
/// their sentence (in German, where nouns are capitalised, none).
fn capitalised_open(side: &Side) -> Vec<Words> {
    let toks: Vec<Tok> = side
        .tokens()
        .filter(|&k| {
            side.kind(k) == TokenKind::Word
                && !side.is_covered(k)
                && capitalised(side, k)
                && side.lang != Lang::De
                && k.t > 0
        })
        .collect();
    runs(toks)
}

/// NM1–NM4.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let pr = cx.pr;
    let (mut s, mut t) = (
        open_names(&pr.source, cx.lists),
        open_names(&pr.target, cx.lists),
    );
    claims.target(&t);
    // A name written inside a word of the other side is still there
    // ("EU" / "EU-Gericht", "Cheops" / "Cheopspyramide").
    s.retain(|w| !inside_a_word(&pr.source, w, &pr.target));
    t.retain(|w| !inside_a_word(&pr.target, w, &pr.source));
    // A title in quotation marks against a quoted span of the other side
    // is a title translated ("Gone with the Wind" / „Vom Winde verweht“).
    // The quotation is a title: every content word of it capitalised
    // ("Gone with the Wind"), not quoted speech with a name in it ("I met
    // Petrov").
    let quoted = |side: &Side, w: &Words| {
        let s = w.from.s;
        let q = |t: u32| side.is_quoted(Tok { s, t });
        let len = side.analysed[s].tokens.len() as u32;
        if !(w.from.t..=w.to.t).all(q) {
            return false;
        }
        let (mut a, mut b) = (w.from.t, w.to.t);
        while a > 0 && q(a - 1) {
            a -= 1;
        }
        while b + 1 < len && q(b + 1) {
            b += 1;
        }
        (a..=b).all(|t| {
            let k = Tok { s, t };
            !matches!(side.kind(k), TokenKind::Word | TokenKind::Name) || capitalised(side, k)
        })
    };
    let any_quoted = |side: &Side| side.tokens().any(|k| side.is_quoted(k));
    if any_quoted(&pr.target) {
        s.retain(|w| !quoted(&pr.source, w));
    }
    if any_quoted(&pr.source) {
        t.retain(|w| !quoted(&pr.target, w));
    }
    // A name spelling out an acronym of the other side is that acronym.
    s.retain(|w| !spells_out_acronym(&pr.source, w, &pr.target));
    t.retain(|w| !spells_out_acronym(&pr.target, w, &pr.source));
    // The home country of either language, added or dropped, is context for
    // the readers of the relay ("в Германия" for a German report), not a
    // name added or dropped.
    let home = |side: &Side, w: &Words| {
        let list = |l: Lang| words::of(&cx.lists.home_country, l);
        let (a, b) = (list(pr.source.lang), list(pr.target.lang));
        w.from == w.to
            && run_words(side, w).all(|x| {
                let x = x.to_lowercase();
                a.contains(&x) || b.contains(&x)
            })
    };
    // Only as a pure addition or drop: against an open name of the other
    // side it may be a replacement („бул. „България““ → "Nikola Gabrovski
    // Blvd.").
    let not_home_s: Vec<Words> = s.iter().copied().filter(|w| !home(&pr.source, w)).collect();
    let not_home_t: Vec<Words> = t.iter().copied().filter(|w| !home(&pr.target, w)).collect();
    let (pure_s, pure_t) = (not_home_t.is_empty(), not_home_s.is_empty());
    if pure_s {
        s = not_home_s;
    }
    if pure_t {
        t = not_home_t;
    }
    // Only where nothing else is open: a given name added or dropped beside
    // a surname both sides keep is no name added or dropped.
    if s.is_empty() {
        t.retain(|w| !beside_a_kept_name(&pr.target, w));
    }
    if t.is_empty() {
        s.retain(|w| !beside_a_kept_name(&pr.source, w));
    }
    // Names that link to a name of the other side are one name rendered twice.
    let (s0, t0) = (s.clone(), t.clone());
    s.retain(|ws| !t0.iter().any(|wt| linked(&pr.source, ws, &pr.target, wt)));
    t.retain(|wt| !s0.iter().any(|ws| linked(&pr.source, ws, &pr.target, wt)));
    // Acronyms stand for words (rule 3).
    let open_content = |side: &Side, names: &[Words]| {
        side.tokens().any(|k| {
            side.kind(k) != TokenKind::Stop
                && !side.is_covered(k)
                && !names
                    .iter()
                    .any(|w| w.from.s == k.s && (w.from.t..=w.to.t).contains(&k.t))
        })
    };
    let (source_open, target_open) = (
        open_content(&pr.source, &s) || !s.is_empty(),
        open_content(&pr.target, &t) || !t.is_empty(),
    );
    s.retain(|w| !(is_acronym(&pr.source, w) && target_open));
    t.retain(|w| !(is_acronym(&pr.target, w) && source_open));
    // A replacement involves a name proper: an open name the dictionaries do
    // not know on one side at least (capitalised common words left open on
    // both, "Business" / "Мястото", are a free rendering, not a name swapped).
    let gate = cx.corresponds();
    let replaced = gate && (proper(&pr.source, &s) || proper(&pr.target, &t));
    match (s.is_empty(), t.is_empty()) {
        (false, false) if replaced => {
            vec![Finding::new(&rules::NM1).with_target(t).with_source(s)]
        }
        (true, false) if leftover(&pr.source) == 0.0 => {
            vec![Finding::new(&rules::NM2).with_target(t)]
        }
        (false, true) if leftover(&pr.target) == 0.0 => {
            vec![Finding::new(&rules::NM3).with_source(s)]
        }
        // What the other side leaves open is capitalised: a known place or
        // body ("Spanien", "Wirtschaftsministerium") that this name replaced.
        (true, false)
            if gate && proper(&pr.target, &t) && !capitalised_open(&pr.source).is_empty() =>
        {
            vec![
                Finding::new(&rules::NM4)
                    .with_target(t)
                    .with_source(capitalised_open(&pr.source)),
            ]
        }
        (false, true)
            if gate && proper(&pr.source, &s) && !capitalised_open(&pr.target).is_empty() =>
        {
            let t = capitalised_open(&pr.target);
            vec![Finding::new(&rules::NM4).with_target(t).with_source(s)]
        }
        _ => Vec::new(),
    }
}
