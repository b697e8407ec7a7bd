//! The mismatched-pair control: documents that are not translations of
//! each other, aligned as if they were. Every link the aligner makes there
//! is false, and every word the lexicon explains there is a false match, so
//! the link rate says how cheap a false link is and the coverage how much
//! the lexicon "explains" by accident (the bg-de pivot through English is
//! where that was worst). Three sources, per language pair:
//! - FLORES documents of about 60 lines, each against the document half the
//!   set away (other articles, same genre);
//! - WMT newstest2021 articles, each against the next article (German news
//!   against another story's English translation);
//! - the bundled stories, each against the next story (single news stories
//!   that share the genre's words: courts, councils, prices).

use std::path::Path;

use rayon::prelude::*;

use super::flores::Flores;
use super::gold;
use super::read_lines;
use parallax::align::{AlignOptions, Doc, align};
use parallax::analyse::analyse;
use parallax::corpus::find_stories;
use parallax::correspond::correspond;
use parallax::error::Result;
use parallax::lang::Lang;
use parallax::lexicon::Lexicon;

/// Figures of one control set and language pair.
#[derive(Debug, Clone, Copy, Default)]
pub struct Control {
    pub documents: usize,
    /// Sentences of the shorter document of each pair, summed.
    pub sentences: usize,
    /// Links the aligner made (all false).
    pub links: usize,
    /// Pairs the aligner judged not translations.
    pub judged_unrelated: usize,
    /// Content tokens of the sentence pairs (i, i) and those explained.
    pub tokens: usize,
    pub explained: usize,
}

impl Control {
    /// False links per sentence of the shorter document.
    pub fn link_rate(&self) -> f64 {
        self.links as f64 / self.sentences.max(1) as f64
    }
    /// Share of content words the other sentence "explains".
    pub fn coverage(&self) -> f64 {
        self.explained as f64 / self.tokens.max(1) as f64
    }
    /// Share of document pairs judged not translations.
    pub fn verdict_rate(&self) -> f64 {
        self.judged_unrelated as f64 / self.documents.max(1) as f64
    }
    pub fn add(&mut self, o: Control) {
        self.documents += o.documents;
        self.sentences += o.sentences;
        self.links += o.links;
        self.judged_unrelated += o.judged_unrelated;
        self.tokens += o.tokens;
        self.explained += o.explained;
    }
}

/// Aligns each (A, B) document pair and measures it.
fn measure(
    pairs: &[(Vec<String>, Vec<String>)],
    (la, lb): (Lang, Lang),
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> Control {
    let per: Vec<Control> = pairs
        .par_iter()
        .map(|(a, b)| {
            let da = Doc::from_sentences(la, a.iter().map(String::as_str).collect());
            let db = Doc::from_sentences(lb, b.iter().map(String::as_str).collect());
            let al = align(&da, &db, lexicon, options);
            let links = al
                .beads
                .iter()
                .map(|x| x.a.len() * x.b.len())
                .sum::<usize>();
            let (mut tokens, mut explained) = (0, 0);
            for (x, y) in a.iter().zip(b) {
                let (x, y) = (analyse(x, la, lexicon), analyse(y, lb, lexicon));
                let c = correspond(&x, &y);
                for (hit, total) in [c.coverage_a(&x), c.coverage_b(&y)] {
                    explained += hit;
                    tokens += total;
                }
            }
            Control {
                documents: 1,
                sentences: a.len().min(b.len()),
                links,
                judged_unrelated: usize::from(al.not_translations()),
                tokens,
                explained,
            }
        })
        .collect();
    let mut total = Control::default();
    per.into_iter().for_each(|c| total.add(c));
    total
}

/// FLORES documents, each against the one half the set away.
pub fn flores(
    flores: &Flores,
    pair: (Lang, Lang),
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> Control {
    let (Some(xa), Some(xb)) = (flores.lines(pair.0), flores.lines(pair.1)) else {
        return Control::default();
    };
    let docs = super::relay_sets::documents(flores);
    let half = docs.len() / 2;
    let pairs: Vec<(Vec<String>, Vec<String>)> = (0..docs.len())
        .map(|d| {
            let other = &docs[(d + half) % docs.len()];
            (xa[docs[d].clone()].to_vec(), xb[other.clone()].to_vec())
        })
        .collect();
    measure(&pairs, pair, lexicon, options)
}

/// WMT newstest2021 articles (see [`super::condense::wmt_articles`]), each
/// German article against the next one's English.
pub fn wmt(dir: &Path, lexicon: &Lexicon, options: &AlignOptions) -> Result<Control> {
    let de = read_lines(&dir.join("newstest2021.de-en.src.de"))?;
    let en = read_lines(&dir.join("newstest2021.de-en.ref.A.en"))?;
    let articles = super::condense::articles(&de);
    let pairs: Vec<(Vec<String>, Vec<String>)> = (0..articles.len())
        .map(|d| {
            let other = &articles[(d + 1) % articles.len()];
            (de[articles[d].clone()].to_vec(), en[other.clone()].to_vec())
        })
        .collect();
    Ok(measure(&pairs, (Lang::De, Lang::En), lexicon, options))
}

/// The bundled stories, each against the next story.
pub fn corpora(
    dir: &Path,
    (la, lb): (Lang, Lang),
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> Result<Control> {
    let mut texts: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for story in find_stories(&[dir.to_path_buf()]) {
        let story = story?;
        if let (Some(a), Some(b)) = (gold::segments(&story, la)?, gold::segments(&story, lb)?) {
            texts.push((a, b));
        }
    }
    let pairs: Vec<(Vec<String>, Vec<String>)> = (0..texts.len())
        .map(|d| (texts[d].0.clone(), texts[(d + 1) % texts.len()].1.clone()))
        .collect();
    Ok(measure(&pairs, (la, lb), lexicon, options))
}
