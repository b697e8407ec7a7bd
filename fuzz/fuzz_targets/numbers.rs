//! The number and date parser: digit strings, scale and percent words,
//! number words, month names and numeric dates (`lexicon::numbers`, on top
//! of `locale`), on every whitespace-separated word of the input and on the
//! input as a whole; then the input analysed as a sentence in each language,
//! which groups tokens into numbers and dates (`analyse`'s quantities).
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::Lang;
use parallax::analyse::analyse;
use parallax::lexicon::numbers::{
    is_percent, month, number_word, numeric_date, parse_digits, scale, value_key,
};
use parallax::lexicon::{Lexicon, fold};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let lexicon = Lexicon::embedded();
    let words = std::iter::once(s).chain(s.split_whitespace());
    for word in words {
        let folded = fold(word);
        for lang in [Lang::Bg, Lang::De, Lang::En] {
            if let Some(v) = parse_digits(word, lang) {
                assert!(v >= 0.0 || v.is_nan(), "{word:?} in {lang} parsed as {v}");
                let _ = value_key(v, false);
                let _ = value_key(v, true);
            }
            if let Some(m) = scale(&folded, lang) {
                assert!(m >= 1e3, "{word:?}: scale {m}");
            }
        }
        let _ = is_percent(&folded);
        let _ = number_word(&folded);
        if let Some(m) = month(&folded) {
            assert!((1..=12).contains(&m), "{word:?}: month {m}");
        }
        if let Some((y, m, d)) = numeric_date(word) {
            assert!((1..=12).contains(&m) && (1..=31).contains(&d) && y >= 1000);
        }
    }
    // Quantities are found inside a sentence, across tokens.
    if s.len() <= 2048 {
        for lang in [Lang::Bg, Lang::De, Lang::En, Lang::Other(*b"fr")] {
            let a = analyse(s, lang, &lexicon);
            for t in &a.tokens {
                let span = t.span.start as usize..t.span.end as usize;
                assert!(s.get(span).is_some(), "{lang}: token {:?}", t.span);
                assert!(t.weight.is_finite(), "{lang}: weight {}", t.weight);
            }
        }
    }
});
