//! `parallax-eval divergence`: prints the divergence figures of every set
//! that is present and writes them to `benches/results/divergence-*.csv`.
//! Sets whose data folder is missing are skipped with a note.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::divergence;
use super::divergence_mqm::{self, F1};
use super::flores::Flores;
use super::{divergence_demetr, divergence_natural, divergence_relays};
use super::{plant, plant_eval, plant_report, rules_table};
use crate::Outcome;
use crate::output::{self, Out};
use parallax::lexicon::Lexicon;
use parallax::report;
use parallax::score::Kind;

/// The seed of the condensed relays (the alignment evaluation's test seed).
const RELAY_SEED: u64 = crate::print_alignment::SEED;

fn f3(x: f64) -> String {
    if x.is_nan() {
        "-".into()
    } else {
        format!("{x:.3}")
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        f64::NAN
    } else {
        a as f64 / b as f64
    }
}

pub fn run(
    data: &Path,
    corpora: &Path,
    dir: &Path,
    show_errors: bool,
    dump: Option<&Path>,
    rates: &Path,
) -> parallax::Result<Outcome> {
    let lexicon = Lexicon::embedded();
    let mut out = Out::new();
    let save = |name: &str, header: &[&str], rows: &[Vec<String>]| -> parallax::Result<PathBuf> {
        let path = dir.join(name);
        report::write_atomic(&path, &report::csv_bytes(header, rows))?;
        Ok(path)
    };

    // 1. The bundled corpora against their gold divergences.
    let t = Instant::now();
    let c = divergence::corpora(corpora, &lexicon)?;
    out.line(&format!(
        "corpora/ gold divergences ({:.1} s)",
        t.elapsed().as_secs_f64()
    ))?;
    out.line("kind               gold  found  recall   flags  correct  precision  right step")?;
    let mut rows = Vec::new();
    for kind in Kind::ALL {
        let k = c.kinds.get(&kind).cloned().unwrap_or_default();
        if k.gold == 0 && k.flags == 0 {
            continue;
        }
        let (r, p, s) = (
            ratio(k.found, k.gold),
            ratio(k.correct, k.flags),
            ratio(k.right_step, k.correct),
        );
        out.line(&format!(
            "{:<18} {:>4} {:>6}  {:>6}  {:>6} {:>8}  {:>9}  {:>10}",
            kind.name(),
            k.gold,
            k.found,
            f3(r),
            k.flags,
            k.correct,
            f3(p),
            f3(s)
        ))?;
        rows.push(vec![
            kind.name().into(),
            k.gold.to_string(),
            k.found.to_string(),
            f3(r),
            k.flags.to_string(),
            k.correct.to_string(),
            f3(p),
            f3(s),
        ]);
    }
    let (gold, found, flags, correct) = c.kinds.values().fold((0, 0, 0, 0), |a, k| {
        (a.0 + k.gold, a.1 + k.found, a.2 + k.flags, a.3 + k.correct)
    });
    out.line(&format!(
        "all                {gold:>4} {found:>6}  {:>6}  {flags:>6} {correct:>8}  {:>9}  {:>10}",
        f3(ratio(found, gold)),
        f3(ratio(correct, flags)),
        f3(ratio(c.steps.0, c.steps.1))
    ))?;
    rows.push(vec![
        "all".into(),
        gold.to_string(),
        found.to_string(),
        f3(ratio(found, gold)),
        flags.to_string(),
        correct.to_string(),
        f3(ratio(correct, flags)),
        f3(ratio(c.steps.0, c.steps.1)),
    ]);
    out.line(&format!(
        "faithful control stories: {} rows, {} with a major/critical flag ({}), {} with any flag ({})",
        c.control_rows, c.control_alarms, f3(ratio(c.control_alarms, c.control_rows)), c.control_any, f3(ratio(c.control_any, c.control_rows))
    ))?;
    rows.push(vec![
        "controls: rows with major+".into(),
        c.control_rows.to_string(),
        c.control_alarms.to_string(),
        f3(ratio(c.control_alarms, c.control_rows)),
        c.control_any.to_string(),
        String::new(),
        f3(ratio(c.control_any, c.control_rows)),
        String::new(),
    ]);
    out.line(&format!(
        "critical and major flags: {} of {} match a gold divergence (precision {})",
        c.alarms.1,
        c.alarms.0,
        f3(ratio(c.alarms.1, c.alarms.0))
    ))?;
    rows.push(vec![
        "critical+major".into(),
        String::new(),
        String::new(),
        String::new(),
        c.alarms.0.to_string(),
        c.alarms.1.to_string(),
        f3(ratio(c.alarms.1, c.alarms.0)),
        String::new(),
    ]);
    if show_errors {
        for (s, k, m) in &c.false_flags {
            out.line(&format!("  false {k:<16} {s}: {m}"))?;
        }
        for (s, m) in &c.missed {
            out.line(&format!("  missed {s}: {m}"))?;
        }
    }
    let path = save(
        "divergence-corpora.csv",
        &[
            "kind",
            "gold",
            "found",
            "recall",
            "flags",
            "correct",
            "precision",
            "right_step",
        ],
        &rows,
    )?;
    out.line(&format!("saved {}\n", path.display()))?;

    // 2. DEMETR.
    let demetr_dir = data.join("demetr");
    let mut demetr = Vec::new();
    if demetr_dir.is_dir() {
        let t = Instant::now();
        let results = divergence_demetr::demetr(&demetr_dir, &lexicon)?;
        out.line(&format!(
            "DEMETR de→en ({:.1} s)",
            t.elapsed().as_secs_f64()
        ))?;
        out.line("file                          items  ranking  right kind  false alarms")?;
        let mut rows = Vec::new();
        for r in &results {
            out.line(&format!(
                "{:<29} {:>5}  {:>7}  {:>10}  {:>12}",
                r.file,
                r.items,
                f3(r.ranking),
                f3(r.right_kind),
                f3(r.false_alarms)
            ))?;
            rows.push(vec![
                r.file.clone(),
                r.items.to_string(),
                f3(r.ranking),
                f3(r.right_kind),
                f3(r.false_alarms),
            ]);
        }
        let path = save(
            "divergence-demetr.csv",
            &["file", "items", "ranking", "right_kind", "false_alarms"],
            &rows,
        )?;
        out.line(&format!("saved {}\n", path.display()))?;
        demetr = results;
    } else {
        output::note(&format!(
            "skipping DEMETR: {} not found",
            demetr_dir.display()
        ));
    }

    // 3. MQM.
    let mqm_path = data.join("mqm-news2023-ende").join("items.jsonl");
    let mut mqm = None;
    if mqm_path.is_file() {
        let t = Instant::now();
        let m = divergence_mqm::mqm(&mqm_path, &lexicon, dump)?;
        out.line(&format!(
            "MQM news 2023 en→de, {} items ({:.1} s)",
            m.items,
            t.elapsed().as_secs_f64()
        ))?;
        let line = |name: &str, f: &F1| {
            format!(
                "{name:<32} P {}  R {}  F1 {}  ({} positives)",
                f3(f.precision),
                f3(f.recall),
                f3(f.f1),
                f.positives
            )
        };
        out.line(&line("omission, any rater", &m.omission_any))?;
        out.line(&line("omission, ≥ 2 raters", &m.omission_two))?;
        out.line(&line("addition, any rater", &m.addition_any))?;
        out.line(&format!(
            "ranking within a paragraph       {} of {} pairs",
            f3(m.ranking),
            m.pairs
        ))?;
        out.line(&format!(
            "false alarms (major+ on clean)   {} of {} items",
            f3(m.false_alarms),
            m.clean
        ))?;
        let f = |name: &str, x: &F1| {
            vec![
                name.to_string(),
                f3(x.precision),
                f3(x.recall),
                f3(x.f1),
                x.positives.to_string(),
            ]
        };
        let rows = vec![
            f("omission_any_rater", &m.omission_any),
            f("omission_two_raters", &m.omission_two),
            f("addition_any_rater", &m.addition_any),
            vec![
                "ranking".into(),
                String::new(),
                String::new(),
                f3(m.ranking),
                m.pairs.to_string(),
            ],
            vec![
                "false_alarms".into(),
                String::new(),
                String::new(),
                f3(m.false_alarms),
                m.clean.to_string(),
            ],
        ];
        let path = save(
            "divergence-mqm.csv",
            &["measure", "precision", "recall", "value", "items"],
            &rows,
        )?;
        out.line(&format!("saved {}\n", path.display()))?;
        mqm = Some(m);
    } else {
        output::note(&format!("skipping MQM: {} not found", mqm_path.display()));
    }

    // 4. Faithful human translation: FLORES and WMT.
    let mut natural = Vec::new();
    let flores_dir = data.join("flores200-devtest");
    if flores_dir.is_dir() {
        natural.extend(divergence_natural::flores(
            &Flores::load(&flores_dir)?,
            &lexicon,
        ));
    } else {
        output::note(&format!(
            "skipping FLORES: {} not found",
            flores_dir.display()
        ));
    }
    let wmt_dir = data.join("wmt-de-en");
    if wmt_dir.is_dir() {
        natural.extend(divergence_natural::wmt(&wmt_dir, &lexicon)?);
    } else {
        output::note(&format!("skipping WMT: {} not found", wmt_dir.display()));
    }
    if !natural.is_empty() {
        out.line("faithful translation: rows with a flag")?;
        out.line("data                          pair   rows   major+  share   any    share")?;
        let mut rows = Vec::new();
        for r in &natural {
            let pair = format!("{}-{}", r.pair.0, r.pair.1);
            out.line(&format!(
                "{:<29} {pair:<5} {:>5}  {:>6}  {}  {:>5}  {}",
                r.data,
                r.rows,
                r.alarmed,
                f3(ratio(r.alarmed, r.rows)),
                r.flagged,
                f3(ratio(r.flagged, r.rows))
            ))?;
            let kinds: Vec<String> = r
                .by_kind
                .iter()
                .map(|(k, (a, n))| format!("{k} {a}/{n}"))
                .collect();
            out.line(&format!(
                "      flags by kind (major+/all): {}",
                kinds.join(", ")
            ))?;
            rows.push(vec![
                r.data.clone(),
                pair,
                r.rows.to_string(),
                r.alarmed.to_string(),
                f3(ratio(r.alarmed, r.rows)),
                r.flagged.to_string(),
                f3(ratio(r.flagged, r.rows)),
            ]);
        }
        let path = save(
            "divergence-natural.csv",
            &[
                "data",
                "pair",
                "rows",
                "major_rows",
                "major_share",
                "flagged_rows",
                "flagged_share",
            ],
            &rows,
        )?;
        out.line(&format!("saved {}", path.display()))?;
    }

    // 4b. Condensed relays of faithful translation: claims on kept rows.
    let t = Instant::now();
    let relays = divergence_relays::all(data, &lexicon, RELAY_SEED)?;
    if !relays.is_empty() {
        out.line(&format!(
            "\ncondensed relays of faithful translation (30-60 % kept, seed {RELAY_SEED}): kept rows with a claim, omissions not counted ({:.1} s)",
            t.elapsed().as_secs_f64()
        ))?;
        let (lines, rows) = divergence_relays::table(&relays);
        for l in &lines {
            out.line(l)?;
        }
        let path = save("divergence-relays.csv", &divergence_relays::HEADER, &rows)?;
        out.line(&format!("saved {}", path.display()))?;
    }

    if let Some(d) = dump
        && let Ok(lines) = divergence_natural::DUMP.lock()
    {
        let text = format!(
            "data\tstory\trule\tseverity\tmessage\tsource\ttarget\n{}\n",
            lines.join("\n")
        );
        report::write_atomic(&d.join("natural-flags.tsv"), text.as_bytes())?;
    }
    // 5. Changes planted into FLORES-200 (generated: these figures flatter).
    if flores_dir.is_dir() {
        let t = Instant::now();
        let p = plant_eval::evaluate(&Flores::load(&flores_dir)?, &lexicon, plant::SEED);
        out.line(&format!(
            "\nplanted changes: FLORES-200 devtest, {} articles, one change per story, relays in all six orders, seed {} ({:.1} s)",
            p.articles,
            plant::SEED,
            t.elapsed().as_secs_f64()
        ))?;
        out.line("recall (n): a flag of the planted kind, minor+, in the planted row, whose target is the version the change entered")?;
        let (lines, rows) = plant_report::table(&p);
        for l in &lines {
            out.line(l)?;
        }
        if show_errors {
            for (_, _, m) in &p.misses {
                out.line(&format!("  missed {m}"))?;
            }
        }
        if let Some(d) = dump {
            plant_eval::dump(&p, d)?;
        }
        let path = save("divergence-planted.csv", &plant_report::HEADER, &rows)?;
        out.line(&format!("saved {}", path.display()))?;
    }

    // 6. Every rule: faithful rates, precision on the corpora, real labels.
    let rows = rules_table::rows(&natural, &c, &demetr, mqm.as_ref());
    out.line(
        "\nrules: share of faithful rows flagged (max over sets and pairs), corpora precision",
    )?;
    for r in &rows {
        if r[3] != "0.0000" || r[10] != "0" {
            out.line(&format!(
                "  {:<5} {:<16} faithful {}  cap {:<8}  corpora {:>3} flags, {:>3} right",
                r[0], r[1], r[3], r[4], r[10], r[11]
            ))?;
        }
    }
    let path = save("rules.csv", &rules_table::HEADER, &rows)?;
    out.line(&format!("saved {}", path.display()))?;
    if !natural.is_empty() {
        rules_table::write_rates(rates, &natural, &c)?;
        out.line(&format!("saved {}", rates.display()))?;
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
