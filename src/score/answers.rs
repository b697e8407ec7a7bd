//! Rules NEG4, H8 and H9: the short answers of an interview. "Yes." against
//! „Nein.“ is the whole claim of its sentence, but a one-word sentence has
//! nothing for the word rules to link: the lexicon may pair "yes" with
//! „ja“, yet a changed answer leaves one unexplained word on each side,
//! which reads as free translation. So the answer is compared as a class:
//! yes, no or maybe, when it opens the row's first sentence and a sentence
//! mark or a comma follows it ("Yes.", „Nein, nie.“, "Може би."). Bulgarian
//! „да“ and „не“ are answers only so placed („Да се върнем“ is not one).
//! The words are the lists `answer_yes`, `answer_no` and `answer_maybe`
//! of `data/score/words.tsv`.

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words};
use super::rules;
use super::view::{Side, Tok};
use super::words::{self, Lists};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Yes,
    No,
    Maybe,
}

/// The answer opening the side's first sentence, and its words.
fn answer(side: &Side, lists: &Lists) -> Option<(Answer, Words)> {
    let a = side.analysed.first()?;
    let text = *side.texts.first()?;
    let surface = |t: u32| side.surface(Tok { s: 0, t }).to_lowercase();
    for (class, list) in [
        (Answer::Yes, &lists.answer_yes),
        (Answer::No, &lists.answer_no),
        (Answer::Maybe, &lists.answer_maybe),
    ] {
        for form in words::of(list, side.lang) {
            let parts: Vec<&str> = form.split(' ').collect();
            let n = parts.len() as u32;
            if (a.tokens.len() as u32) < n || (0..n).any(|t| surface(t) != parts[t as usize]) {
                continue;
            }
            let end = side.span(Tok { s: 0, t: n - 1 }).end;
            let next = text[end..].trim_start().chars().next();
            if next.is_none_or(|c| matches!(c, '.' | ',' | '!' | ';' | '–' | '—')) {
                let words = Words {
                    from: Tok { s: 0, t: 0 },
                    to: Tok { s: 0, t: n - 1 },
                };
                return Some((class, words));
            }
        }
    }
    None
}

/// NEG4, H8, H9.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let pr = cx.pr;
    let (Some((from, sw)), Some((to, tw))) =
        (answer(&pr.source, cx.lists), answer(&pr.target, cx.lists))
    else {
        return Vec::new();
    };
    let rule = match (from, to) {
        (Answer::Yes, Answer::No) | (Answer::No, Answer::Yes) => &rules::NEG4,
        (Answer::Maybe, Answer::Yes | Answer::No) => &rules::H8,
        (Answer::Yes | Answer::No, Answer::Maybe) => &rules::H9,
        _ => return Vec::new(),
    };
    claims.target_token(tw.from);
    vec![
        Finding::new(rule)
            .with_source(vec![sw])
            .with_target(vec![tw]),
    ]
}
