//! `parallax-eval discover`: relay discovery measured on archives built with
//! gold ([`super::discover_build`]) from FLORES documents, the bundled
//! corpora and generated stories, each alone and all in one archive; the
//! table goes to `benches/results/discover.csv`. Also writes a generated
//! archive to disk with its gold (`discover-archive`, for the scale runs of
//! `scripts/bench-discover.sh`) and scores a run of `parallax discover` on
//! one (`discover-score`).

use std::path::Path;
use std::time::Instant;

use super::discover_build::{self, GoldArticle};
use super::discover_data::{self, Source};
use super::discover_score::{self, Found, Scores};
use super::flores::Flores;
use crate::Outcome;
use crate::output::{self, Out};
use parallax::discover::{self, Archive, Options};
use parallax::lexicon::Lexicon;
use parallax::report;

/// Patchwork distractors per story.
const PATCHWORKS: f64 = 0.1;

/// Stories generated per 1,000 articles (a story has 2.75 versions on
/// average, and a tenth of them a patchwork besides).
const STORIES_PER_1000: usize = 352;

pub const HEADER: &str = "set,articles,stories,singles,pair_precision,pair_recall,pair_f1,\
stories_exact,singles_alone,relays_judgeable,direction_right,direction_unclear,\
relays_unjudgeable,unjudgeable_claimed,unjudgeable_claimed_wrong,seconds";

fn f3(x: f64) -> String {
    if x.is_nan() {
        "-".into()
    } else {
        format!("{x:.3}")
    }
}

/// One table record.
pub fn record(set: &str, s: &Scores, seconds: f64) -> String {
    let p = s.pairs();
    format!(
        "{set},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{seconds:.1}",
        s.articles,
        s.stories,
        s.singles,
        f3(p.precision),
        f3(p.recall),
        f3(p.f1),
        f3(s.exact_share()),
        f3(s.singles_share()),
        s.judgeable,
        f3(s.direction()),
        s.direction_unclear,
        s.unjudgeable,
        s.claimed,
        s.claimed_wrong,
    )
}

fn line(set: &str, s: &Scores, seconds: f64) -> String {
    let p = s.pairs();
    format!(
        "{set:<16} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>6} {:>6}  {:>5} {:>6}  {:>4}/{:<4} {seconds:>7.1}",
        s.articles,
        s.stories,
        f3(p.precision),
        f3(p.recall),
        f3(p.f1),
        f3(s.exact_share()),
        f3(s.singles_share()),
        s.judgeable,
        f3(s.direction()),
        s.claimed_wrong,
        s.unjudgeable,
    )
}

/// Runs discovery on a built archive in memory and scores it.
fn measure(
    gold: &[GoldArticle],
    lexicon: &Lexicon,
    show: bool,
    out: &mut Out,
) -> parallax::Result<(Scores, f64)> {
    let texts = gold
        .iter()
        .map(|a| (a.path.clone(), a.text.clone(), None))
        .collect();
    let start = Instant::now();
    let archive = Archive::from_texts(texts);
    let found = discover::discover(&archive, lexicon, &Options::default());
    let seconds = start.elapsed().as_secs_f64();
    let by_path: Found = found
        .articles
        .iter()
        .map(|a| {
            let source = a.source.map(|s| found.articles[s].path.clone());
            (a.path.clone(), (a.group, source))
        })
        .collect();
    if show {
        show_errors(gold, &by_path, out)?;
    }
    Ok((discover_score::score(gold, &by_path), seconds))
}

/// Prints the gold stories not found exactly and the wrong sources.
fn show_errors(gold: &[GoldArticle], found: &Found, out: &mut Out) -> parallax::Result<()> {
    let group = |a: &GoldArticle| found.get(&a.path).map_or(0, |f| f.0);
    for a in gold {
        let mates: Vec<&GoldArticle> = gold.iter().filter(|b| b.story == a.story).collect();
        let found_mates = gold.iter().filter(|b| group(b) == group(a)).count();
        let split = mates.iter().any(|b| group(b) != group(a));
        if mates[0].path == a.path && (split || found_mates != mates.len()) {
            out.line(&format!("story {} not exact:", a.story))?;
            for b in &mates {
                let others: Vec<&str> = gold
                    .iter()
                    .filter(|c| group(c) == group(b) && c.story != b.story)
                    .map(|c| c.path.as_str())
                    .collect();
                out.line(&format!(
                    "  {} in group {} with others {:?}",
                    b.path,
                    group(b),
                    others
                ))?;
            }
        }
        if let Some(s) = a.source {
            let claimed = found.get(&a.path).and_then(|f| f.1.clone());
            if a.judgeable && claimed.as_deref() != Some(gold[s].path.as_str()) {
                out.line(&format!(
                    "direction: {} from {}, found {}",
                    a.path,
                    gold[s].path,
                    claimed.as_deref().unwrap_or("(unclear)")
                ))?;
            }
        }
    }
    Ok(())
}

/// The sets of the table, with their seeds: `flores`, `corpora`,
/// `generated-1k`, `flores+corpora` and `all` (the three in one archive);
/// those that need FLORES are left out, with a note, when it is missing.
pub fn sets(data: &Path, corpora: &Path) -> parallax::Result<Vec<(String, Vec<Source>, u64)>> {
    let flores_dir = data.join("flores200-devtest");
    let flores = if flores_dir.is_dir() {
        Some(Flores::load(&flores_dir)?)
    } else {
        output::note(&format!(
            "skipped the FLORES sets: {} is missing",
            flores_dir.display()
        ));
        None
    };
    let corpora = discover_data::corpora(corpora)?;
    let mut sets: Vec<(String, Vec<Source>, u64)> = Vec::new();
    if let Some(f) = &flores {
        let docs = discover_data::flores(f);
        let news: Vec<Source> = docs.iter().chain(&corpora).cloned().collect();
        let generated = discover_data::generated(f, STORIES_PER_1000, 3);
        let all: Vec<Source> = news.iter().chain(&generated).cloned().collect();
        sets.push(("flores".into(), docs, 1));
        sets.push(("corpora".into(), corpora, 2));
        sets.push(("generated-1k".into(), generated, 3));
        sets.push(("flores+corpora".into(), news, 4));
        sets.push(("all".into(), all, 5));
    } else {
        sets.push(("corpora".into(), corpora, 2));
    }
    Ok(sets)
}

/// `parallax-eval discover`: the table of every set there is data for.
pub fn run(data: &Path, corpora: &Path, path: &Path, show: bool) -> parallax::Result<Outcome> {
    let lexicon = Lexicon::embedded();
    let mut out = Out::new();
    let sets = sets(data, corpora)?;
    out.line("set              articles stories  pair P pair R pair F1 exact  single  judged dir.   wrong/unjudgeable seconds")?;
    let mut table = format!("{HEADER}\n");
    for (name, sources, seed) in &sets {
        let gold = discover_build::build(sources, PATCHWORKS, *seed);
        let (scores, seconds) = measure(&gold, &lexicon, show, &mut out)?;
        out.line(&line(name, &scores, seconds))?;
        table.push_str(&record(name, &scores, seconds));
        table.push('\n');
    }
    report::write_atomic(path, table.as_bytes())?;
    out.line(&format!("saved {}", path.display()))?;
    out.flush()?;
    Ok(Outcome::Ok)
}

/// Generated stories for an archive of about `articles` articles.
pub fn generated(flores: &Flores, articles: usize, seed: u64) -> Vec<Source> {
    let stories = (articles * STORIES_PER_1000).div_ceil(1000);
    discover_data::generated(flores, stories, seed)
}

/// `parallax-eval discover-archive`: an archive built from `sources`
/// written into `dir`, its gold in `dir/gold.csv`.
pub fn write_archive(sources: &[Source], dir: &Path, seed: u64) -> parallax::Result<Outcome> {
    let gold = discover_build::build(sources, PATCHWORKS, seed);
    // Plain writes: an archive is scratch data, and 100,000 synced writes
    // would take longer than the run they are for.
    for a in &gold {
        let file = dir.join(&a.path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).map_err(|e| parallax::Error::io(parent, e))?;
        }
        std::fs::write(&file, &a.text).map_err(|e| parallax::Error::io(&file, e))?;
    }
    report::write_atomic(
        &dir.join("gold.csv"),
        discover_score::gold_csv(&gold).as_bytes(),
    )?;
    let mut out = Out::new();
    out.line(&format!(
        "wrote {} articles into {} (gold: gold.csv)",
        gold.len(),
        dir.display()
    ))?;
    out.flush()?;
    Ok(Outcome::Ok)
}

/// `parallax-eval discover-score`: a run's `groups.csv` against the gold,
/// as one record of the table (`--set` names it).
pub fn score(gold: &Path, found: &Path, set: &str, seconds: f64) -> parallax::Result<Outcome> {
    let gold = discover_score::read_gold(gold)?;
    let found = discover_score::read_found(&found.join("groups.csv"))?;
    let scores = discover_score::score(&gold, &found);
    let mut out = Out::new();
    out.line(&record(set, &scores, seconds))?;
    out.flush()?;
    Ok(Outcome::Ok)
}
