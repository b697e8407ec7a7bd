//! What `compare` does with each story's outcome: on a worker thread, it
//! is rendered ([`render_item`]) into the report files' bytes, or into the
//! text (or JSON Lines) the terminal shows; on the main thread, in key
//! order, it goes to the report writer or is kept ([`Collected`]) so that
//! the terminal view can list the stories worst first, as the HTML index
//! does, and end with the totals.

use std::collections::HashSet;

use parallax::batch::Outcome as StoryOutcome;
use parallax::report::html::index_key;
use parallax::report::summary::{Entry, ErrorEntry, StorySummary};
use parallax::report::{self, ReportCounts, ReportOptions, ReportWriter, version_errors};

use super::compare_print;
use super::compare_view::{Hidden, View, totals};
use super::output::{self, Out};

/// How the run shows its stories.
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    /// Into the report folder.
    pub to_file: bool,
    /// JSON Lines on standard output.
    pub json: bool,
    /// The rows too.
    pub rows: bool,
}

/// What a worker hands the main thread for one story.
pub enum Item {
    Report {
        rendered: Box<report::Rendered>,
        warnings: Vec<String>,
    },
    Printed {
        text: Vec<u8>,
        warnings: Vec<String>,
        entry: Box<Entry>,
        version_errors: Vec<ErrorEntry>,
        ignored: Vec<String>,
        hidden: Hidden,
    },
}

/// Renders one story's outcome (on a worker thread).
pub fn render_item(o: StoryOutcome, options: &ReportOptions, view: &View, mode: Mode) -> Item {
    let warnings = match &o {
        Ok(c) => c
            .aligned
            .story
            .warnings
            .iter()
            .map(|w| w.to_string())
            .chain(
                c.aligned
                    .warnings
                    .iter()
                    .map(|w| format!("{}: {w}", c.aligned.story.key)),
            )
            .collect(),
        Err(_) => Vec::new(),
    };
    if mode.to_file {
        return Item::Report {
            rendered: Box::new(report::render(o, options)),
            warnings,
        };
    }
    let mut buf = Out::buffer();
    let mut hidden = Hidden::default();
    let (entry, errors) = match &o {
        Ok(c) => {
            let (al, scored) = (&c.aligned, &c.scored);
            // Printing into memory cannot fail.
            if mode.json {
                let mut h = Hidden::default();
                let flags: Vec<&parallax::score::Flag> = report::csv::story_flags(scored)
                    .into_iter()
                    .filter(|f| view.shows(f, &mut h))
                    .collect();
                let _ = buf.bytes(&report::json::flag_lines_of(
                    al,
                    scored,
                    &flags,
                    &options.review,
                ));
                if mode.rows {
                    let _ = buf.bytes(&report::json::row_lines(al, scored));
                }
            } else {
                hidden = compare_print::story(&mut buf, al, scored, view, &options.review)
                    .unwrap_or_default();
                if mode.rows {
                    let _ = compare_print::rows(&mut buf, al, &view.term);
                }
            }
            (Entry::Ok(StorySummary::of(c)), version_errors(al))
        }
        Err(f) => (Entry::Error(ErrorEntry::of(f)), Vec::new()),
    };
    Item::Printed {
        text: buf.into_bytes(),
        warnings,
        entry: Box::new(entry),
        version_errors: errors,
        ignored: o.map(|c| c.ignored).unwrap_or_default(),
        hidden,
    }
}

/// The stories printed so far, kept for the end of the run.
#[derive(Default)]
pub struct Collected {
    printed: Vec<(StorySummary, Vec<u8>)>,
    entries: Vec<Entry>,
    hidden: Hidden,
    ignored: HashSet<String>,
}

impl Collected {
    /// Takes one story's item, in key order: warnings and errors go to
    /// stderr at once; a report goes to the writer.
    pub fn take(&mut self, item: Item, writer: Option<&mut ReportWriter>) -> parallax::Result<()> {
        match item {
            Item::Report { rendered, warnings } => {
                warnings.iter().for_each(|w| output::warning(w));
                if let Entry::Error(e) = &rendered.entry {
                    output::story_error(e);
                }
                rendered.version_errors.iter().for_each(output::story_error);
                writer.expect("a writer for reports").add(*rendered)
            }
            Item::Printed {
                text,
                warnings,
                entry,
                version_errors,
                ignored,
                hidden,
            } => {
                warnings.iter().for_each(|w| output::warning(w));
                version_errors.iter().for_each(output::story_error);
                self.ignored.extend(ignored);
                self.hidden.add(hidden);
                match &*entry {
                    Entry::Ok(s) => self.printed.push((s.clone(), text)),
                    Entry::Error(e) => output::story_error(e),
                }
                self.entries.push(*entry);
                self.entries
                    .extend(version_errors.into_iter().map(Entry::Error));
                Ok(())
            }
        }
    }

    /// Prints the stories worst first and the closing lines, or finishes
    /// the report folder; returns the run's counts.
    pub fn finish(
        &mut self,
        out: &mut Out,
        writer: Option<ReportWriter>,
        view: &View,
        mode: Mode,
    ) -> parallax::Result<ReportCounts> {
        if let Some(w) = writer {
            self.ignored.extend(w.ignored_seen.iter().cloned());
            let counts = w.finish()?;
            totals(out, &view.term, &counts, &Hidden::default())?;
            return Ok(counts);
        }
        // JSON keeps the key order; the terminal shows the worst first.
        if !mode.json {
            self.printed
                .sort_by(|(a, _), (b, _)| index_key(a).cmp(&index_key(b)));
        }
        for (_, text) in &self.printed {
            out.bytes(text)?;
        }
        let counts = report::counts_of(&self.entries);
        if !mode.json {
            totals(out, &view.term, &counts, &self.hidden)?;
        }
        Ok(counts)
    }

    /// Ids of the flags the ignore list took out.
    pub fn ignored_seen(&self) -> HashSet<String> {
        self.ignored.clone()
    }
}
