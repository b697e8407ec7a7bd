//! Sentence segmentation for bg, de and en (and a generic fallback for other
//! languages). A text is cut into paragraphs (blank lines), a paragraph into
//! blocks (list items start a new block; other line breaks are soft wraps),
//! and a block into sentences: `sentencex` proposes boundaries and the
//! project's own rules in [`rules`] veto or add boundaries. Every sentence
//! keeps its byte span in the normalised text and in the file as read.

pub mod rules;
mod words;

use std::ops::Range;

use crate::lang::Lang;
use crate::text::{Text, is_headline, paragraphs};

/// What part of the story a sentence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Headline,
    Body,
    ListItem,
}

/// One sentence of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Span in the normalised text (`Text::text`).
    pub span: Range<usize>,
    /// Span in the file as read.
    pub file_span: Range<usize>,
    /// 0-based paragraph number.
    pub paragraph: usize,
    pub zone: Zone,
}

/// Segments a text into sentences.
pub fn split_text(text: &Text, lang: Lang) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in paragraphs(&text.text).into_iter().enumerate() {
        let body = &text.text[para.clone()];
        if p == 0 && is_headline(body) {
            out.push(sentence(text, para, p, Zone::Headline));
            continue;
        }
        for (block, is_item) in blocks(body) {
            let zone = if is_item { Zone::ListItem } else { Zone::Body };
            let base = para.start + block.start;
            for s in split_block(&body[block], lang) {
                out.push(sentence(text, base + s.start..base + s.end, p, zone));
            }
        }
    }
    out
}

/// The sentences of a text: segmented, or one per line when the input is
/// already segmented (`--segmented`).
pub fn sentences(text: &Text, lang: Lang, segmented: bool) -> Vec<Sentence> {
    if segmented {
        lines_as_sentences(text)
    } else {
        split_text(text, lang)
    }
}

/// Treats every non-empty line as one sentence (input that is already
/// segmented, such as evaluation data). Paragraph numbers follow blank lines.
pub fn lines_as_sentences(text: &Text) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut paragraph = 0;
    let mut blank_before = false;
    for line in text.text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let trimmed = body.trim();
        if trimmed.is_empty() {
            blank_before = !out.is_empty();
        } else {
            if blank_before {
                paragraph += 1;
                blank_before = false;
            }
            let start = pos + (body.len() - body.trim_start().len());
            let span = start..start + trimmed.len();
            out.push(sentence(text, span, paragraph, Zone::Body));
        }
        pos += line.len();
    }
    out
}

/// Segments a plain string (one block, no paragraph logic) into trimmed spans.
pub fn split_str(text: &str, lang: Lang) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        for (block, _) in blocks(&text[para.clone()]) {
            let base = para.start + block.start;
            let spans = split_block(&text[base..para.start + block.end], lang);
            out.extend(spans.into_iter().map(|s| base + s.start..base + s.end));
        }
    }
    out
}

fn sentence(text: &Text, span: Range<usize>, paragraph: usize, zone: Zone) -> Sentence {
    Sentence {
        file_span: text.file_span(span.clone()),
        span,
        paragraph,
        zone,
    }
}

/// Splits a paragraph into blocks: a line that opens with a list marker
/// starts a new block; any other line continues the block before it.
fn blocks(paragraph: &str) -> Vec<(Range<usize>, bool)> {
    let mut out: Vec<(Range<usize>, bool)> = Vec::new();
    let mut pos = 0;
    for line in paragraph.split_inclusive('\n') {
        let body = line.trim_end();
        let lead = body.len() - body.trim_start().len();
        let is_item = rules::is_list_item(body.trim_start());
        match out.last_mut() {
            Some(last) if !is_item && !last.1 => last.0.end = pos + body.len(),
            _ => out.push((pos + lead..pos + body.len(), is_item)),
        }
        pos += line.len();
    }
    out
}

/// Sentences of one block, as trimmed spans relative to the block.
fn split_block(block: &str, lang: Lang) -> Vec<Range<usize>> {
    let code = if lang.is_known() { lang.code() } else { "en" };
    let proposed: Vec<Range<usize>> = sentencex::get_sentence_boundaries(code, block)
        .into_iter()
        .filter_map(|b| trim_span(block, b.start_byte..b.end_byte))
        .collect();
    let mut spans = if proposed.is_empty() {
        trim_span(block, 0..block.len()).into_iter().collect()
    } else {
        cover(block, proposed)
    };
    rules::apply(block, lang, &mut spans);
    spans
}

/// Makes spans contiguous over the block, so no text is ever lost between
/// two sentences even where the base segmenter skipped some.
fn cover(block: &str, spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    let mut next_start = 0;
    for s in spans {
        if s.start < next_start {
            continue; // overlapping proposal: already covered
        }
        let gap = &block[next_start..s.start];
        match out.last_mut() {
            Some(last) if !gap.trim().is_empty() => last.end = s.start,
            None if !gap.trim().is_empty() => out.push(next_start..s.start),
            _ => {}
        }
        next_start = s.end;
        out.push(s);
    }
    if let Some(last) = out.last_mut()
        && !block[next_start..].trim().is_empty()
    {
        last.end = block.len();
    }
    out.into_iter()
        .filter_map(|s| trim_span(block, s))
        .collect()
}

/// The span without leading and trailing whitespace; `None` when blank.
pub(crate) fn trim_span(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    (!trimmed.is_empty()).then(|| span.start + lead..span.start + lead + trimmed.len())
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
