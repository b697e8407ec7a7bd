//! The planted-change figures as printed lines and CSV rows
//! (`benches/results/divergence-planted.csv`): recall per kind and language
//! (the version the change entered), and per kind the share flagged in any
//! version, the right step and relay record, recall per step, and the
//! twins' figures.

use super::plant::{KINDS, Planted};
use super::plant_eval::{Cell, PlantResult};
use parallax::Lang;
use parallax::lang::KNOWN;

pub const HEADER: [&str; 14] = [
    "kind",
    "lang",
    "planted",
    "found",
    "recall",
    "any_version",
    "right_step",
    "relay_ok",
    "step1_planted",
    "step1_recall",
    "step2_planted",
    "step2_recall",
    "twin_same_flag",
    "twin_false_alarm",
];

fn share(a: usize, b: usize) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.3}", a as f64 / b as f64)
    }
}

fn add(into: &mut Cell, c: &Cell) {
    into.planted += c.planted;
    into.found += c.found;
    into.any_version += c.any_version;
    into.right_step += c.right_step;
    into.relay += c.relay;
    into.twin_same += c.twin_same;
    into.twin_alarm += c.twin_alarm;
    for s in 0..2 {
        into.by_step[s].0 += c.by_step[s].0;
        into.by_step[s].1 += c.by_step[s].1;
    }
}

/// The cell of a kind (all kinds when `None`) and language (all when `None`).
fn cell(r: &PlantResult, kind: Option<Planted>, lang: Option<Lang>) -> Cell {
    let mut out = Cell::default();
    for ((k, l), c) in &r.cells {
        if kind.is_none_or(|x| x == *k) && lang.is_none_or(|x| x == *l) {
            add(&mut out, c);
        }
    }
    out
}

fn csv_row(name: &str, lang: &str, c: &Cell) -> Vec<String> {
    vec![
        name.into(),
        lang.into(),
        c.planted.to_string(),
        c.found.to_string(),
        share(c.found, c.planted),
        share(c.any_version, c.planted),
        share(c.right_step, c.any_version),
        share(c.relay, c.found),
        c.by_step[0].0.to_string(),
        share(c.by_step[0].1, c.by_step[0].0),
        c.by_step[1].0.to_string(),
        share(c.by_step[1].1, c.by_step[1].0),
        share(c.twin_same, c.planted),
        share(c.twin_alarm, c.planted),
    ]
}

/// Printed lines and CSV rows.
pub fn table(r: &PlantResult) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = vec![
        "kind               bg           de           en           all          any ver  step ok  relay ok  step 1  step 2  twin same  twin alarm".to_string(),
    ];
    let mut rows = Vec::new();
    let kinds: Vec<Option<Planted>> = KINDS.iter().map(|&k| Some(k)).chain([None]).collect();
    for kind in kinds {
        let name = kind.map_or("all", |k| k.name());
        let mut line = format!("{name:<18}");
        for lang in KNOWN.iter().map(|&l| Some(l)).chain([None]) {
            let c = cell(r, kind, lang);
            line.push_str(&format!(
                " {:>5} ({:>4})",
                share(c.found, c.planted),
                c.planted
            ));
            let code = lang.map_or_else(|| "all".to_string(), |l| l.code().to_string());
            rows.push(csv_row(name, &code, &c));
        }
        let c = cell(r, kind, None);
        line.push_str(&format!(
            "  {:>7}  {:>7}  {:>8}  {:>6}  {:>6}  {:>9}  {:>10}",
            share(c.any_version, c.planted),
            share(c.right_step, c.any_version),
            share(c.relay, c.found),
            share(c.by_step[0].1, c.by_step[0].0),
            share(c.by_step[1].1, c.by_step[1].0),
            share(c.twin_same, c.planted),
            share(c.twin_alarm, c.planted),
        ));
        lines.push(line);
    }
    (lines, rows)
}
