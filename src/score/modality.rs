//! Rules MOD1–MOD3: modality hardened or softened. A relay that turns
//! "could" into "will" („könnte“ → „wird“, „може да“ → „ще“) states as
//! coming what the source only held possible: the classic hardening of a
//! claim. The reverse softens it. Modal verbs are stop words and never
//! linked, so the rule compares clauses: a weak modal in one side's clause,
//! none (and no other hedge) in the clauses of the other side that render
//! it, and a strong one there instead. MOD3 is the hardening of a modal
//! of ability or possibility ("can", „kann“, „може“ → "will"): weaker
//! evidence, as "can" often states ability, so it is its own rule with its
//! own measured rate. The words are the lists `weak_modal`, `able_modal`,
//! `strong_modal` and `other_modal` of `data/score/words.tsv`.

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words};
use super::hedges::{counterpart_clauses, hedging};
use super::rules::{self, Rule};
use super::view::{PairRow, Side, Tok};
use super::words::{self, Lists};

/// The tokens of `side` (within `within`, or all) whose words are in
/// `list` (a word or the first word of a two-word entry such as "може да").
pub(super) fn modals(side: &Side, list: &[String], within: Option<&[Tok]>) -> Vec<Tok> {
    side.tokens()
        .filter(|k| within.is_none_or(|w| w.contains(k)))
        .filter(|&k| {
            let w = side.surface(k).to_lowercase();
            list.contains(&w)
        })
        .collect()
}

/// Is the strong modal at `k` a future rather than a German passive? "wird
/// steigen" is; "wird gebaut", "verarbeitet werden" are not. The
/// infinitive ends the clause („wird … kühl sein“), or stands right before
/// the modal when the modal ends a subordinate clause („…, weil sie fliegen
/// werden“): a lowercase word ending in -n, not a "ge-" participle, not
/// „werden“ itself.
fn future(side: &Side, k: Tok) -> bool {
    let word = side.surface(k).to_lowercase();
    if !matches!(word.as_str(), "wird" | "werden" | "werde" | "wirst") {
        return true;
    }
    let last = side.clause(k).end.saturating_sub(1);
    let t = if last == k.t {
        match before(side, k) {
            Some(t) => t,
            None => return false,
        }
    } else {
        Tok { s: k.s, t: last }
    };
    let surface = side.surface(t);
    let end = surface.to_lowercase();
    surface.starts_with(char::is_lowercase)
        && end.ends_with('n')
        && !end.starts_with("ge")
        && end != "werden"
}

/// One direction: a weak modal of `side` rendered by a strong one on
/// `other` with no weak modal or hedge there. With `able`, a modal of
/// ability or possibility ("can", „kann“, „може“) counts as weak too: a
/// future rendering it hardens the claim ("prices can rise" → „die Preise
/// werden steigen“). Not the other way round: "will be able to" is
/// rendered "can" faithfully.
fn moved(
    cx: &RowContext,
    side: &Side,
    other: &Side,
    partners: &dyn Fn(Tok) -> Vec<Tok>,
    able: bool,
) -> Option<(Tok, Tok, bool)> {
    let lists: &Lists = cx.lists;
    let able_list = words::of(&lists.able_modal, side.lang);
    let mut weak = words::of(&lists.weak_modal, side.lang).to_vec();
    if able {
        weak.extend_from_slice(able_list);
    }
    let strong_here = words::of(&lists.strong_modal, side.lang);
    for k in modals(side, &weak, None) {
        let is_able = able_list.contains(&side.surface(k).to_lowercase());
        // An infinitive is no claim of its own ("nachgehen zu können").
        if is_able && infinitive(side, k) {
            continue;
        }
        // A clause with both ("ще могат") is no weak claim.
        if !modals(side, strong_here, Some(&own(side, k))).is_empty() {
            continue;
        }
        let within = counterpart_clauses(side, other, k, partners);
        let within = within.as_deref();
        let other_weak = modals(other, words::of(&lists.weak_modal, other.lang), within);
        let (markers, _) = hedging(other, cx.loaded, lists, within);
        let strong: Vec<Tok> = modals(other, words::of(&lists.strong_modal, other.lang), within)
            .into_iter()
            .filter(|&t| future(other, t))
            .collect();
        let other_modal = modals(other, words::of(&lists.other_modal, other.lang), within);
        if other_weak.is_empty()
            && other_modal.is_empty()
            && markers == 0
            && let Some(&s) = strong.first()
        {
            return Some((k, s, is_able));
        }
    }
    None
}

/// Is the modal at `k` an infinitive: after "zu" or "to"? (German puts
/// the finite verb last in a subordinate clause, „… sehen können“, so
/// the place in the clause says nothing.)
fn infinitive(side: &Side, k: Tok) -> bool {
    before(side, k)
        .map(|t| side.surface(t).to_lowercase())
        .is_some_and(|w| w == "zu" || w == "to")
}

/// The token before `k` in its clause.
fn before(side: &Side, k: Tok) -> Option<Tok> {
    let start = side.clause(k).start;
    k.t.checked_sub(1)
        .filter(|&t| t >= start)
        .map(|t| Tok { s: k.s, t })
}

/// The tokens of the clause of `k`.
fn own(side: &Side, k: Tok) -> Vec<Tok> {
    side.clause(k).map(|t| Tok { s: k.s, t }).collect()
}

fn finding(rule: &'static Rule, source: Tok, target: Tok) -> Finding {
    Finding::new(rule)
        .with_source(vec![Words::one(source)])
        .with_target(vec![Words::one(target)])
}

/// MOD1, MOD2, MOD3.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let pr: &PairRow = cx.pr;
    if !cx.corresponds() {
        return Vec::new();
    }
    let to_target = |k: Tok| pr.partners_of_source(k).collect::<Vec<_>>();
    let to_source = |k: Tok| pr.partners_of_target(k).collect::<Vec<_>>();
    if let Some((s, t, able)) = moved(cx, &pr.source, &pr.target, &to_target, true) {
        claims.target_token(t);
        let rule = if able { &rules::MOD3 } else { &rules::MOD1 };
        return vec![finding(rule, s, t)];
    }
    if let Some((t, s, _)) = moved(cx, &pr.target, &pr.source, &to_source, false) {
        claims.target_token(t);
        return vec![finding(&rules::MOD2, s, t)];
    }
    Vec::new()
}
