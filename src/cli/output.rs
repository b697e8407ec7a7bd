//! Terminal output: a buffered stdout whose write errors become library
//! errors (so a closed pipe can be told apart), and one-line messages on
//! stderr for errors and warnings.

use std::io::{BufWriter, Stdout, Write};
use std::path::Path;

use parallax::Error;

/// Buffered standard output.
pub struct Out {
    inner: BufWriter<Stdout>,
}

impl Out {
    pub fn new() -> Out {
        Out {
            inner: BufWriter::new(std::io::stdout()),
        }
    }

    pub fn line(&mut self, text: &str) -> parallax::Result<()> {
        self.inner
            .write_all(text.as_bytes())
            .and_then(|_| self.inner.write_all(b"\n"))
            .map_err(|e| Error::io(Path::new("<stdout>"), e))
    }

    pub fn flush(&mut self) -> parallax::Result<()> {
        self.inner
            .flush()
            .map_err(|e| Error::io(Path::new("<stdout>"), e))
    }
}

pub fn error(e: &Error) {
    eprintln!("parallax: error: {e}");
}

pub fn warning(message: &dyn std::fmt::Display) {
    eprintln!("parallax: warning: {message}");
}

pub fn note(message: &str) {
    eprintln!("parallax: {message}");
}

/// A sentence on one line: soft line breaks and tabs become spaces.
pub fn one_line(text: &str) -> String {
    text.replace(['\n', '\t'], " ")
}
