//! Story folders for `parallax compare`, planned from the groups. A story
//! folder holds at most one version per language, so a group is laid out
//! as its relay paths: the tree of judged sources (joined, where a direction
//! is unclear, by the group's strongest remaining links) is walked from its
//! root to each leaf, and every path becomes a folder. Along a path, a
//! second version in the same language (a relay of a relay in one
//! language) stands in for the first: the version nearer the leaf is kept.
//! A path whose every step has a judged direction gets a `chain`; the
//! others are compared without one. A group with one version per language
//! and some step unjudged is one folder, without a chain. Folders holding only versions another
//! folder holds too are left out, and copies (the same bytes) are never
//! put in a folder.

use super::{Discovery, Role, Status};
use crate::lang::Lang;

/// One story folder to write.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryPlan {
    /// The folder's name.
    pub name: String,
    pub group: usize,
    /// Article indices, in relay order when the chain is known, else by
    /// language.
    pub versions: Vec<usize>,
    /// The judged relay order, when every step of it was judged.
    pub chain: Option<Vec<Lang>>,
}

/// The story folders of every group of two or more versions.
pub fn plan(d: &Discovery) -> Vec<StoryPlan> {
    let width = d.groups.len().to_string().len().max(4);
    let mut out = Vec::new();
    for members in &d.groups {
        let members: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&x| d.articles[x].status == Status::Matched)
            .collect();
        if members.len() < 2 {
            continue;
        }
        let group = d.articles[members[0]].group;
        let paths = relay_paths(d, &members);
        let slug = slug(&d.articles[paths.first().map_or(members[0], |p| p.0[0])].title);
        for (k, (versions, chain)) in paths.into_iter().enumerate() {
            let mut name = format!("g{group:0width$}");
            if !slug.is_empty() {
                name = format!("{name}-{slug}");
            }
            if k > 0 {
                name = format!("{name}-{}", k + 1);
            }
            out.push(StoryPlan {
                name,
                group,
                versions,
                chain,
            });
        }
    }
    out
}

/// The relay paths of one group: versions root first, and the chain when
/// every step is judged.
fn relay_paths(d: &Discovery, members: &[usize]) -> Vec<(Vec<usize>, Option<Vec<Lang>>)> {
    let inside = |x: usize| members.binary_search(&x).is_ok();
    // Tree edges: (parent, child, judged).
    let mut parent: Vec<Option<(usize, bool)>> = vec![None; d.articles.len()];
    let mut root_of: Vec<usize> = (0..d.articles.len()).collect();
    fn find(r: &mut [usize], mut x: usize) -> usize {
        while r[x] != x {
            r[x] = r[r[x]];
            x = r[x];
        }
        x
    }
    for &x in members {
        if let Some(s) = d.articles[x].source.filter(|&s| inside(s)) {
            parent[x] = Some((s, true));
            let (a, b) = (find(&mut root_of, x), find(&mut root_of, s));
            root_of[a] = b;
        }
    }
    // Join the trees by the strongest kept links between them, hanging the
    // tree without a judged original under the other.
    let mut joins: Vec<(f32, usize, usize)> = d
        .matches
        .iter()
        .filter(|m| m.kept && inside(m.link.a) && inside(m.link.b))
        .map(|m| (m.link.verdict.strength(), m.link.a, m.link.b))
        .collect();
    joins.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    for (_, a, b) in joins {
        let (ra, rb) = (find(&mut root_of, a), find(&mut root_of, b));
        if ra == rb {
            continue;
        }
        // Re-root the tree that hangs: its node on the link becomes a child.
        let (hang, anchor, hang_root) = if d.articles[tree_root(&parent, b)].role == Role::Original
            && d.articles[tree_root(&parent, a)].role != Role::Original
        {
            (a, b, ra)
        } else {
            (b, a, rb)
        };
        reroot(&mut parent, hang);
        parent[hang] = Some((anchor, false));
        let anchor_root = find(&mut root_of, anchor);
        root_of[hang_root] = anchor_root;
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); d.articles.len()];
    for &x in members {
        if let Some((p, _)) = parent[x] {
            children[p].push(x);
        }
    }
    let mut paths: Vec<(Vec<usize>, Option<Vec<Lang>>)> = Vec::new();
    for &leaf in members.iter().filter(|&&x| children[x].is_empty()) {
        let mut nodes = vec![leaf];
        let mut judged = true;
        let mut x = leaf;
        while let Some((p, j)) = parent[x] {
            judged &= j;
            nodes.push(p);
            x = p;
        }
        // Root first; one version per language, the one nearer the leaf.
        let mut kept: Vec<usize> = Vec::new();
        for &v in &nodes {
            if !kept
                .iter()
                .any(|&k| d.articles[k].lang == d.articles[v].lang)
            {
                kept.push(v);
            }
        }
        kept.reverse();
        if kept.len() < 2 {
            continue;
        }
        let chain = judged.then(|| kept.iter().filter_map(|&v| d.articles[v].lang).collect());
        if !judged {
            kept.sort_by_key(|&v| d.articles[v].lang);
        }
        paths.push((kept, chain));
    }
    // One version per language and some step unjudged: one folder holds
    // them all, without a chain, rather than several partial ones.
    let mut langs: Vec<Option<Lang>> = members.iter().map(|&x| d.articles[x].lang).collect();
    langs.sort_unstable();
    langs.dedup();
    if langs.len() == members.len() && paths.iter().any(|(_, chain)| chain.is_none()) {
        let mut all = members.to_vec();
        all.sort_by_key(|&v| d.articles[v].lang);
        return vec![(all, None)];
    }
    // Leave out folders whose versions another folder holds too.
    let sets: Vec<Vec<usize>> = paths
        .iter()
        .map(|(v, _)| {
            let mut s = v.clone();
            s.sort_unstable();
            s
        })
        .collect();
    let mut keep = vec![true; paths.len()];
    for i in 0..paths.len() {
        for j in 0..paths.len() {
            let subset = sets[i].iter().all(|x| sets[j].contains(x));
            if i != j
                && keep[j]
                && subset
                && (sets[i].len() < sets[j].len() || (sets[i] == sets[j] && j < i))
            {
                keep[i] = false;
                break;
            }
        }
    }
    let mut paths: Vec<_> = paths
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| p)
        .collect();
    paths.sort_by_key(|(v, _)| {
        let mut s = v.clone();
        s.sort_unstable();
        s
    });
    paths
}

fn tree_root(parent: &[Option<(usize, bool)>], mut x: usize) -> usize {
    let mut steps = 0;
    while let Some((p, _)) = parent[x] {
        x = p;
        steps += 1;
        if steps > parent.len() {
            break;
        }
    }
    x
}

/// Makes `x` the root of its tree, reversing the edges above it (a
/// reversed edge is no longer a judged step).
fn reroot(parent: &mut [Option<(usize, bool)>], x: usize) {
    let mut prev: Option<usize> = None;
    let mut cur = x;
    let mut steps = 0;
    loop {
        let up = parent[cur];
        parent[cur] = prev.map(|p| (p, false));
        match up {
            Some((p, _)) if steps <= parent.len() => {
                prev = Some(cur);
                cur = p;
                steps += 1;
            }
            _ => break,
        }
    }
}

/// A folder-name slug of a title: Latin letters and digits, hyphens
/// between words, at most 40 characters. Cyrillic is transliterated,
/// German umlauts written out (`ü` = `ue`), other accents dropped.
pub fn slug(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut spelled = String::with_capacity(title.len());
    for c in title.chars() {
        match c {
            'ä' | 'Ä' => spelled.push_str("ae"),
            'ö' | 'Ö' => spelled.push_str("oe"),
            'ü' | 'Ü' => spelled.push_str("ue"),
            'ß' => spelled.push_str("ss"),
            // Cyrillic as it is ('й' is not 'и' with a mark here).
            c if ('\u{0400}'..='\u{04FF}').contains(&c) => spelled.push(c),
            c => spelled.extend(
                std::iter::once(c)
                    .nfd()
                    .filter(|m| !unicode_normalization::char::is_combining_mark(*m)),
            ),
        }
    }
    let latin = crate::lexicon::names::to_latin(&spelled);
    let mut out = String::new();
    for word in latin
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// The `story.toml` of a planned folder: comments saying where each
/// version came from, then the title, date and chain.
pub fn story_toml(d: &Discovery, plan: &StoryPlan) -> String {
    let mut out = format!(
        "# Found by parallax discover: group {} ({} versions in the group).\n",
        plan.group,
        d.groups
            .get(plan.group.wrapping_sub(1))
            .map_or(0, |g| g.len())
    );
    for &v in &plan.versions {
        let a = &d.articles[v];
        let lang = a.lang.map_or("??".to_string(), |l| l.to_string());
        let role = match (a.role, a.source) {
            (Role::Original, _) => "original".to_string(),
            (_, Some(s)) => format!("relay of {}", d.articles[s].path),
            _ => "relay, source unclear".to_string(),
        };
        out.push_str(&format!("# {lang}.txt: {} ({role})\n", a.path));
    }
    let root = &d.articles[plan.versions[0]];
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    if !root.title.is_empty() {
        out.push_str(&format!("title = {}\n", quoted(&root.title)));
    }
    if let Some(date) = root.date {
        out.push_str(&format!(
            "date = \"{:04}-{:02}-{:02}\"\n",
            date.year, date.month, date.day
        ));
    }
    match &plan.chain {
        Some(chain) => {
            let codes: Vec<String> = chain.iter().map(|l| format!("\"{l}\"")).collect();
            if let Some(first) = chain.first() {
                out.push_str(&format!("original = \"{first}\"\n"));
            }
            out.push_str(&format!("chain = [{}]\n", codes.join(", ")));
        }
        None => out.push_str("# The relay order could not be judged: no chain.\n"),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(
            slug("Китай е изправен пред катастрофа"),
            "kitay-e-izpraven-pred-katastrofa"
        );
        assert_eq!(slug("China faces catastrophe!"), "china-faces-catastrophe");
        assert_eq!(
            slug("Brückenstreit an der Donau"),
            "brueckenstreit-an-der-donau"
        );
        assert_eq!(slug("Café à Paris"), "cafe-a-paris");
        assert_eq!(slug(""), "");
    }
}
