//! User lexicons: TSV files of `lang_a<TAB>word_a<TAB>lang_b<TAB>word_b`, for
//! names and domain terms the dictionaries lack. A header row is optional;
//! `#` lines and blank lines are skipped. A bad row is an error naming the file
//! and line, so a typo never silently drops an entry.

use std::path::Path;

use super::{Lexicon, Source, lang_index};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::lang::Lang;

pub(crate) fn add_file(lexicon: &mut Lexicon, path: &Path) -> Result<usize> {
    let text = crate::text::Text::read(path, &crate::text::ReadOptions::default())?;
    let mut added = 0;
    for (i, line) in text.text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |msg: String| {
            Error::new(
                ErrorKind::BadRow(msg),
                Location::file(path).at_line(line_no),
            )
        };
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        if added == 0 && is_header(&cells) {
            continue;
        }
        let [la, wa, lb, wb] = cells[..] else {
            return Err(bad(format!(
                "expected 4 tab-separated columns (lang_a, word_a, lang_b, word_b), found {}",
                cells.len()
            )));
        };
        let lang = |code: &str| -> Result<Lang> {
            Lang::from_code(code)
                .filter(|l| lang_index(*l).is_some())
                .ok_or_else(|| bad(format!("language {code:?} is not bg, de or en")))
        };
        let (la, lb) = (lang(la)?, lang(lb)?);
        if la == lb {
            return Err(bad(format!(
                "both columns are {la}; a pair needs two languages"
            )));
        }
        if wa.is_empty() || wb.is_empty() {
            return Err(bad("empty word".into()));
        }
        lexicon.add_pair(la, wa, lb, wb, Source::User);
        added += 1;
    }
    Ok(added)
}

fn is_header(cells: &[&str]) -> bool {
    cells.len() == 4 && Lang::from_code(cells[0]).is_none() && Lang::from_code(cells[2]).is_none()
}
