//! Measuring the planted set ([`super::plant`]): the twins are the articles
//! aligned once (learning pooled over them, as for any corpus) and scored
//! with each plant's relay; each kind's planted stories are aligned with
//! the twins' learned translations and scored; a plant is found when a flag of its kind (minor or worse) in a row
//! holding the planted sentence targets the version the change entered.

use std::collections::BTreeMap;
use std::path::Path;

use super::divergence::{alarming, counts};
use super::flores::Flores;
use super::memory_story::story;
use super::plant::{KINDS, ORDERS, Plant, Planted, generate};
use parallax::Lang;
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, AlignedStory};
use parallax::score::{Flag, Kind, ScoredStory, score_story};

/// Figures of one kind and language (the version the change entered).
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub planted: usize,
    pub found: usize,
    /// A flag of the kind in the row with any version as target.
    pub any_version: usize,
    /// Flagged in any version with the planted step as `entered_at` (in a
    /// relay of three, the same as found; printed as a share of
    /// `any_version`).
    pub right_step: usize,
    /// Found with the relay record right: inherited by chain[2] after step
    /// 1, by nobody after step 2.
    pub relay: usize,
    /// Planted and found, per step.
    pub by_step: [(usize, usize); 2],
    /// Twins that already have a flag that would count as found.
    pub twin_same: usize,
    /// Twins with a major or critical flag anywhere.
    pub twin_alarm: usize,
}

/// What the planted set measured.
#[derive(Debug, Default)]
pub struct PlantResult {
    pub cells: BTreeMap<(Planted, Lang), Cell>,
    pub articles: usize,
    /// Missed plants, for reading: (kind, lang, description).
    pub misses: Vec<(Planted, Lang, String)>,
    /// Every plant, one line each, and the plants, for `--dump`.
    pub listing: Vec<String>,
    pub plants: Vec<Plant>,
}

/// Flags of the plant's kind, minor or worse, in a row holding an anchor,
/// with `target` as target (any when `None`).
fn hits<'a>(
    al: &AlignedStory,
    s: &'a ScoredStory,
    p: &Plant,
    target: Option<Lang>,
) -> Vec<&'a Flag> {
    s.flags
        .iter()
        .filter(|f| counts(f) && same_kind(f, p) && target.is_none_or(|t| f.target == t))
        .filter(|f| {
            let row = &al.rows[f.row];
            p.anchors.iter().any(|&(l, id)| row.ids(l).contains(&id))
        })
        .collect()
}

/// Does a flag report the planted kind? A sentence left out that the
/// aligner merged into its neighbour's row shows as part of that row left
/// out (O3), naming the left-out sentence's words: that finds it.
fn same_kind(f: &Flag, p: &Plant) -> bool {
    f.kind == p.kind.flag() || (p.kind == Planted::Flag(Kind::OmittedSentence) && f.rule == "O3")
}

/// The entered version's planted line (or the added or omitted sentence).
fn changed_line(p: &Plant) -> String {
    let (v, k) = (p.step, p.anchors[0].1);
    match p.kind {
        Planted::Flag(Kind::AddedSentence) => p.lines[v][k].clone(),
        Planted::Flag(Kind::OmittedSentence) => p.twin[v][k].clone(),
        _ => format!("{} ⇒ {}", p.twin[v][k], p.lines[v][k]),
    }
}

fn as_story(name: &str, chain: [Lang; 3], lines: &[Vec<String>; 3]) -> parallax::Story {
    let texts: Vec<String> = lines.iter().map(|l| l.join("\n")).collect();
    let versions: Vec<(Lang, &str)> = chain
        .iter()
        .copied()
        .zip(texts.iter().map(String::as_str))
        .collect();
    story(name, &versions, &chain)
}

/// Counts one plant into its cell and lists it.
fn measure(
    out: &mut PlantResult,
    p: &Plant,
    planted: (&AlignedStory, &ScoredStory),
    twin: (&AlignedStory, &ScoredStory),
) {
    let ((al, s), (tal, ts)) = (planted, twin);
    let c = out.cells.entry((p.kind, p.entered())).or_default();
    let step = (p.chain[p.step - 1], p.chain[p.step]);
    let inherit: Vec<Lang> = if p.step == 1 {
        vec![p.chain[2]]
    } else {
        Vec::new()
    };
    let found = hits(al, s, p, Some(p.entered()));
    c.planted += 1;
    c.by_step[p.step - 1].0 += 1;
    if !found.is_empty() {
        c.found += 1;
        c.by_step[p.step - 1].1 += 1;
    }
    let anywhere = hits(al, s, p, None);
    c.any_version += usize::from(!anywhere.is_empty());
    c.right_step += usize::from(anywhere.iter().any(|f| f.entered_at == step));
    c.relay += usize::from(
        found
            .iter()
            .any(|f| f.entered_at == step && f.inherited_by == inherit),
    );
    c.twin_same += usize::from(!hits(tal, ts, p, Some(p.entered())).is_empty());
    c.twin_alarm += usize::from(ts.flags.iter().any(alarming));
    let chain: Vec<&str> = p.chain.iter().map(|l| l.code()).collect();
    let row_flags: Vec<String> = s
        .flags
        .iter()
        .filter(|f| {
            let row = &al.rows[f.row];
            p.anchors.iter().any(|&(l, id)| row.ids(l).contains(&id))
        })
        .map(|f| {
            format!(
                "{} {} {}→{}: {}",
                f.severity, f.kind, f.source, f.target, f.message
            )
        })
        .collect();
    let line = format!(
        "{}\t{}\tstep {}\t{}\tarticle {} sentence {}\t{}\t{}\t{}\t{}",
        p.kind,
        p.entered(),
        p.step,
        chain.join("→"),
        p.article,
        p.anchors[0].1,
        if found.is_empty() { "missed" } else { "found" },
        p.what,
        row_flags.join(" | "),
        changed_line(p)
    )
    .replace('\n', " ");
    if found.is_empty() {
        out.misses.push((p.kind, p.entered(), line.clone()));
    }
    out.listing.push(line);
}

/// Plants every kind into every article it fits and scores the planted
/// stories and their twins.
pub fn evaluate(flores: &Flores, lexicon: &Lexicon, seed: u64) -> PlantResult {
    let mut out = PlantResult {
        articles: flores.articles.len(),
        ..PlantResult::default()
    };
    let originals: Vec<parallax::Story> = flores
        .articles
        .iter()
        .enumerate()
        .map(|(a, r)| {
            let chain = ORDERS[0];
            let lines = chain.map(|l| {
                flores
                    .lines(l)
                    .map(|x| x[r.clone()].to_vec())
                    .unwrap_or_default()
            });
            as_story(&format!("twin/{a}"), chain, &lines)
        })
        .collect();
    let options = pipeline::Options {
        segmented: true,
        ..pipeline::Options::default()
    };
    let mut twins = pipeline::run(originals, lexicon, None, &options);
    // Each planted story is compared on its own, as `compare` does: a
    // change planted into many stories ("often" → "always" twenty times)
    // is never learned as a translation of the word it replaced.
    let ctx = pipeline::Context::new(lexicon, None, options);
    for kind in KINDS {
        let plants = generate(flores, lexicon, kind, seed);
        let stories: Vec<parallax::Story> = plants
            .iter()
            .map(|p| as_story(&format!("planted/{kind}/{}", p.article), p.chain, &p.lines))
            .collect();
        let planted: Vec<(AlignedStory, ScoredStory)> = pipeline::compare(stories, &ctx);
        for (p, (al, s)) in plants.iter().zip(&planted) {
            let twin = &mut twins[p.article];
            twin.story.meta.chain = p.chain.to_vec();
            twin.story.meta.original = Some(p.chain[0]);
            let ts = score_story(twin);
            measure(&mut out, p, (al, s), (twin, &ts));
        }
        out.plants.extend(plants);
    }
    out
}

/// Writes the listing of every plant to `dir/planted.tsv`.
pub fn dump(result: &PlantResult, dir: &Path) -> parallax::Result<()> {
    let mut text = String::from(
        "kind\tentered\tstep\tchain\tarticle\tresult\tplant\tflags in the row\tline\n",
    );
    for l in &result.listing {
        text.push_str(l);
        text.push('\n');
    }
    parallax::report::write_atomic(&dir.join("planted.tsv"), text.as_bytes())?;
    // Each planted story as a story folder, for `parallax compare --segmented`.
    for p in &result.plants {
        let d = dir
            .join("planted")
            .join(format!("{}-{}", p.kind, p.article));
        let chain: Vec<String> = p.chain.iter().map(|l| format!("\"{l}\"")).collect();
        let meta = format!("chain = [{}]\n", chain.join(", "));
        parallax::report::write_atomic(&d.join("story.toml"), meta.as_bytes())?;
        for (l, lines) in p.chain.iter().zip(&p.lines) {
            let text = lines.join("\n") + "\n";
            parallax::report::write_atomic(&d.join(format!("{l}.txt")), text.as_bytes())?;
        }
    }
    Ok(())
}
