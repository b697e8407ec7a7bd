//! The relay part of `parallax-eval alignment`: condensed and reordered
//! relays of FLORES, WMT news articles and the bundled stories, and WMT news
//! with hard-case edits, by sentence links (and strict F1), saved to
//! `benches/results/alignment-relays.csv`; the mismatched-pair control
//! (`alignment-control.csv`); and a table per language pair, bg-de beside
//! the others (`alignment-pairs.csv`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::condense::{self, Style};
use super::flores::Flores;
use super::mismatched::{self, Control};
use super::relay_sets::{self, Links, Relay, Shape};
use crate::output::{self, Out};
use parallax::align::AlignOptions;
use parallax::lang::Lang;
use parallax::lexicon::Lexicon;
use parallax::report;

fn f3(x: f64) -> String {
    if x.is_nan() {
        "-".into()
    } else {
        format!("{x:.3}")
    }
}

fn line(set: &str, pair: &str, docs: usize, l: &Links, secs: f64) -> (String, Vec<String>) {
    let s = l.beads.strict();
    let cells = vec![
        set.to_string(),
        pair.to_string(),
        docs.to_string(),
        f3(l.precision()),
        f3(l.recall()),
        f3(l.moved_recall()),
        f3(s.f1),
    ];
    let text = format!(
        "{set:<30} {pair:<6} {docs:>4}  {:>6}  {:>6}  {:>6}  {:>6}  {secs:>6.2}",
        cells[3], cells[4], cells[5], cells[6]
    );
    (text, cells)
}

const PAIRS: [(Lang, Lang); 3] = [
    (Lang::Bg, Lang::De),
    (Lang::Bg, Lang::En),
    (Lang::De, Lang::En),
];

/// Where a condensed set's links are pooled: the summary-worded sets apart
/// from the others, so that those stay comparable with earlier figures.
fn pool<'a>(
    style: Style,
    condensed: &'a mut [Links],
    summaries: &'a mut [Links],
) -> &'a mut [Links] {
    if style == Style::Summary {
        summaries
    } else {
        condensed
    }
}

/// Aligns relays both ways (each version as the condensed one).
fn both_ways(
    relays: &[Relay],
    (a, b): (Lang, Lang),
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> Links {
    let mut links = relay_sets::align_all(relays, (a, b), lexicon, options);
    let swapped: Vec<Relay> = relays.iter().map(condense::swapped).collect();
    links.add(relay_sets::align_all(&swapped, (b, a), lexicon, options));
    links
}

pub fn run(
    out: &mut Out,
    data: &Path,
    corpora: &Path,
    lexicon: &Lexicon,
    options: &AlignOptions,
    seed: u64,
    path: PathBuf,
) -> parallax::Result<()> {
    out.line(
        "relays                         pair   docs  link P  link R  moved R strict F1 seconds",
    )?;
    let mut rows = Vec::new();
    // Per pair: the condensed 30-60 % sets pooled, and the moved blocks.
    let mut condensed: Vec<Links> = vec![Links::default(); 3];
    let mut moved_blocks: Vec<Links> = vec![Links::default(); 3];
    // Per pair: the summary-worded sets pooled (kept apart from the above,
    // so that the earlier figures stay comparable).
    let mut summaries: Vec<Links> = vec![Links::default(); 3];
    let mut emit =
        |out: &mut Out, name: &str, pair: &str, docs: usize, links: &Links, t: Instant| {
            let (text, cells) = line(name, pair, docs, links, t.elapsed().as_secs_f64());
            rows.push(cells);
            out.line(&text)
        };
    let flores_dir = data.join("flores200-devtest");
    let flores = if flores_dir.is_dir() {
        Some(Flores::load(&flores_dir)?)
    } else {
        output::note(&format!(
            "skipping FLORES relays: {} not found",
            flores_dir.display()
        ));
        None
    };
    if let Some(flores) = &flores {
        for (shape, name) in [
            (Shape::Condensed, "flores condensed 20-60 %"),
            (Shape::Moved, "flores moved block 2-5"),
        ] {
            for (k, (a, b)) in PAIRS.into_iter().enumerate() {
                let t = Instant::now();
                let (docs, links) =
                    relay_sets::flores_relays(flores, (a, b), shape, seed, lexicon, options);
                if matches!(shape, Shape::Moved) {
                    moved_blocks[k].add(links);
                }
                emit(out, name, &format!("{a}-{b}"), docs, &links, t)?;
            }
        }
        for (style, name) in [
            (Style::Passages, "flores condensed 30-60 %, passages"),
            (Style::Lead, "flores condensed 30-60 %, lead"),
            (Style::Summary, "flores summary 30-60 %"),
        ] {
            for (k, pair) in PAIRS.into_iter().enumerate() {
                let t = Instant::now();
                let relays = condense::flores(flores, pair, style, seed);
                let links = both_ways(&relays, pair, lexicon, options);
                pool(style, &mut condensed, &mut summaries)[k].add(links);
                emit(
                    out,
                    name,
                    &format!("{}-{}", pair.0, pair.1),
                    2 * relays.len(),
                    &links,
                    t,
                )?;
            }
        }
    }
    let wmt_dir = data.join("wmt-de-en");
    if wmt_dir.is_dir() {
        for (style, name) in [
            (Style::Passages, "wmt articles condensed 30-60 %, passages"),
            (Style::Lead, "wmt articles condensed 30-60 %, lead"),
            (Style::Summary, "wmt articles summary 30-60 %"),
        ] {
            let t = Instant::now();
            let relays = condense::wmt_articles(&wmt_dir, style, seed)?;
            let links = both_ways(&relays, (Lang::De, Lang::En), lexicon, options);
            pool(style, &mut condensed, &mut summaries)[2].add(links);
            emit(out, name, "de-en", 2 * relays.len(), &links, t)?;
        }
    }
    for (style, name) in [
        (Style::Passages, "corpora condensed 30-60 %, passages"),
        (Style::Summary, "corpora summary 30-60 %"),
    ] {
        for (k, pair) in PAIRS.into_iter().enumerate() {
            let t = Instant::now();
            let relays = condense::corpora(corpora, pair, style, seed)?;
            let links = both_ways(&relays, pair, lexicon, options);
            pool(style, &mut condensed, &mut summaries)[k].add(links);
            let pair = format!("{}-{}", pair.0, pair.1);
            emit(out, name, &pair, 2 * relays.len(), &links, t)?;
        }
    }
    if wmt_dir.is_dir() {
        for set in ["newstest2021", "generaltest2022"] {
            for edited in [false, true] {
                let t = Instant::now();
                let (docs, links) = relay_sets::wmt(&wmt_dir, set, edited, seed, lexicon, options)?;
                let name = format!("wmt {set}{}", if edited { ", edited" } else { "" });
                emit(out, &name, "de-en", docs, &links, t)?;
            }
        }
    } else {
        output::note(&format!("skipping WMT: {} not found", wmt_dir.display()));
    }
    let header = [
        "data_set",
        "pair",
        "documents",
        "link_p",
        "link_r",
        "moved_link_r",
        "strict_f1",
    ];
    report::write_atomic(&path, &report::csv_bytes(&header, &rows))?;
    out.line(&format!("saved {}", path.display()))?;
    // The mismatched-pair control.
    out.line("")?;
    out.line(
        "mismatched-pair control        pair   docs  sentences  coverage  links  link rate  judged unrelated",
    )?;
    let mut control_rows = Vec::new();
    let mut controls: Vec<Control> = vec![Control::default(); 3];
    let mut show = |out: &mut Out, name: &str, k: usize, c: Control| -> parallax::Result<()> {
        let (a, b) = PAIRS[k];
        controls[k].add(c);
        let cells = vec![
            name.to_string(),
            format!("{a}-{b}"),
            c.documents.to_string(),
            c.sentences.to_string(),
            f3(c.coverage()),
            c.links.to_string(),
            f3(c.link_rate()),
            f3(c.verdict_rate()),
        ];
        out.line(&format!(
            "{name:<30} {a}-{b}  {:>5}  {:>9}  {:>8}  {:>5}  {:>9}  {:>16}",
            cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]
        ))?;
        control_rows.push(cells);
        Ok(())
    };
    if let Some(flores) = &flores {
        for (k, pair) in PAIRS.into_iter().enumerate() {
            show(
                out,
                "flores documents",
                k,
                mismatched::flores(flores, pair, lexicon, options),
            )?;
        }
    }
    if wmt_dir.is_dir() {
        show(
            out,
            "wmt articles",
            2,
            mismatched::wmt(&wmt_dir, lexicon, options)?,
        )?;
    }
    for (k, pair) in PAIRS.into_iter().enumerate() {
        show(
            out,
            "corpora stories",
            k,
            mismatched::corpora(corpora, pair, lexicon, options)?,
        )?;
    }
    let control_path = path.with_file_name("alignment-control.csv");
    let header = [
        "data_set",
        "pair",
        "documents",
        "sentences",
        "coverage",
        "links",
        "link_rate",
        "judged_unrelated",
    ];
    report::write_atomic(&control_path, &report::csv_bytes(&header, &control_rows))?;
    out.line(&format!("saved {}", control_path.display()))?;
    // Per language pair, bg-de beside the others.
    out.line("")?;
    out.line("per pair    condensed P  condensed R  moved R (condensed)  moved R (blocks)  block P  control coverage  control link rate  summary P  summary R")?;
    let mut pair_rows = Vec::new();
    for (k, (a, b)) in PAIRS.into_iter().enumerate() {
        let (c, m, x, y) = (&condensed[k], &moved_blocks[k], &controls[k], &summaries[k]);
        let cells = vec![
            format!("{a}-{b}"),
            f3(c.precision()),
            f3(c.recall()),
            f3(c.moved_recall()),
            f3(m.moved_recall()),
            f3(m.precision()),
            f3(x.coverage()),
            f3(x.link_rate()),
            f3(y.precision()),
            f3(y.recall()),
        ];
        out.line(&format!(
            "{:<10}  {:>11}  {:>11}  {:>19}  {:>16}  {:>7}  {:>16}  {:>17}  {:>9}  {:>9}",
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            cells[4],
            cells[5],
            cells[6],
            cells[7],
            cells[8],
            cells[9]
        ))?;
        pair_rows.push(cells);
    }
    let pairs_path = path.with_file_name("alignment-pairs.csv");
    let header = [
        "pair",
        "condensed_link_p",
        "condensed_link_r",
        "condensed_moved_link_r",
        "moved_block_moved_link_r",
        "moved_block_link_p",
        "control_coverage",
        "control_link_rate",
        "summary_link_p",
        "summary_link_r",
    ];
    report::write_atomic(&pairs_path, &report::csv_bytes(&header, &pair_rows))?;
    out.line(&format!("saved {}", pairs_path.display()))?;
    Ok(())
}
