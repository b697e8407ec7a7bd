//! One story's HTML page: a header with the story's counts, its notes, the
//! filters and the review bar (shown by the script only), then one
//! `<details>` per row with the versions in columns (relay order) and the
//! row's flags beside them, each with its id and data for the review
//! script, a mark when an earlier review confirmed it, and the suggested
//! lexicon line for names and loaded terms.

use super::html::{escape, page_head, severity_badge};
use super::html_mark::{kind_label, ks, sentence_html};
use crate::Lang;
use crate::align::AlignedStory;
use crate::report::csv::severity_counts;
use crate::report::review::{Decision, Review};
use crate::report::suggest::lexicon_lines;
use crate::score::{Flag, Kind, ScoredStory, Severity};

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Bg => "Bulgarian",
        Lang::De => "German",
        Lang::En => "English",
        Lang::Other(_) => "",
    }
}

/// "de → bg → en".
pub(super) fn chain_label(al: &AlignedStory) -> String {
    let c: Vec<&str> = al.story.meta.chain.iter().map(|l| l.code()).collect();
    c.join(" → ")
}

/// "entered de→bg, kept by en".
fn step_html(f: &Flag) -> String {
    let mut s = format!("entered {}", f.step_label());
    if !f.inherited_by.is_empty() {
        let l: Vec<&str> = f.inherited_by.iter().map(|l| l.code()).collect();
        s.push_str(&format!(", kept by {}", l.join(", ")));
    }
    escape(&s)
}

fn flag_item(al: &AlignedStory, f: &Flag, id: &str, review: &Review) -> String {
    let fid = f.id(&al.story.key);
    let confirmed = review.decision(&fid) == Some(Decision::Real);
    let lex = lexicon_lines(f);
    let lex_html = if lex.is_empty() {
        String::new()
    } else {
        format!(
            "<div class=\"lex\">if these are equivalents, add to a --lexicon file: <code>{}</code></div>",
            lex.iter()
                .map(|l| escape(&l.replace('\t', " ⇥ ")))
                .collect::<Vec<_>>()
                .join("<br>")
        )
    };
    format!(
        "<li class=\"flag sev-{sev} k-{kind}{checked}\" id=\"{id}\" data-ks=\"{ks}\" \
         data-flag=\"{fid}\" data-story=\"{story}\" data-row=\"{row}\" data-kind=\"{kind}\" \
         data-sev=\"{sev}\" data-lex=\"{lexdata}\">{badge} \
         <span class=\"kind\">{label}</span> <span class=\"step\">{step}</span>{mark} \
         <span class=\"msg\">{msg}</span>{lex_html}<span class=\"id\" title=\"flag_id\">{fid}</span></li>",
        sev = f.severity,
        kind = f.kind,
        checked = if confirmed { " checked-real" } else { "" },
        mark = if confirmed {
            " <span class=\"review-mark\">✓ checked: real</span>"
        } else {
            ""
        },
        ks = escape(&ks(std::iter::once(f))),
        story = escape(&al.story.key),
        row = f.row + 1,
        lexdata = escape(&lex.join("\n")),
        badge = severity_badge(f.severity),
        label = escape(&kind_label(f)),
        step = step_html(f),
        msg = escape(&f.message),
        fid = escape(&fid),
    )
}

/// The filter form: hidden until the script shows it.
fn filters(flags: &[Flag]) -> String {
    let mut out = String::from("<form id=\"filters\" hidden><fieldset><legend>Severity</legend>");
    let counts = severity_counts(flags.iter());
    let sevs = [
        Severity::Critical,
        Severity::Major,
        Severity::Minor,
        Severity::Info,
    ];
    for (s, n) in sevs.iter().zip(counts) {
        if n > 0 {
            out.push_str(&format!(
                "<label><input type=\"checkbox\" data-f=\"s\" value=\"{s}\" checked> {s} ({n})</label>"
            ));
        }
    }
    out.push_str("</fieldset><fieldset><legend>Kind</legend>");
    for k in Kind::ALL {
        let n = flags.iter().filter(|f| f.kind == k).count();
        if n > 0 {
            out.push_str(&format!(
                "<label><input type=\"checkbox\" data-f=\"k\" value=\"{k}\" checked> {} ({n})</label>",
                k.name().replace('_', " ")
            ));
        }
    }
    out.push_str(
        "</fieldset><fieldset><label><input type=\"checkbox\" id=\"only-flagged\"> only rows with a shown flag</label>\
         <button type=\"button\" data-open=\"1\">expand all</button> \
         <button type=\"button\" data-open=\"0\">collapse all</button></fieldset></form>\n",
    );
    out
}

fn header(al: &AlignedStory, scored: &ScoredStory) -> String {
    let story = &al.story;
    let key = &story.key;
    let heading = story.meta.title.as_deref().unwrap_or(key);
    let mut out = format!(
        "<header><p class=\"nav\"><a href=\"index.html\">← all stories</a></p><h1>{}</h1>",
        escape(heading)
    );
    let mut meta = vec![key.clone()];
    if let Some(d) = &story.meta.date {
        meta.push(d.clone());
    }
    let langs: Vec<&str> = story.versions.iter().map(|v| v.lang.code()).collect();
    meta.push(format!("versions {}", langs.join(" ")));
    if !story.meta.chain.is_empty() {
        meta.push(format!("relay {}", chain_label(al)));
    }
    meta.push(format!("{} rows", al.rows.len()));
    if let Some(u) = &story.meta.url {
        meta.push(u.clone());
    }
    let meta: Vec<String> = meta.iter().map(|m| escape(m)).collect();
    out.push_str(&format!("<p class=\"meta\">{}</p>", meta.join(" · ")));
    let counts = severity_counts(scored.flags.iter());
    let sevs = [
        Severity::Critical,
        Severity::Major,
        Severity::Minor,
        Severity::Info,
    ];
    let parts: Vec<String> = sevs
        .iter()
        .zip(counts)
        .map(|(&s, n)| format!("{} {n}", severity_badge(s)))
        .collect();
    out.push_str(&format!(
        "<p class=\"counts\">flags: {}</p>",
        parts.join(" ")
    ));
    out.push_str(
        "<p class=\"legend\">Marked words: the colour is the worst flag's severity; underlined only: the \
         words of a later version that kept the change; dashed outline: the wording the change was made \
         from; green underline: added words; struck through: dropped words. Hover a mark for its flags. Rows without flags are folded: click a row's line to open it.</p></header>\n",
    );
    out
}

/// Notes: info flags (condensed relays, moved passages) and alignment
/// warnings, at the top of the page.
fn notes(al: &AlignedStory, scored: &ScoredStory) -> String {
    let info: Vec<&Flag> = scored
        .flags
        .iter()
        .filter(|f| f.severity == Severity::Info)
        .collect();
    if info.is_empty() && al.warnings.is_empty() {
        return String::new();
    }
    let mut out = String::from("<section class=\"notes\"><h2>Notes</h2><ul>");
    for f in info {
        let row = if f.row < al.rows.len() {
            format!(" <a href=\"#r{0}\">row {0}</a>", f.row + 1)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<li data-ks=\"{}\">{} <span class=\"kind\">{}</span> {}: {}{row}</li>",
            escape(&ks(std::iter::once(f))),
            severity_badge(f.severity),
            escape(&kind_label(f)),
            escape(f.target.code()),
            escape(&f.message),
        ));
    }
    for w in &al.warnings {
        out.push_str(&format!(
            "<li><span class=\"badge none\">alignment</span> {}</li>",
            escape(&w.to_string())
        ));
    }
    out.push_str("</ul></section>\n");
    out
}

/// A row's text in one version: its sentences, marked, or a dash.
fn cell(al: &AlignedStory, v: usize, r: usize, flags: &[&Flag]) -> String {
    let version = &al.story.versions[v];
    let lang = version.lang;
    let ids = al.rows[r].ids(lang);
    let mut out = format!(
        "<div class=\"cell\" lang=\"{0}\"><span class=\"lang\">{0}</span>",
        escape(lang.code())
    );
    if ids.is_empty() {
        out.push_str("<span class=\"gap\" title=\"no sentence in this version\">—</span>");
    }
    for (n, &i) in ids.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(&sentence_html(al, v, i, flags));
    }
    out.push_str("</div>");
    out
}

/// The first words of a row, for its folded line.
fn peek(al: &AlignedStory, order: &[usize], r: usize) -> String {
    for &v in order {
        if let Some(&i) = al.rows[r].ids(al.story.versions[v].lang).first()
            && i < al.sentences[v].len()
        {
            let t: String = al.sentence_text(v, i).chars().take(160).collect();
            return t.split_whitespace().collect::<Vec<_>>().join(" ");
        }
    }
    String::new()
}

fn row(
    al: &AlignedStory,
    scored: &ScoredStory,
    order: &[usize],
    r: usize,
    review: &Review,
) -> String {
    let mut flags: Vec<&Flag> = scored.flags.iter().filter(|f| f.row == r).collect();
    flags.sort_by_key(|f| f.severity);
    let worst = flags.first().map(|f| f.severity);
    let open = flags.iter().any(|f| f.severity != Severity::Info);
    let class = worst.map_or("faithful".to_string(), |s| format!("worst-{s}"));
    let place = scored.rows.get(r).map_or("", |s| s.place.name());
    let mut kinds: Vec<String> = Vec::new();
    for f in &flags {
        let k = kind_label(f);
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    let what = match worst {
        Some(s) => format!("{} {}", severity_badge(s), escape(&kinds.join(", "))),
        None => "<span class=\"badge none\">no flags</span>".to_string(),
    };
    let mut out = format!(
        "<details class=\"row {class}\" id=\"r{n}\"{open}><summary><span class=\"rn\">{n}</span> \
         <span class=\"place\">{place}</span> {what} <span class=\"peek\">{peek}</span></summary>\
         <div class=\"grid\">",
        n = r + 1,
        open = if open { " open" } else { "" },
        peek = escape(&peek(al, order, r)),
    );
    for &v in order {
        out.push_str(&cell(al, v, r, &flags));
    }
    out.push_str("<div class=\"flags\"><ul>");
    for (i, f) in flags.iter().enumerate() {
        out.push_str(&flag_item(al, f, &format!("r{}-f{}", r + 1, i + 1), review));
    }
    out.push_str("</ul></div></div></details>\n");
    out
}

/// The whole page; flags `review` confirmed are marked.
pub(super) fn story_page(al: &AlignedStory, scored: &ScoredStory, review: &Review) -> String {
    let story = &al.story;
    let title = match &story.meta.title {
        Some(t) => format!("{} — {t} — Parallax", story.key),
        None => format!("{} — Parallax", story.key),
    };
    let order = al.relay_order();
    let mut out = page_head(&title);
    out.push_str(&header(al, scored));
    out.push_str(&notes(al, scored));
    out.push_str(&filters(&scored.flags));
    out.push_str(super::html::REVIEW_BAR);
    out.push_str(&format!(
        "<main style=\"--n: {}\"><div class=\"cols\">",
        order.len()
    ));
    for &v in &order {
        let lang = story.versions[v].lang;
        let role = if story.meta.original == Some(lang) || story.meta.chain.first() == Some(&lang) {
            "original".to_string()
        } else if let Some(src) = story.meta.source_of(lang) {
            format!("from {src}")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<div>{} <span class=\"role\">{} {}</span></div>",
            escape(lang.code()),
            lang_name(lang),
            escape(&role)
        ));
    }
    out.push_str("<div>flags</div></div>\n");
    for r in 0..al.rows.len() {
        out.push_str(&row(al, scored, &order, r, review));
    }
    out.push_str("</main>\n");
    out.push_str(&super::html::page_foot(true));
    out
}
