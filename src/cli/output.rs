//! Terminal output: a buffered stdout whose write errors become library
//! errors (so a closed pipe can be told apart), and one-line messages on
//! stderr for errors and warnings.

use std::io::{BufWriter, Stdout, Write};
use std::path::Path;

use parallax::Error;

/// Buffered standard output, or a buffer that a worker thread fills for
/// the main thread to print in order.
pub struct Out {
    inner: Sink,
}

enum Sink {
    Stdout(BufWriter<Stdout>),
    Buffer(Vec<u8>),
}

impl Out {
    pub fn new() -> Out {
        Out {
            inner: Sink::Stdout(BufWriter::new(std::io::stdout())),
        }
    }

    /// Lines kept in memory ([`Out::into_bytes`]).
    pub fn buffer() -> Out {
        Out {
            inner: Sink::Buffer(Vec::new()),
        }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        match self.inner {
            Sink::Buffer(b) => b,
            Sink::Stdout(_) => Vec::new(),
        }
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> parallax::Result<()> {
        let w: &mut dyn Write = match &mut self.inner {
            Sink::Stdout(w) => w,
            Sink::Buffer(b) => b,
        };
        w.write_all(bytes)
            .map_err(|e| Error::io(Path::new("<stdout>"), e))
    }

    pub fn line(&mut self, text: &str) -> parallax::Result<()> {
        self.bytes(text.as_bytes())?;
        self.bytes(b"\n")
    }

    pub fn flush(&mut self) -> parallax::Result<()> {
        match &mut self.inner {
            Sink::Stdout(w) => w.flush().map_err(|e| Error::io(Path::new("<stdout>"), e)),
            Sink::Buffer(_) => Ok(()),
        }
    }
}

pub fn error(e: &Error) {
    eprintln!("parallax: error: {e}");
}

/// A usage error (exit code 2).
pub fn usage(message: &str) {
    eprintln!("parallax: error: {message}");
}

/// A story that could not be processed, as one line.
pub fn story_error(e: &parallax::report::summary::ErrorEntry) {
    let mut at = e.path.clone();
    if let Some(line) = e.line {
        at.push_str(&format!(":{line}"));
    }
    if let Some(byte) = e.byte {
        at.push_str(&format!(" (byte {byte})"));
    }
    eprintln!("parallax: error: {at}: {}", e.reason);
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
