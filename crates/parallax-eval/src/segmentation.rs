//! Segmentation accuracy: boundary precision and recall against gold
//! sentences. A boundary is where one sentence ends and the next begins,
//! counted in non-whitespace characters from the start of the document, so
//! whitespace differences never count as errors. The end of the document is
//! not a boundary (every segmenter gets it right).

use std::collections::BTreeSet;

use super::Prf;

/// Boundary counts for one or more documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BoundaryCounts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl BoundaryCounts {
    pub fn add(&mut self, other: BoundaryCounts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }

    pub fn prf(&self) -> Prf {
        Prf::from_counts(self.correct, self.predicted, self.correct, self.gold)
    }
}

/// Internal boundaries of a sentence list, in non-whitespace characters.
pub fn boundaries<S: AsRef<str>>(sentences: &[S]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let mut count = 0;
    for s in sentences.iter().take(sentences.len().saturating_sub(1)) {
        count += non_whitespace(s.as_ref());
        out.insert(count);
    }
    out
}

/// Compares predicted sentences with gold ones for the same document.
pub fn compare<G: AsRef<str>, P: AsRef<str>>(gold: &[G], predicted: &[P]) -> BoundaryCounts {
    let g = boundaries(gold);
    let p = boundaries(predicted);
    BoundaryCounts {
        gold: g.len(),
        predicted: p.len(),
        correct: g.intersection(&p).count(),
    }
}

fn non_whitespace(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Readable descriptions of the boundary errors of `predicted` against the
/// gold boundary set: the text around each false or missed boundary.
pub fn errors<P: AsRef<str>>(predicted: &[P], gold: &BTreeSet<usize>) -> Vec<String> {
    let p = boundaries(predicted);
    let text: String = predicted
        .iter()
        .map(|s| s.as_ref())
        .collect::<Vec<_>>()
        .join(" ");
    // Byte position of the n-th non-whitespace character boundary.
    let at = |n: usize| {
        let mut seen = 0;
        for (i, c) in text.char_indices() {
            if seen == n {
                return i;
            }
            if !c.is_whitespace() {
                seen += 1;
            }
        }
        text.len()
    };
    let context = |n: usize| {
        let i = at(n);
        let left: String = text[..i]
            .chars()
            .rev()
            .take(70)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let right: String = text[i..].chars().take(70).collect();
        format!("{} ‖ {}", left.trim(), right.trim())
    };
    let mut out: Vec<String> = p
        .difference(gold)
        .map(|&n| format!("false split: {}", context(n)))
        .collect();
    out.extend(
        gold.difference(&p)
            .map(|&n| format!("missed: {}", context(n))),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_table() {
        let gold = ["A b.", "C d.", "E."];
        type Case<'a> = (&'a [&'a str], (usize, usize, usize));
        let cases: &[Case] = &[
            (&["A b.", "C d.", "E."], (2, 2, 2)),
            (&["A b. C d.", "E."], (2, 1, 1)),
            (&["A", "b.", "C d.", "E."], (2, 3, 2)),
            (&["A b.  C d.  E."], (2, 0, 0)),
        ];
        for (pred, (g, p, c)) in cases {
            let got = compare(&gold, pred);
            assert_eq!(
                (got.gold, got.predicted, got.correct),
                (*g, *p, *c),
                "{pred:?}"
            );
        }
        let prf = compare(&gold, &["A b. C d.", "E."]).prf();
        assert_eq!((prf.precision, prf.recall), (1.0, 0.5));
    }
}

/// Result of one data set and language.
#[derive(Debug, Clone)]
pub struct SegmentationResult {
    pub dataset: String,
    pub lang: parallax::lang::Lang,
    pub documents: usize,
    pub counts: BoundaryCounts,
    /// Readable descriptions of the errors, for `--show-errors`.
    pub errors: Vec<String>,
}

/// Hand-annotated sentence ends inside FLORES lines
/// (`benches/data/flores-internal-boundaries.tsv`): (lang, line) → offsets in
/// non-whitespace characters from the start of the line.
pub type InternalEnds = std::collections::HashMap<(parallax::lang::Lang, usize), Vec<usize>>;

/// Reads the internal-boundary annotation.
pub fn load_internal_ends(path: &std::path::Path) -> parallax::error::Result<InternalEnds> {
    use parallax::error::{Error, ErrorKind, Location};
    let mut out = InternalEnds::new();
    for (i, line) in super::read_lines(path)?.iter().enumerate() {
        if line.starts_with('#') || line.starts_with("lang\t") || line.trim().is_empty() {
            continue;
        }
        let bad = || {
            Error::new(
                ErrorKind::BadRow("expected lang<TAB>line<TAB>ends".into()),
                Location::file(path).at_line(i + 1),
            )
        };
        let cells: Vec<&str> = line.split('\t').collect();
        let [lang, n, ends] = cells[..] else {
            return Err(bad());
        };
        let lang = parallax::lang::Lang::from_code(lang).ok_or_else(bad)?;
        let n: usize = n.parse().map_err(|_| bad())?;
        let ends = super::gold::parse_ids(ends).map_err(|_| bad())?;
        out.insert((lang, n), ends);
    }
    Ok(out)
}

/// FLORES: each article's lines joined into one paragraph and re-segmented.
/// The gold boundaries are the line ends, plus, when `internal` is given, the
/// hand-annotated sentence ends inside lines.
pub fn on_flores(
    flores: &super::flores::Flores,
    lang: parallax::lang::Lang,
    internal: Option<&InternalEnds>,
) -> SegmentationResult {
    let lines = flores.lines(lang).unwrap_or(&[]);
    let mut counts = BoundaryCounts::default();
    let mut errs = Vec::new();
    for article in &flores.articles {
        let gold_lines = &lines[article.clone()];
        let mut gold = BTreeSet::new();
        let mut offset = 0;
        for (k, line) in gold_lines.iter().enumerate() {
            if let Some(ends) = internal.and_then(|m| m.get(&(lang, article.start + k))) {
                gold.extend(ends.iter().map(|e| offset + e));
            }
            offset += non_whitespace(line);
            if k + 1 < gold_lines.len() {
                gold.insert(offset);
            }
        }
        let joined = gold_lines.join(" ");
        let predicted: Vec<&str> = parallax::segment::split_str(&joined, lang)
            .into_iter()
            .map(|r| &joined[r])
            .collect();
        let p = boundaries(&predicted);
        counts.add(BoundaryCounts {
            gold: gold.len(),
            predicted: p.len(),
            correct: gold.intersection(&p).count(),
        });
        errs.extend(errors(&predicted, &gold));
    }
    let dataset = if internal.is_some() {
        "flores200-devtest+internal"
    } else {
        "flores200-devtest"
    };
    SegmentationResult {
        dataset: dataset.into(),
        lang,
        documents: flores.articles.len(),
        counts,
        errors: errs,
    }
}

/// The bundled corpora: every version with a `gold/<lang>.seg` file.
pub fn on_corpus(
    corpus: &std::path::Path,
    lang: parallax::lang::Lang,
) -> parallax::error::Result<SegmentationResult> {
    let mut counts = BoundaryCounts::default();
    let mut errs = Vec::new();
    let mut documents = 0;
    for dir in parallax::corpus::find_stories(&[corpus.to_path_buf()]) {
        let dir = dir?;
        let path = dir.join(format!("{}.txt", lang.code()));
        let Some(gold) = super::gold::segments(&dir, lang)? else {
            continue;
        };
        let text = parallax::text::Text::read(&path, &parallax::text::ReadOptions::default())?;
        let predicted: Vec<&str> = parallax::segment::split_text(&text, lang)
            .into_iter()
            .map(|s| &text.text[s.span])
            .collect();
        counts.add(compare(&gold, &predicted));
        let gold_set = boundaries(&gold);
        errs.extend(
            errors(&predicted, &gold_set)
                .into_iter()
                .map(|e| format!("{}: {e}", dir.display())),
        );
        documents += 1;
    }
    Ok(SegmentationResult {
        dataset: "corpora".into(),
        lang,
        documents,
        counts,
        errors: errs,
    })
}

/// Hand-annotated sentence ends inside WMT lines
/// (`benches/data/wmt-internal-boundaries.tsv`): (file, line) → offsets.
pub type WmtEnds = std::collections::HashMap<(String, usize), Vec<usize>>;

pub fn load_wmt_ends(path: &std::path::Path) -> parallax::error::Result<WmtEnds> {
    use parallax::error::{Error, ErrorKind, Location};
    let mut out = WmtEnds::new();
    for (i, line) in super::read_lines(path)?.iter().enumerate() {
        if line.starts_with('#') || line.starts_with("file\t") || line.trim().is_empty() {
            continue;
        }
        let bad = || {
            Error::new(
                ErrorKind::BadRow("expected file<TAB>line<TAB>ends".into()),
                Location::file(path).at_line(i + 1),
            )
        };
        let cells: Vec<&str> = line.split('\t').collect();
        let [file, n, ends] = cells[..] else {
            return Err(bad());
        };
        let n: usize = n.parse().map_err(|_| bad())?;
        let ends = super::gold::parse_ids(ends).map_err(|_| bad())?;
        out.insert((file.to_string(), n), ends);
    }
    Ok(out)
}

/// WMT: the lines of one file in documents of ten lines (the sets give no
/// document boundaries), each line a paragraph, re-segmented. Gold: the line
/// ends plus the hand-annotated ends inside lines.
pub fn on_wmt(
    dir: &std::path::Path,
    file: &str,
    lang: parallax::lang::Lang,
    internal: &WmtEnds,
) -> parallax::error::Result<SegmentationResult> {
    const WMT_DOC_LINES: usize = 10;
    let lines = super::read_lines(&dir.join(file))?;
    let mut counts = BoundaryCounts::default();
    let mut errs = Vec::new();
    let mut documents = 0;
    for start in (0..lines.len()).step_by(WMT_DOC_LINES) {
        let doc = &lines[start..(start + WMT_DOC_LINES).min(lines.len())];
        documents += 1;
        let mut gold = BTreeSet::new();
        let mut offset = 0;
        for (k, line) in doc.iter().enumerate() {
            if let Some(ends) = internal.get(&(file.to_string(), start + k)) {
                gold.extend(ends.iter().map(|e| offset + e));
            }
            offset += non_whitespace(line);
            if k + 1 < doc.len() {
                gold.insert(offset);
            }
        }
        // A WMT line is a segment of its own (a headline, a paragraph, a
        // chat turn): lines are joined as paragraphs, so what is measured is
        // the sentence ends inside lines and the false splits.
        let joined = doc.join("\n\n");
        let predicted: Vec<&str> = parallax::segment::split_str(&joined, lang)
            .into_iter()
            .map(|r| &joined[r])
            .collect();
        let p = boundaries(&predicted);
        counts.add(BoundaryCounts {
            gold: gold.len(),
            predicted: p.len(),
            correct: gold.intersection(&p).count(),
        });
        errs.extend(errors(&predicted, &gold));
    }
    Ok(SegmentationResult {
        dataset: format!("wmt {}", file.split(".de-en").next().unwrap_or(file)),
        lang,
        documents,
        counts,
        errors: errs,
    })
}
