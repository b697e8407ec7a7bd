//! Folding: the one normalisation every word goes through before lookup, in
//! the text and in the dictionaries alike: lowercase, stress marks (U+0301,
//! U+0300) removed, typographic apostrophes as `'`. The generated lexicon
//! files were folded the same way (see `data/lexicon/SOURCES.md`).

/// Folds a word for lookup. Allocates only when something changes.
pub fn fold(word: &str) -> std::borrow::Cow<'_, str> {
    let clean = word.chars().all(|c| {
        !(c.is_uppercase() || matches!(c, '\u{0301}' | '\u{0300}' | '’' | 'ʼ' | '‘' | 'ѝ' | 'ѐ'))
    });
    if clean {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{0301}' | '\u{0300}' => {}
            '’' | 'ʼ' | '‘' => out.push('\''),
            // "ѝ" (и with grave, precomposed) loses its grave like the data did.
            'ѝ' | 'Ѝ' => out.push('и'),
            'ѐ' | 'Ѐ' => out.push('е'),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table() {
        let cases = [
            ("Regierung", "regierung"),
            ("ПРАВИТЕЛСТВО", "правителство"),
            ("ка\u{0301}зва", "казва"),
            ("ѝ", "и"),
            ("don’t", "don't"),
            ("straße", "straße"),
            ("already", "already"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "{input}");
        }
        assert!(matches!(fold("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
