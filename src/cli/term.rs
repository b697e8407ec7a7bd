//! The terminal `compare` prints to: whether to colour (a terminal, unless
//! `NO_COLOR` or `--color`), how wide a line may be (the terminal's width,
//! `COLUMNS`, or 100 on a pipe), and lines of styled pieces wrapped to that
//! width with a hanging indent, cut with `…` past a number of lines while
//! keeping the marked words in view.

use std::io::IsTerminal;

use parallax::score::Severity;
use unicode_width::UnicodeWidthStr;

/// `--color`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

/// How a piece of text is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Dim,
    Bold,
    /// A severity's colour.
    Sev(Severity),
    /// Words a flag points at, in its severity's colour.
    Mark(Severity),
}

/// Width and colour of the output.
#[derive(Clone, Copy, Debug)]
pub struct Term {
    pub color: bool,
    pub width: usize,
}

/// Width on a pipe, and the narrowest width honoured.
const PIPE_WIDTH: usize = 100;
const MIN_WIDTH: usize = 40;

impl Term {
    pub fn detect(choice: ColorChoice) -> Term {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok());
        let width = match columns {
            Some(c) => c,
            None if tty => terminal_size::terminal_size().map_or(PIPE_WIDTH, |(w, _)| w.0 as usize),
            None => PIPE_WIDTH,
        };
        Term {
            color,
            width: width.max(MIN_WIDTH),
        }
    }

    /// `text` in `style` (escape codes only when colouring).
    pub fn paint(&self, style: Style, text: &str) -> String {
        if !self.color || text.is_empty() {
            return match style {
                Style::Mark(_) => format!("⟦{text}⟧"),
                _ => text.to_string(),
            };
        }
        let code = match style {
            Style::Plain => return text.to_string(),
            Style::Dim => "2".to_string(),
            Style::Bold => "1".to_string(),
            Style::Sev(s) => format!("1;{}", colour(s)),
            Style::Mark(s) => format!("1;4;{}", colour(s)),
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// `pieces` wrapped to the width: the first line starts with `first`,
    /// the others with `indent` (both plain); at most `max_lines` lines,
    /// the cut marked with `…`, keeping the first marked word in view.
    pub fn wrap(
        &self,
        first: &str,
        indent: &str,
        pieces: &[(Style, String)],
        max_lines: usize,
    ) -> Vec<String> {
        // Two columns kept free for a closing " …".
        let room = self.width.saturating_sub(indent.width() + 2).max(20);
        let mut words = split_words(pieces, room);
        if !self.color {
            // Room for the ⟦ ⟧ around marks (a mark running on from the
            // word before shares its brackets).
            let mut after_mark = false;
            for w in &mut words {
                let marks = w
                    .segs
                    .iter()
                    .filter(|(s, _)| matches!(s, Style::Mark(_)))
                    .count();
                let runs_on = after_mark && matches!(w.segs.first(), Some((Style::Mark(_), _)));
                w.width += 2 * marks - if runs_on { 2 } else { 0 };
                after_mark = matches!(w.segs.last(), Some((Style::Mark(_), _)));
            }
        }
        // Too long: start a few words before the first mark.
        let total: usize = words.iter().map(|w| w.width + 1).sum();
        let capacity = room * max_lines;
        if total > capacity
            && let Some(m) = words.iter().position(Word::marked)
        {
            let mut start = m;
            let mut before = 0;
            while start > 0 && before + words[start - 1].width + 1 < capacity / 3 {
                start -= 1;
                before += words[start].width + 1;
            }
            if start > 0 {
                words.drain(..start);
                words.insert(0, Word::new(Style::Dim, "…"));
            }
        }
        let mut lines: Vec<Vec<(Style, String)>> = vec![Vec::new()];
        let mut used = first.width().saturating_sub(indent.width());
        for word in words {
            let empty = lines.last().is_some_and(Vec::is_empty);
            if !empty && used + 1 + word.width > room {
                lines.push(Vec::new());
                used = 0;
            }
            let line = lines.last_mut().expect("a line");
            if !line.is_empty() {
                push(line, Style::Plain, " ");
                used += 1;
            }
            for (style, text) in word.segs {
                push(line, style, &text);
            }
            used += word.width;
        }
        let cut = lines.len() > max_lines;
        lines.truncate(max_lines.max(1));
        let count = lines.len();
        lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                let mut s = String::from(if i == 0 { first } else { indent });
                s.extend(line.iter().map(|(st, w)| self.paint(*st, w)));
                if cut && i + 1 == count {
                    s.push_str(&self.paint(Style::Dim, " …"));
                }
                s
            })
            .collect()
    }
}

/// Appends text to a line, running on the last piece when the style is the
/// same (so a mark of several words is one mark). A space between two
/// marks of one style joins them too.
fn push(line: &mut Vec<(Style, String)>, style: Style, text: &str) {
    match line.last_mut() {
        Some((s, prev)) if *s == style => prev.push_str(text),
        _ => line.push((style, text.to_string())),
    }
    let n = line.len();
    if n >= 3 && line[n - 2].1 == " " && line[n - 3].0 == line[n - 1].0 {
        let last = line.pop().expect("three pieces").1;
        line.pop();
        let prev = &mut line.last_mut().expect("three pieces").1;
        prev.push(' ');
        prev.push_str(&last);
    }
}

/// A word: the pieces of text between two spaces, each with its style.
struct Word {
    segs: Vec<(Style, String)>,
    width: usize,
}

impl Word {
    fn new(style: Style, text: &str) -> Word {
        Word {
            segs: vec![(style, text.to_string())],
            width: text.width(),
        }
    }

    fn marked(&self) -> bool {
        self.segs.iter().any(|(s, _)| matches!(s, Style::Mark(_)))
    }
}

/// ANSI colour numbers by severity.
fn colour(s: Severity) -> u8 {
    match s {
        Severity::Critical => 31,
        Severity::Major => 33,
        Severity::Minor => 36,
        Severity::Info => 34,
    }
}

/// Pieces as words; a word may run across pieces ("⟦1990⟧s"); words wider
/// than `room` are split.
fn split_words(pieces: &[(Style, String)], room: usize) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut open = false;
    for (style, text) in pieces {
        let mut first = true;
        for part in text.split(char::is_whitespace) {
            if !first {
                open = false;
            }
            first = false;
            if part.is_empty() {
                continue;
            }
            match out.last_mut() {
                Some(w) if open => {
                    w.segs.push((*style, part.to_string()));
                    w.width += part.width();
                }
                _ => out.push(Word::new(*style, part)),
            }
            open = true;
        }
    }
    let mut split = Vec::with_capacity(out.len());
    for w in out {
        if w.width <= room {
            split.push(w);
            continue;
        }
        for (style, text) in w.segs {
            let mut rest = text.as_str();
            while !rest.is_empty() {
                let mut cut = 0;
                for (i, c) in rest.char_indices() {
                    if cut > 0 && rest[..i + c.len_utf8()].width() > room {
                        break;
                    }
                    cut = i + c.len_utf8();
                }
                split.push(Word::new(style, &rest[..cut]));
                rest = &rest[cut..];
            }
        }
    }
    split
}

/// "1 story", "2 stories".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_with_a_hanging_indent_and_cuts_long_text_around_the_mark() {
        let t = Term {
            color: false,
            width: 40,
        };
        let words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda";
        let lines = t.wrap("> ", "  ", &[(Style::Plain, words.into())], 5);
        assert!(
            lines.len() > 1 && lines.iter().all(|l| l.width() <= 40),
            "{lines:?}"
        );
        assert!(lines[1].starts_with("  ") && lines[0].starts_with("> "));
        let long = "word ".repeat(60);
        let pieces = [
            (Style::Plain, long.clone()),
            (Style::Mark(Severity::Major), "NEEDLE".into()),
            (Style::Plain, long),
        ];
        let lines = t.wrap("", "", &pieces, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.concat().contains("⟦NEEDLE⟧"), "{lines:?}");
        assert!(
            lines[0].starts_with('…') && lines[1].ends_with('…'),
            "{lines:?}"
        );
        assert_eq!(count(1, "story", "stories"), "1 story");
        assert_eq!(count(2, "row", "rows"), "2 rows");
    }

    #[test]
    fn colour_codes_only_when_colouring() {
        let on = Term {
            color: true,
            width: 80,
        };
        assert_eq!(
            on.paint(Style::Mark(Severity::Critical), "x"),
            "\x1b[1;4;31mx\x1b[0m"
        );
        let off = Term {
            color: false,
            width: 80,
        };
        assert_eq!(off.paint(Style::Sev(Severity::Critical), "x"), "x");
    }
}
