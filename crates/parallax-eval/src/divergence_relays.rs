//! False claims on condensed relays of faithful human translation: the
//! shape of the held-out real relays (a version keeps 30–60 % of the other
//! in passages, one passage moved, some sentences merged or cut short),
//! built by [`super::condense`] from FLORES-200 documents and WMT news
//! articles. Every kept sentence is a faithful translation, so a flag on a
//! kept row is a false claim, except a part left out (omission flags are
//! not counted, and the tenth of kept sentences cut short on purpose not
//! at all); and
//! the relay adds nothing, so every added sentence is false too. Wrong links
//! make false claims cheap here (two unrelated sentences compared), which
//! faithful translation aligned line by line never shows.

use std::collections::BTreeMap;

use super::divergence::{alarming, counts, run};
use super::memory_story::story;
use super::relay_sets::Relay;
use parallax::Lang;
use parallax::corpus::Story;
use parallax::lexicon::Lexicon;
use parallax::score::{Flag, Kind};

/// What the relays of one set gave.
#[derive(Debug, Clone)]
pub struct RelayResult {
    pub data: String,
    pub pair: (Lang, Lang),
    pub relays: usize,
    /// Rows where both versions have a sentence, none of them cut short.
    pub kept_rows: usize,
    /// Kept rows with a major or critical claim, and with any (minor+).
    pub alarmed: usize,
    pub flagged: usize,
    /// Of the alarmed rows, those joining sentences that are not a gold pair.
    pub alarmed_wrong_link: usize,
    /// Added-sentence flags (minor+): the relay adds nothing.
    pub added: usize,
    /// Claims (minor+) on kept rows by kind: (major+, all).
    pub by_kind: BTreeMap<Kind, (usize, usize)>,
}

/// A flag that makes a false claim on a kept row of a faithful relay: any
/// but a part left out.
fn claims(f: &Flag) -> bool {
    !matches!(f.kind, Kind::Omission | Kind::OmittedSentence | Kind::Moved)
}

/// Scores `relays` (`a` → `b`: `b` is the condensed relay) and counts.
pub fn measure(
    data: &str,
    (la, lb): (Lang, Lang),
    relays: &[Relay],
    lexicon: &Lexicon,
) -> RelayResult {
    let stories: Vec<Story> = relays
        .iter()
        .enumerate()
        .map(|(k, r)| {
            story(
                &format!("{data}/{k}"),
                &[(la, &r.a.join("\n")), (lb, &r.b.join("\n"))],
                &[la, lb],
            )
        })
        .collect();
    let scored = run(stories, lexicon, true);
    super::divergence_natural::dump_flags(data, &scored);
    let mut out = RelayResult {
        data: data.to_string(),
        pair: (la, lb),
        relays: relays.len(),
        kept_rows: 0,
        alarmed: 0,
        flagged: 0,
        alarmed_wrong_link: 0,
        added: 0,
        by_kind: BTreeMap::new(),
    };
    for ((al, s), relay) in scored.iter().zip(relays) {
        out.added += s
            .flags
            .iter()
            .filter(|f| f.kind == Kind::AddedSentence && counts(f))
            .count();
        for (r, row) in al.rows.iter().enumerate() {
            let (ia, ib) = (row.ids(la), row.ids(lb));
            if ia.is_empty() || ib.is_empty() || ib.iter().any(|j| relay.cut_b.contains(j)) {
                continue;
            }
            out.kept_rows += 1;
            let fl: Vec<&Flag> = s
                .flags
                .iter()
                .filter(|f| f.row == r && counts(f) && claims(f))
                .collect();
            let alarm = fl.iter().any(|f| alarming(f));
            out.alarmed += usize::from(alarm);
            out.flagged += usize::from(!fl.is_empty());
            let wrong = ia.iter().any(|&i| {
                ib.iter()
                    .all(|&j| relay.gold.binary_search(&(i, j)).is_err())
            });
            out.alarmed_wrong_link += usize::from(alarm && wrong);
            for f in fl {
                let k = out.by_kind.entry(f.kind).or_default();
                k.0 += usize::from(alarming(f));
                k.1 += 1;
            }
        }
    }
    out
}

/// The relays measured: FLORES-200 documents for every pair and WMT
/// newstest2021 articles (de-en), each condensed as passages and as a lead,
/// the condensed version as the relay.
pub fn all(
    data: &std::path::Path,
    lexicon: &Lexicon,
    seed: u64,
) -> parallax::Result<Vec<RelayResult>> {
    use super::condense::{self, Style};
    let mut out = Vec::new();
    let styles = [(Style::Passages, "passages"), (Style::Lead, "lead")];
    let flores_dir = data.join("flores200-devtest");
    if flores_dir.is_dir() {
        let flores = super::flores::Flores::load(&flores_dir)?;
        for pair in [
            (Lang::Bg, Lang::De),
            (Lang::Bg, Lang::En),
            (Lang::De, Lang::En),
        ] {
            for (style, name) in styles {
                let relays = condense::flores(&flores, pair, style, seed);
                out.push(measure(
                    &format!("flores relays, {name}"),
                    pair,
                    &relays,
                    lexicon,
                ));
            }
        }
    }
    let wmt_dir = data.join("wmt-de-en");
    if wmt_dir.is_dir() {
        for (style, name) in styles {
            let relays = condense::wmt_articles(&wmt_dir, style, seed)?;
            out.push(measure(
                &format!("wmt relays, {name}"),
                (Lang::De, Lang::En),
                &relays,
                lexicon,
            ));
        }
    }
    Ok(out)
}

/// Printed lines and CSV rows (header [`HEADER`]) of the results.
pub fn table(results: &[RelayResult]) -> (Vec<String>, Vec<Vec<String>>) {
    let share = |a: usize, b: usize| {
        if b == 0 {
            "-".to_string()
        } else {
            format!("{:.3}", a as f64 / b as f64)
        }
    };
    let mut lines = vec![
        "data                     pair  relays  kept rows  major+  share  any    share  major+ on wrong links  added sentences".to_string(),
    ];
    let mut rows = Vec::new();
    for r in results {
        let pair = format!("{}-{}", r.pair.0, r.pair.1);
        lines.push(format!(
            "{:<24} {pair:<5} {:>6}  {:>9}  {:>6}  {}  {:>5}  {}  {:>21}  {:>15}",
            r.data,
            r.relays,
            r.kept_rows,
            r.alarmed,
            share(r.alarmed, r.kept_rows),
            r.flagged,
            share(r.flagged, r.kept_rows),
            r.alarmed_wrong_link,
            r.added
        ));
        let kinds: Vec<String> = r
            .by_kind
            .iter()
            .map(|(k, (a, n))| format!("{k} {a}/{n}"))
            .collect();
        lines.push(format!(
            "      claims by kind (major+/all): {}",
            kinds.join(", ")
        ));
        rows.push(vec![
            r.data.clone(),
            pair,
            r.relays.to_string(),
            r.kept_rows.to_string(),
            r.alarmed.to_string(),
            share(r.alarmed, r.kept_rows),
            r.flagged.to_string(),
            share(r.flagged, r.kept_rows),
            r.alarmed_wrong_link.to_string(),
            r.added.to_string(),
        ]);
    }
    (lines, rows)
}

/// Columns of `divergence-relays.csv`.
pub const HEADER: [&str; 10] = [
    "data",
    "pair",
    "relays",
    "kept_rows",
    "major_rows",
    "major_share",
    "flagged_rows",
    "flagged_share",
    "major_rows_on_wrong_links",
    "added_sentence_flags",
];
