//! What `compare` shows on the terminal: the filters (`--min-severity`,
//! `-v`, `--kind`, `--story`), the count of flags they hide, and the
//! closing lines (the totals, the worst stories, how to show what is
//! hidden). The report files are never filtered by severity or kind.

use parallax::report::ReportCounts;
use parallax::score::{Flag, Kind, Severity};

use super::output::Out;
use super::term::{ColorChoice, Style, Term, count};

#[derive(clap::Args, Debug, Clone)]
pub struct ViewArgs {
    /// Show flags of this severity or worse: critical, major, minor or info
    /// [default: minor].
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub min_severity: Option<Severity>,
    /// Show info flags too (the same as --min-severity info).
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Show only these kinds of flag, e.g. number,name (see flags.csv's kind column).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_kind)]
    pub kind: Vec<Kind>,
    /// Only stories whose key (their path below the corpus folder) contains
    /// this text, in any case; repeatable.
    #[arg(long, value_name = "TEXT")]
    pub story: Vec<String>,
    /// Colour on a terminal (auto: unless NO_COLOR is set or the output is a pipe).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    [
        Severity::Critical,
        Severity::Major,
        Severity::Minor,
        Severity::Info,
    ]
    .into_iter()
    .find(|v| v.name() == s.trim().to_lowercase())
    .ok_or_else(|| format!("{s:?}: expected critical, major, minor or info"))
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::from_name(&s.trim().to_lowercase().replace(' ', "_")).ok_or_else(|| {
        let all: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        format!("{s:?}: expected one of {}", all.join(", "))
    })
}

/// The filters and the terminal, as a worker needs them.
#[derive(Debug, Clone)]
pub struct View {
    pub term: Term,
    pub min: Severity,
    pub kinds: Vec<Kind>,
}

/// Flags a story had that the view did not show.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hidden {
    /// Below `--min-severity`, by severity (critical, major, minor, info).
    pub by_severity: [usize; 4],
    /// Of other kinds than `--kind`.
    pub by_kind: usize,
}

impl Hidden {
    pub fn add(&mut self, other: Hidden) {
        for (a, b) in self.by_severity.iter_mut().zip(other.by_severity) {
            *a += b;
        }
        self.by_kind += other.by_kind;
    }
}

impl View {
    pub fn new(args: &ViewArgs) -> View {
        View {
            term: Term::detect(args.color),
            min: if args.verbose {
                Severity::Info
            } else {
                args.min_severity.unwrap_or(Severity::Minor)
            },
            kinds: args.kind.clone(),
        }
    }

    /// Whether a flag is shown; counts it in `hidden` when not.
    pub fn shows(&self, f: &Flag, hidden: &mut Hidden) -> bool {
        if f.severity > self.min {
            hidden.by_severity[f.severity as usize] += 1;
            return false;
        }
        if !self.kinds.is_empty() && !self.kinds.contains(&f.kind) {
            hidden.by_kind += 1;
            return false;
        }
        true
    }
}

/// Whether a story's key matches `--story` (no patterns: all).
pub fn story_matches(patterns: &[String], key: &str) -> bool {
    patterns.is_empty()
        || patterns
            .iter()
            .any(|p| key.to_lowercase().contains(&p.to_lowercase()))
}

/// "3 critical, 1 major, 0 minor, 2 info".
pub fn severity_list(c: [usize; 4]) -> String {
    format!(
        "{} critical, {} major, {} minor, {} info",
        c[0], c[1], c[2], c[3]
    )
}

/// The closing lines: totals, the worst stories, and what the filters hid.
pub fn totals(
    out: &mut Out,
    term: &Term,
    counts: &ReportCounts,
    hidden: &Hidden,
) -> parallax::Result<()> {
    let c = counts.flags;
    let mut line = format!(
        "{} · {} · {}: {}",
        count(counts.stories, "story", "stories"),
        count(counts.rows, "row", "rows"),
        count(c.iter().sum(), "flag", "flags"),
        severity_list(c)
    );
    if counts.ignored > 0 {
        line.push_str(&format!(" · {} ignored", counts.ignored));
    }
    if counts.failed > 0 {
        line.push_str(&format!(" · {} could not be read", counts.failed));
    }
    for l in term.wrap("", "  ", &[(Style::Bold, line)], 3) {
        out.line(&l)?;
    }
    if counts.stories > 1 && !counts.worst.is_empty() {
        out.line("worst stories:")?;
        for (key, title, c) in &counts.worst {
            let title = if title.is_empty() {
                String::new()
            } else {
                format!(" — {title}")
            };
            let line = format!(
                "  {:>2} critical {:>3} major {:>3} minor  {key}{title}",
                c[0], c[1], c[2]
            );
            out.line(&cut(&line, term.width))?;
        }
    }
    let mut notes = Vec::new();
    let below: usize = hidden.by_severity.iter().sum();
    if below > 0 {
        let worst = hidden.by_severity.iter().position(|&n| n > 0).unwrap_or(3);
        let name = ["critical", "major", "minor", "info"][worst];
        let how = if worst == 3 {
            "-v".to_string()
        } else {
            format!("--min-severity {name}")
        };
        notes.push(format!(
            "{} below the shown severity ({how} shows them)",
            count(below, "flag", "flags")
        ));
    }
    if hidden.by_kind > 0 {
        notes.push(format!(
            "{} of other kinds (leave out --kind to show them)",
            count(hidden.by_kind, "flag", "flags")
        ));
    }
    if !notes.is_empty() {
        let body = [(Style::Dim, format!("hidden: {}", notes.join("; ")))];
        for l in term.wrap("", "  ", &body, 3) {
            out.line(&l)?;
        }
    }
    Ok(())
}

/// A line cut to `width` columns with `…`.
pub fn cut(line: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    let mut out = String::new();
    for c in line.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width.saturating_sub(1) {
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}
