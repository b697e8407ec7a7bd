//! The relay part of `parallax-eval alignment`: condensed and reordered
//! FLORES relays and WMT news, by sentence links (and strict F1), saved to
//! `benches/results/alignment-relays.csv`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::flores::Flores;
use super::relay_sets::{self, Links, Shape};
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

pub fn run(
    out: &mut Out,
    data: &Path,
    lexicon: &Lexicon,
    options: &AlignOptions,
    seed: u64,
    path: PathBuf,
) -> parallax::Result<()> {
    out.line(
        "relays                         pair   docs  link P  link R  moved R strict F1 seconds",
    )?;
    let mut rows = Vec::new();
    let flores_dir = data.join("flores200-devtest");
    if flores_dir.is_dir() {
        let flores = Flores::load(&flores_dir)?;
        for (shape, name) in [
            (Shape::Condensed, "flores condensed 20-60 %"),
            (Shape::Moved, "flores moved block 2-5"),
        ] {
            for (a, b) in [
                (Lang::Bg, Lang::De),
                (Lang::Bg, Lang::En),
                (Lang::De, Lang::En),
            ] {
                let t = Instant::now();
                let (docs, links) =
                    relay_sets::flores_relays(&flores, (a, b), shape, seed, lexicon, options);
                let (text, cells) = line(
                    name,
                    &format!("{a}-{b}"),
                    docs,
                    &links,
                    t.elapsed().as_secs_f64(),
                );
                out.line(&text)?;
                rows.push(cells);
            }
        }
    } else {
        output::note(&format!(
            "skipping FLORES relays: {} not found",
            flores_dir.display()
        ));
    }
    let wmt_dir = data.join("wmt-de-en");
    if wmt_dir.is_dir() {
        for set in ["newstest2021", "generaltest2022"] {
            for edited in [false, true] {
                let t = Instant::now();
                let (docs, links) = relay_sets::wmt(&wmt_dir, set, edited, seed, lexicon, options)?;
                let name = format!("wmt {set}{}", if edited { ", edited" } else { "" });
                let (text, cells) = line(&name, "de-en", docs, &links, t.elapsed().as_secs_f64());
                out.line(&text)?;
                rows.push(cells);
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
    Ok(())
}
