//! Text intake: turns the bytes of one file into the normalised string every
//! later step reads, and keeps the way back to the file's own byte offsets.
//!
//! Accepted: UTF-8 with or without BOM, LF/CRLF/CR line ends. Applied, in this
//! order: BOM dropped; CRLF and CR become LF; NBSP and other fixed-width spaces
//! become a plain space; soft hyphens and zero-width characters are dropped;
//! the result is NFC. Typographic quotes, dashes and ellipses are kept as they
//! are. Refused with an error naming the file: invalid UTF-8 (with line and
//! byte), NUL bytes, UTF-16, empty or whitespace-only text, files over the
//! size limit.

use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::offsets::OffsetMap;

/// Default refusal threshold for one input file.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// How files are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    pub max_bytes: u64,
    /// Take a version file named by a language code (`de.txt`) as that
    /// language even when its text reads as another (`--trust-names`).
    pub trust_names: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            trust_names: false,
        }
    }
}

/// One normalised input text.
#[derive(Debug, Clone)]
pub struct Text {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// The normalised text.
    pub text: String,
    map: OffsetMap,
}

impl Text {
    /// Reads and normalises a file. The file is only read, never written.
    pub fn read(path: &Path, options: &ReadOptions) -> Result<Text> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::at(
                path,
                ErrorKind::Invalid("is a directory, expected a text file".into()),
            ));
        }
        if !meta.is_file() {
            // A pipe or a device (a link to /dev/zero, a FIFO) would block
            // or never end.
            return Err(Error::at(
                path,
                ErrorKind::Invalid(
                    "not a regular file (a pipe or device); expected a text file".into(),
                ),
            ));
        }
        if meta.len() > options.max_bytes {
            return Err(Error::at(
                path,
                ErrorKind::TooLarge {
                    size: meta.len(),
                    limit: options.max_bytes,
                },
            ));
        }
        // Read at most one byte past the limit: a file that grows while it
        // is read is refused without reading it all.
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        std::fs::File::open(path)
            .and_then(|f| {
                f.take(options.max_bytes.saturating_add(1))
                    .read_to_end(&mut bytes)
            })
            .map_err(|e| Error::io(path, e))?;
        if bytes.len() as u64 > options.max_bytes {
            return Err(Error::at(
                path,
                ErrorKind::TooLarge {
                    size: bytes.len() as u64,
                    limit: options.max_bytes,
                },
            ));
        }
        Text::from_bytes(&bytes, Some(path))
    }

    /// Normalises bytes already in memory; `path` only labels errors.
    pub fn from_bytes(bytes: &[u8], path: Option<&Path>) -> Result<Text> {
        let here = |byte: usize| {
            let line = 1 + bytes[..byte].iter().filter(|&&b| b == b'\n').count();
            Location {
                path: path.map(Path::to_path_buf),
                line: Some(line),
                byte: Some(byte),
            }
        };
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(Error::new(
                ErrorKind::Invalid("UTF-16 text is not supported; save the file as UTF-8".into()),
                here(0),
            ));
        }
        if let Some(nul) = bytes.iter().position(|&b| b == 0) {
            return Err(Error::new(ErrorKind::Binary, here(nul)));
        }
        let raw = std::str::from_utf8(bytes).map_err(|e| {
            let kind = match (e.error_len(), crate::encoding::guess_legacy(bytes)) {
                // A character cut off at the end: a half-written download.
                (None, _) => ErrorKind::Invalid(
                    "ends in the middle of a UTF-8 character: the file is probably truncated"
                        .into(),
                ),
                (Some(_), Some(guess)) => ErrorKind::LegacyEncoding(guess),
                (Some(_), None) => ErrorKind::InvalidUtf8,
            };
            Error::new(kind, here(e.valid_up_to()))
        })?;
        if crate::encoding::looks_like_html(raw) {
            return Err(Error::new(ErrorKind::Html, here(0)));
        }
        let text = Text::from_str_at(raw, path.map(Path::to_path_buf));
        if text.text.trim().is_empty() {
            let loc = path.map(Location::file).unwrap_or_default();
            return Err(Error::new(ErrorKind::Empty, loc));
        }
        Ok(text)
    }

    /// Normalises a string. Infallible: empty text gives an empty `Text`.
    pub fn from_str_at(raw: &str, path: Option<PathBuf>) -> Text {
        let (text, map) = normalise(raw);
        Text { path, text, map }
    }

    /// The byte offset in the file (as read) of a byte offset in `text`.
    pub fn file_offset(&self, normalised: usize) -> usize {
        self.map.source(normalised)
    }

    /// A span of `text` as a span of the file.
    pub fn file_span(&self, span: Range<usize>) -> Range<usize> {
        self.file_offset(span.start)..self.file_offset(span.end)
    }

    /// Paragraphs: runs of non-blank lines, as trimmed spans of `text`.
    pub fn paragraphs(&self) -> Vec<Range<usize>> {
        paragraphs(&self.text)
    }

    /// The headline: a first paragraph that is one line without final
    /// punctuation, e.g. `China faces catastrophe`.
    pub fn headline(&self) -> Option<Range<usize>> {
        let first = self.paragraphs().into_iter().next()?;
        is_headline(&self.text[first.clone()]).then_some(first)
    }
}

/// Non-blank line runs of `text` as trimmed byte spans.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if body.trim().is_empty() {
            out.extend(current.take());
        } else {
            let lead = body.len() - body.trim_start().len();
            let end = pos + body.trim_end().len();
            current = Some(match current {
                Some(r) => r.start..end,
                None => pos + lead..end,
            });
        }
        pos += line.len();
    }
    out.extend(current);
    out
}

/// A single line whose last character, after closing quotes and brackets
/// (and any space before them: `… seine Strafe erhalten hat. "`), is not
/// sentence-final punctuation.
pub fn is_headline(paragraph: &str) -> bool {
    let line = paragraph.trim();
    if line.is_empty() || line.contains('\n') {
        return false;
    }
    let core = line.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '“' | '”' | '‘' | '’' | '»' | '«' | ')' | ']'
            )
    });
    !core.ends_with(['.', '!', '?', '…'])
}

/// What a character becomes in the normalised text.
enum Edit {
    Keep,
    Drop,
    Replace(&'static str),
}

fn edit_for(c: char) -> Edit {
    match c {
        // BOM in the middle of a file, soft hyphen, zero-width space/joiners, word joiner.
        '\u{FEFF}' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' => Edit::Drop,
        // NBSP, narrow NBSP, the fixed spaces U+2000..U+200A (quads, en and
        // em spaces, figure, punctuation, thin and hair spaces) and the
        // medium mathematical space: "1 000" must tokenise alike. The quads
        // too: NFC turns them into en and em spaces, which would stay.
        '\u{00A0}' | '\u{202F}' | '\u{205F}' | '\u{2000}'..='\u{200A}' => Edit::Replace(" "),
        '\u{2028}' => Edit::Replace("\n"),
        '\u{2029}' => Edit::Replace("\n\n"),
        _ => Edit::Keep,
    }
}

fn normalise(raw: &str) -> (String, OffsetMap) {
    let bom = if raw.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut out = String::with_capacity(raw.len());
    let mut map = OffsetMap::new(bom);
    let body = &raw[bom..];
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = bom + i;
        if c == '\r' {
            out.push('\n');
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                map.mark(out.len(), at + 2);
            } else {
                map.mark(out.len(), at + 1);
            }
            continue;
        }
        match edit_for(c) {
            Edit::Keep => out.push(c),
            Edit::Drop => map.mark(out.len(), at + c.len_utf8()),
            Edit::Replace(s) => {
                // Every character of the replacement after the first maps
                // to the end of the one replaced (U+2029 is a blank line).
                for r in s.chars() {
                    out.push(r);
                    map.mark(out.len(), at + c.len_utf8());
                }
            }
        }
    }
    if unicode_normalization::is_nfc_quick(out.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return (out, map);
    }
    compose(&out, &map)
}

/// NFC over clusters (a starter and the combining marks after it), so every
/// cluster keeps an exact offset back to the file.
fn compose(text: &str, before: &OffsetMap) -> (String, OffsetMap) {
    use unicode_normalization::char::canonical_combining_class;
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::new(before.source(0));
    let mut start = 0;
    let bytes = text.len();
    let mut iter = text.char_indices().peekable();
    while let Some((i, _)) = iter.next() {
        let mut end = bytes;
        while let Some(&(j, c)) = iter.peek() {
            // A new cluster starts only where NFC cannot reach back: at a
            // starter that is NFC-stable on its own (not a Hangul vowel
            // jamo, not U+0F73, which decomposes into marks).
            if canonical_combining_class(c) == 0
                && unicode_normalization::is_nfc_quick(std::iter::once(c))
                    == unicode_normalization::IsNormalized::Yes
            {
                end = j;
                break;
            }
            iter.next();
        }
        debug_assert!(i == start);
        let cluster = &text[start..end];
        let composed: String = cluster.nfc().collect();
        if composed == cluster {
            // Unchanged: keep every offset of the earlier edits inside it
            // (a space that was an NBSP before a combining mark).
            for (k, _) in cluster.char_indices() {
                map.mark(out.len() + k, before.source(start + k));
            }
        } else {
            // Changed: the cluster maps as a whole, its first character to
            // the cluster's start in the file and the others to its end.
            // NFC can lengthen a cluster (U+0344 becomes U+0308 U+0301), and
            // offsets stepping on from the start would run past the bytes it
            // came from: backwards at the next cluster, or past the file's end.
            // Where a head of the cluster normalises to a head of the
            // composed cluster (the space before U+0344), that point is
            // exact too.
            let (from, to) = (before.source(start), before.source(end));
            let mut exact = vec![(0, from)];
            for (k, _) in cluster.char_indices().skip(1) {
                let head: String = cluster[..k].nfc().collect();
                if composed.starts_with(&head) && exact.last().is_some_and(|e| e.0 < head.len()) {
                    exact.push((head.len(), before.source(start + k)));
                }
            }
            // Any other character maps to the next exact point, or the end.
            for (k, _) in composed.char_indices() {
                let at = exact.iter().find(|e| e.0 >= k).map_or(to, |e| e.1);
                map.mark(out.len() + k, at);
            }
        }
        out.push_str(&composed);
        start = end;
    }
    map.mark(out.len(), before.source(bytes));
    (out, map)
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
