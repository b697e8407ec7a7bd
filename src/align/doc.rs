//! One side of an alignment: a document's sentences, their language and
//! lengths, and what the cost model needs to know about their structure
//! (paragraph starts, the headline). Sentence texts are borrowed; analysis
//! happens inside the aligner, in windows, so a 100,000-sentence document is
//! never analysed all at once.

use crate::lang::Lang;
use crate::segment::{Sentence, Zone};

/// A document to align.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub lang: Lang,
    pub sentences: Vec<&'a str>,
    /// Length of each sentence in characters.
    pub lengths: Vec<u32>,
    /// True where a sentence opens a paragraph.
    pub paragraph_start: Vec<bool>,
    /// True for a headline.
    pub headline: Vec<bool>,
}

impl<'a> Doc<'a> {
    /// A document from plain sentences (one paragraph, no headline).
    pub fn from_sentences(lang: Lang, sentences: Vec<&'a str>) -> Doc<'a> {
        let lengths = sentences.iter().map(|s| s.chars().count() as u32).collect();
        let n = sentences.len();
        Doc {
            lang,
            sentences,
            lengths,
            paragraph_start: vec![false; n],
            headline: vec![false; n],
        }
    }

    /// A document from a segmented text.
    pub fn from_segmented(lang: Lang, text: &'a str, sentences: &[Sentence]) -> Doc<'a> {
        let mut doc = Doc::from_sentences(
            lang,
            sentences.iter().map(|s| &text[s.span.clone()]).collect(),
        );
        for (k, s) in sentences.iter().enumerate() {
            doc.paragraph_start[k] = k == 0 || sentences[k - 1].paragraph != s.paragraph;
            doc.headline[k] = s.zone == Zone::Headline;
        }
        doc
    }

    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// Total characters.
    pub fn total_length(&self) -> usize {
        self.lengths.iter().map(|&l| l as usize).sum()
    }
}
