//! The library's one error type. Every error that comes from user input names
//! the file it came from and, where it applies, the line and byte offset, so
//! the binary can print a single line a user can act on.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in an input an error was found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub path: Option<PathBuf>,
    /// 1-based line number.
    pub line: Option<usize>,
    /// 0-based byte offset in the file as read.
    pub byte: Option<usize>,
}

impl Location {
    pub fn file(path: &Path) -> Location {
        Location {
            path: Some(path.to_path_buf()),
            ..Location::default()
        }
    }

    pub fn at_line(mut self, line: usize) -> Location {
        self.line = Some(line);
        self
    }

    pub fn at_byte(mut self, byte: usize) -> Location {
        self.byte = Some(byte);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}", p.display())?,
            None => write!(f, "<input>")?,
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(byte) = self.byte {
            write!(f, " (byte {byte})")?;
        }
        Ok(())
    }
}

/// What went wrong, without the where.
#[derive(Debug)]
pub enum ErrorKind {
    Io(std::io::Error),
    NotFound,
    InvalidUtf8,
    /// Not UTF-8, and the bytes look like this legacy encoding.
    LegacyEncoding(&'static str),
    /// An HTML page saved as a text file.
    Html,
    Empty,
    Binary,
    TooLarge {
        size: u64,
        limit: u64,
    },
    TooFewVersions {
        found: usize,
    },
    DuplicateLanguage {
        lang: String,
        other: PathBuf,
    },
    SymlinkLoop,
    UnknownLanguage(String),
    /// A version file named for one language whose text is clearly
    /// another: the message names both and how to keep the name.
    Mislabelled(String),
    BadMetadata(String),
    BadRow(String),
    Invalid(String),
}

/// An error with its location.
#[derive(Debug)]
pub struct Error {
    pub kind: ErrorKind,
    pub location: Location,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, location: Location) -> Error {
        Error { kind, location }
    }

    pub fn at(path: &Path, kind: ErrorKind) -> Error {
        Error::new(kind, Location::file(path))
    }

    pub fn io(path: &Path, err: std::io::Error) -> Error {
        #[cfg(target_os = "macos")]
        const ELOOP: i32 = 62;
        #[cfg(not(target_os = "macos"))]
        const ELOOP: i32 = 40;
        let kind = match err.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::NotFound,
            _ if err.raw_os_error() == Some(ELOOP) => ErrorKind::SymlinkLoop,
            _ => ErrorKind::Io(err),
        };
        Error::at(path, kind)
    }

    /// An error about something other than a file (e.g. a bad argument).
    pub fn invalid(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Invalid(message.into()), Location::default())
    }

    /// True when the error is a closed output pipe, which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(&self.kind, ErrorKind::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::NotFound => write!(f, "no such file or directory"),
            ErrorKind::InvalidUtf8 => write!(f, "not valid UTF-8"),
            ErrorKind::LegacyEncoding(enc) => write!(
                f,
                "not valid UTF-8; it looks like {enc} text: convert it to UTF-8 first \
                 (e.g. iconv -f {} -t UTF-8)",
                enc.split_whitespace().next().unwrap_or(enc)
            ),
            ErrorKind::Html => write!(
                f,
                "looks like an HTML page saved as text; save the article's plain text instead"
            ),
            ErrorKind::Empty => write!(f, "file is empty or holds only whitespace"),
            ErrorKind::Binary => write!(f, "binary content (NUL byte); expected plain text"),
            ErrorKind::TooLarge { size, limit } => {
                write!(f, "file is {size} bytes, over the limit of {limit} bytes")
            }
            ErrorKind::TooFewVersions { found } => write!(
                f,
                "a story needs at least two versions (bg.txt, de.txt, en.txt); found {found}"
            ),
            ErrorKind::DuplicateLanguage { lang, other } => write!(
                f,
                "two files claim language {lang}: this one and {}",
                other.display()
            ),
            ErrorKind::SymlinkLoop => write!(f, "symbolic link loop"),
            ErrorKind::UnknownLanguage(msg) => write!(f, "{msg}"),
            ErrorKind::Mislabelled(msg) => write!(f, "{msg}"),
            ErrorKind::BadMetadata(msg) => write!(f, "bad story.toml: {msg}"),
            ErrorKind::BadRow(msg) => write!(f, "{msg}"),
            ErrorKind::Invalid(msg) => write!(f, "{msg}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location == Location::default() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.location, self.kind)
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_byte() {
        let cases = [
            (Location::default(), "<input>"),
            (Location::file(Path::new("a/de.txt")), "a/de.txt"),
            (Location::file(Path::new("x")).at_line(3), "x:3"),
            (
                Location::file(Path::new("x")).at_line(3).at_byte(17),
                "x:3 (byte 17)",
            ),
        ];
        for (loc, want) in cases {
            assert_eq!(loc.to_string(), want);
        }
        let e = Error::at(Path::new("s/bg.txt"), ErrorKind::Empty);
        assert_eq!(
            e.to_string(),
            "s/bg.txt: file is empty or holds only whitespace"
        );
    }
}
