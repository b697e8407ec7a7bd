//! Segmentation in each language (bg, de, en and one without rules of its
//! own): any text intake accepts is cut into sentences whose spans are
//! non-empty, trimmed, in order, inside the text and on character
//! boundaries, with file spans inside the file; the same for `split_str` and
//! the one-sentence-per-line mode.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::segment::{sentences, split_str};
use parallax::{Lang, Text};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = Text::from_bytes(data, None) else {
        return;
    };
    for lang in [Lang::Bg, Lang::De, Lang::En, Lang::Other(*b"fr")] {
        for segmented in [false, true] {
            let mut end = 0;
            for s in sentences(&text, lang, segmented) {
                assert!(s.span.start >= end, "{lang}: {:?} overlaps {end}", s.span);
                let body = text
                    .text
                    .get(s.span.clone())
                    .expect("span on char boundaries");
                assert!(!body.is_empty(), "{lang}: empty sentence at {:?}", s.span);
                assert_eq!(body, body.trim(), "{lang}: untrimmed sentence");
                assert!(s.file_span.start <= s.file_span.end && s.file_span.end <= data.len());
                end = s.span.end;
            }
        }
        let mut end = 0;
        for span in split_str(&text.text, lang) {
            assert!(span.start >= end && span.start <= span.end);
            assert!(
                text.text.get(span.clone()).is_some(),
                "{lang}: split_str {span:?}"
            );
            end = span.end;
        }
    }
});
