//! Terminal output of the harness: a buffered stdout whose write errors
//! become library errors (so a closed pipe can be told apart), and one-line
//! messages on stderr. A small copy of the `parallax` binary's helpers, which
//! are terminal code and so not the library's.

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
        writeln!(self.inner, "{text}").map_err(|e| Error::io(Path::new("<stdout>"), e))
    }

    pub fn flush(&mut self) -> parallax::Result<()> {
        self.inner
            .flush()
            .map_err(|e| Error::io(Path::new("<stdout>"), e))
    }
}

pub fn error(e: &Error) {
    eprintln!("parallax-eval: error: {e}");
}

/// A usage error (exit code 2).
pub fn usage(message: &str) {
    eprintln!("parallax-eval: error: {message}");
}

pub fn note(message: &str) {
    eprintln!("parallax-eval: {message}");
}

/// A sentence on one line: soft line breaks and tabs become spaces.
pub fn one_line(text: &str) -> String {
    text.replace(['\n', '\t'], " ")
}
