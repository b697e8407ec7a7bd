//! FLORES-200 devtest: 1,012 sentences per language, line k of every language
//! file translating line k of the others, grouped into 281 articles by the URL
//! column of `metadata_devtest.tsv` (consecutive lines with the same URL).

use std::ops::Range;
use std::path::Path;

use super::read_lines;
use parallax::error::{Error, ErrorKind, Result};
use parallax::lang::Lang;

/// The devtest set for bg, de and en.
#[derive(Debug, Clone)]
pub struct Flores {
    pub bg: Vec<String>,
    pub de: Vec<String>,
    pub en: Vec<String>,
    /// Line ranges of the articles, in order.
    pub articles: Vec<Range<usize>>,
}

impl Flores {
    /// Loads `dir` (the `flores200-devtest` folder).
    pub fn load(dir: &Path) -> Result<Flores> {
        let bg = read_lines(&dir.join("bul_Cyrl.devtest"))?;
        let de = read_lines(&dir.join("deu_Latn.devtest"))?;
        let en = read_lines(&dir.join("eng_Latn.devtest"))?;
        let meta_path = dir.join("metadata_devtest.tsv");
        let meta = read_lines(&meta_path)?;
        let urls: Vec<&str> = meta
            .iter()
            .skip(1)
            .map(|l| l.split('\t').next().unwrap_or(""))
            .collect();
        if bg.len() != de.len() || de.len() != en.len() || urls.len() != en.len() {
            return Err(Error::at(
                dir,
                ErrorKind::Invalid(format!(
                    "line counts differ: bg {}, de {}, en {}, metadata {}",
                    bg.len(),
                    de.len(),
                    en.len(),
                    urls.len()
                )),
            ));
        }
        let mut articles: Vec<Range<usize>> = Vec::new();
        for (i, url) in urls.iter().enumerate() {
            match articles.last_mut() {
                Some(a) if urls[a.start] == *url => a.end = i + 1,
                _ => articles.push(i..i + 1),
            }
        }
        Ok(Flores {
            bg,
            de,
            en,
            articles,
        })
    }

    pub fn lines(&self, lang: Lang) -> Option<&[String]> {
        match lang {
            Lang::Bg => Some(&self.bg),
            Lang::De => Some(&self.de),
            Lang::En => Some(&self.en),
            Lang::Other(_) => None,
        }
    }
}
