//! Condensed relays as real news relays make them, built from faithful
//! human translation (FLORES-200 articles, WMT news articles, the bundled
//! stories' gold rows): one version keeps 30–60 % of the other's sentences
//! in passages, not one by one, with one passage moved (the held-out
//! relays' byline and quotes were moved), a tenth of the kept pairs of
//! adjacent sentences merged into one, and a tenth of the kept sentences
//! cut short (a summary that shortens, an excerpt cut off mid-sentence).
//! Two shapes: `Passages` alternates kept and dropped runs through the
//! whole text; `Lead` keeps the start and a few later sentences. Each relay
//! is measured both ways (the condensed version as either side), as relays
//! run in either direction.

use std::path::Path;

use super::flores::Flores;
use super::gold;
use super::perturb::Rng;
use super::read_lines;
use super::relay_sets::Relay;
use crate::alignment::IdBead;
use parallax::corpus::find_stories;
use parallax::error::Result;
use parallax::lang::Lang;

/// How the relay chooses what to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Kept and dropped runs of 1–5 sentences alternate; one passage of
    /// three or more moves earlier with probability 0.6.
    Passages,
    /// The first three quarters of the kept share at the start, the rest
    /// scattered; one passage moves with probability 0.3.
    Lead,
    /// As `Passages`, and worded as a summary: half of the kept sentences
    /// lose a run of a quarter to a half of their words inside the
    /// sentence (a clause the summary leaves out), so a link rests on less
    /// shared wording, as in the held-out relays' freer sentences; and a
    /// fifth of the left-out units become the relay's own additions, about
    /// the same story but without counterpart (their source sentences are
    /// taken out of A), so that a sentence whose length fits has nothing
    /// to link to.
    Summary,
}

/// Rows of a source: the source sentence ids and their translation's.
type Units = Vec<(Vec<usize>, Vec<usize>)>;

/// The relay of `units` (gold rows: source ids, translation ids): B keeps
/// 30–60 % of them as described above. `sa`/`sb` are the two texts.
pub fn condense(sa: &[String], sb: &[String], units: &Units, style: Style, rng: &mut Rng) -> Relay {
    let n = units.len();
    let keep = 0.3 + 0.3 * rng.unit();
    let mut kept = vec![false; n];
    let p_move = match style {
        Style::Passages | Style::Summary => {
            let mut i = 0;
            let mut on = rng.unit() < 0.7;
            while i < n {
                let mean = if on { 2.5 } else { 2.5 * (1.0 - keep) / keep };
                let len = 1 + (rng.unit() * 2.0 * mean) as usize;
                kept[i..(i + len).min(n)].fill(on);
                i += len;
                on = !on;
            }
            0.6
        }
        Style::Lead => {
            let lead = (n as f64 * keep * 0.75) as usize;
            kept[..lead].fill(true);
            for k in kept.iter_mut().skip(lead) {
                *k = rng.unit() < keep * 0.25;
            }
            0.3
        }
    };
    // Summaries: a fifth of the left-out single-sentence units are the
    // relay's own wording, their source sentences gone from A.
    let mut added = vec![false; n];
    if style == Style::Summary {
        for k in 0..n {
            let (ua, ub) = &units[k];
            added[k] = !kept[k] && !ua.is_empty() && ub.len() == 1 && rng.unit() < 0.2;
        }
    }
    // Passages: runs of kept (or added) units.
    let mut passages: Vec<Vec<usize>> = Vec::new();
    for k in (0..n).filter(|&k| kept[k] || added[k]) {
        match passages.last_mut() {
            Some(p) if p.last() == Some(&(k - 1)) => p.push(k),
            _ => passages.push(vec![k]),
        }
    }
    let mut moved_units: Vec<usize> = Vec::new();
    if passages.len() >= 3 && rng.unit() < p_move {
        let from = 1 + rng.below(passages.len() - 1);
        let p = passages.remove(from);
        let to = rng.below(from.min(passages.len()).max(1));
        moved_units = p.clone();
        passages.insert(to, p);
    }
    let mut relay = Relay {
        a: sa.to_vec(),
        b: Vec::new(),
        gold: Vec::new(),
        moved: Vec::new(),
        beads: Vec::new(),
        cut_b: Vec::new(),
    };
    let mut beads: Vec<IdBead> = Vec::new();
    for p in passages {
        let mut k = 0;
        while k < p.len() {
            let (ua, ub) = &units[p[k]];
            let mut ids_a = ua.clone();
            let mut text: Vec<String> = ub.iter().map(|&j| sb[j].clone()).collect();
            let mut took = vec![p[k]];
            if added[p[k]] {
                ids_a.clear();
            } else if k + 1 < p.len() && !added[p[k + 1]] && !ub.is_empty() && rng.unit() < 0.1 {
                // Two adjacent kept units merged into one sentence.
                let (na, nb) = &units[p[k + 1]];
                ids_a.extend(na);
                text.extend(nb.iter().map(|&j| sb[j].clone()));
                text = vec![text.join(" ")];
                took.push(p[k + 1]);
                k += 1;
            } else if text.len() == 1 && rng.unit() < 0.1 {
                // Cut short: the first three fifths of the words.
                let words: Vec<&str> = text[0].split_whitespace().collect();
                let cut = (words.len() * 3 / 5).max(3).min(words.len());
                text[0] = words[..cut].join(" ");
                relay.cut_b.push(relay.b.len());
            } else if style == Style::Summary && text.len() == 1 && rng.unit() < 0.5 {
                text[0] = leave_out_clause(&text[0], rng);
            }
            k += 1;
            let j0 = relay.b.len();
            relay.b.extend(text);
            let ids_b: Vec<usize> = (j0..relay.b.len()).collect();
            for &i in &ids_a {
                for &j in &ids_b {
                    relay.gold.push((i, j));
                    if took.iter().any(|u| moved_units.contains(u)) {
                        relay.moved.push((i, j));
                    }
                }
            }
            beads.push((ids_a, ids_b));
        }
    }
    // Every source sentence not kept is alone.
    let linked: Vec<usize> = beads.iter().flat_map(|(a, _)| a.clone()).collect();
    let gone: Vec<usize> = (0..n)
        .filter(|&k| added[k])
        .flat_map(|k| units[k].0.clone())
        .collect();
    beads.extend(
        (0..sa.len())
            .filter(|i| !linked.contains(i) && !gone.contains(i))
            .map(|i| (vec![i], vec![])),
    );
    if !gone.is_empty() {
        // A without the added units' source sentences, renumbered.
        let new_id: Vec<usize> = (0..sa.len())
            .scan(0, |next, i| {
                let id = *next;
                *next += usize::from(!gone.contains(&i));
                Some(id)
            })
            .collect();
        relay.a = (0..sa.len())
            .filter(|i| !gone.contains(i))
            .map(|i| sa[i].clone())
            .collect();
        let renumber = |v: &mut Vec<(usize, usize)>| {
            for l in v.iter_mut() {
                l.0 = new_id[l.0];
            }
        };
        renumber(&mut relay.gold);
        renumber(&mut relay.moved);
        for (a, _) in beads.iter_mut() {
            for i in a.iter_mut() {
                *i = new_id[*i];
            }
        }
    }
    relay.gold.sort_unstable();
    relay.moved.sort_unstable();
    relay.beads = beads;
    relay
}

/// `sentence` without a run of a quarter to a half of its words, neither
/// the first nor the last (sentences under six words stay whole).
fn leave_out_clause(sentence: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let n = words.len();
    if n < 6 {
        return sentence.to_string();
    }
    let span = ((n as f64 * (0.25 + 0.25 * rng.unit())) as usize).clamp(1, n - 2);
    let start = 1 + rng.below(n - 1 - span);
    let mut kept: Vec<&str> = words[..start].to_vec();
    kept.extend(&words[start + span..]);
    kept.join(" ")
}

/// The relay with its two sides swapped (the condensed version first).
pub fn swapped(r: &Relay) -> Relay {
    let flip = |v: &[(usize, usize)]| {
        let mut o: Vec<(usize, usize)> = v.iter().map(|&(i, j)| (j, i)).collect();
        o.sort_unstable();
        o
    };
    Relay {
        a: r.b.clone(),
        b: r.a.clone(),
        gold: flip(&r.gold),
        moved: flip(&r.moved),
        beads: r
            .beads
            .iter()
            .map(|(a, b)| (b.clone(), a.clone()))
            .collect(),
        // The cut lines are on the other side now.
        cut_b: Vec::new(),
    }
}

/// One-to-one units of parallel lines.
fn lines(range: std::ops::Range<usize>) -> Units {
    (0..range.len()).map(|k| (vec![k], vec![k])).collect()
}

/// FLORES documents of about 60 lines (consecutive articles), condensed.
pub fn flores(flores: &Flores, (la, lb): (Lang, Lang), style: Style, seed: u64) -> Vec<Relay> {
    let (Some(xa), Some(xb)) = (flores.lines(la), flores.lines(lb)) else {
        return Vec::new();
    };
    super::relay_sets::documents(flores)
        .into_iter()
        .enumerate()
        .map(|(d, r)| {
            let mut rng = Rng::new(seed ^ ((d as u64 + 1) * 0x9E37_79B9));
            condense(&xa[r.clone()], &xb[r.clone()], &lines(r), style, &mut rng)
        })
        .collect()
}

/// WMT newstest2021 German news articles and their English reference A, as
/// single stories: a line without final punctuation (a headline) opens an
/// article once the current one has 8 lines (no document boundaries are
/// given; subheadings inside an article may start a new one).
pub fn wmt_articles(dir: &Path, style: Style, seed: u64) -> Result<Vec<Relay>> {
    let de = read_lines(&dir.join("newstest2021.de-en.src.de"))?;
    let en = read_lines(&dir.join("newstest2021.de-en.ref.A.en"))?;
    let n = de.len().min(en.len());
    Ok(articles(&de[..n])
        .into_iter()
        .enumerate()
        .map(|(d, r)| {
            let mut rng = Rng::new(seed ^ ((d as u64 + 1) * 0x9E37_79B9));
            condense(&de[r.clone()], &en[r.clone()], &lines(r), style, &mut rng)
        })
        .collect())
}

/// Articles of a text of news lines: a line without final punctuation (a
/// headline) opens an article once the current one has 8 lines.
pub fn articles(lines: &[String]) -> Vec<std::ops::Range<usize>> {
    let headline = |l: &str| {
        !l.trim_end()
            .ends_with(['.', '!', '?', '"', '“', '”', ':', ')'])
    };
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate().skip(1) {
        if headline(line) && i - start >= 8 {
            out.push(start..i);
            start = i;
        }
    }
    if start < lines.len() {
        out.push(start..lines.len());
    }
    out
}

/// The bundled stories, each condensed three times from its gold rows
/// (single stories whose sentences share names and topic words, and the
/// only bg-de text written as news).
pub fn corpora(dir: &Path, (la, lb): (Lang, Lang), style: Style, seed: u64) -> Result<Vec<Relay>> {
    let mut out = Vec::new();
    for (d, story) in find_stories(&[dir.to_path_buf()]).into_iter().enumerate() {
        let story = story?;
        let Some((langs, rows)) = gold::rows(&story)? else {
            continue;
        };
        let (Some(ca), Some(cb)) = (
            langs.iter().position(|&l| l == la),
            langs.iter().position(|&l| l == lb),
        ) else {
            continue;
        };
        let (Some(sa), Some(sb)) = (gold::segments(&story, la)?, gold::segments(&story, lb)?)
        else {
            continue;
        };
        let units: Units = gold::pair_units(&story, &langs, &rows, (ca, cb))?;
        for rep in 0..3u64 {
            let mut rng = Rng::new(seed ^ ((d as u64 + 1) * 0x9E37_79B9) ^ (rep << 40));
            out.push(condense(&sa, &sb, &units, style, &mut rng));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relay_sets::links_of;

    fn gold_links(r: &Relay) -> Vec<(usize, usize)> {
        links_of(&r.beads)
    }

    #[test]
    fn relays_keep_a_share_in_order_with_consistent_gold() {
        let sa: Vec<String> = (0..60).map(|k| format!("a{k}")).collect();
        let sb: Vec<String> = (0..60).map(|k| format!("b{k}")).collect();
        for style in [Style::Passages, Style::Lead, Style::Summary] {
            for seed in 0..20 {
                let r = condense(&sa, &sb, &lines(0..60), style, &mut Rng::new(seed));
                let share = r.gold.len() as f64 / r.a.len() as f64;
                assert!((0.15..=0.75).contains(&share), "{style:?} {seed}: {share}");
                assert_eq!(gold_links(&r), r.gold);
                assert!(r.moved.iter().all(|m| r.gold.contains(m)));
                // Every sentence of each side is in exactly one gold bead.
                let mut a: Vec<usize> = r.beads.iter().flat_map(|b| b.0.clone()).collect();
                let mut b: Vec<usize> = r.beads.iter().flat_map(|b| b.1.clone()).collect();
                a.sort_unstable();
                b.sort_unstable();
                assert_eq!(a, (0..r.a.len()).collect::<Vec<_>>());
                assert_eq!(b, (0..r.b.len()).collect::<Vec<_>>());
                let s = swapped(&r);
                assert_eq!(gold_links(&s), s.gold);
            }
        }
    }
}
