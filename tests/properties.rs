//! Property tests: segmentation never loses or reorders text, and no input,
//! however malformed, makes intake or segmentation panic.

use parallax::segment::{split_str, split_text};
use parallax::{Lang, Text};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Text built from the pieces news text is made of, in any order.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Dr. ".to_string()),
        Just("г. ".to_string()),
        Just("z. B. ".to_string()),
        Just("3. ".to_string()),
        Just("„Zitat.“ ".to_string()),
        Just("\"Quote.\" ".to_string()),
        Just("... ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("- ".to_string()),
        Just("1,5 ".to_string()),
        "[A-Za-zА-Яа-яÄÖÜäöü]{1,8}[ .!?,;:]{0,2}",
        "[ -~]{0,6}",
        "\\PC{0,4}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn non_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_cover_the_text_in_order(text in newsy_text(), lang in 0..4usize) {
        let lang = [Lang::Bg, Lang::De, Lang::En, Lang::Other(*b"fr")][lang];
        let spans = split_str(&text, lang);
        let mut end = 0;
        for s in &spans {
            prop_assert!(s.start >= end && s.start < s.end && s.end <= text.len(), "{spans:?}");
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert!(text[end..s.start].trim().is_empty(), "text lost before {s:?}");
            end = s.end;
        }
        prop_assert!(text[end..].trim().is_empty(), "text lost at the end");
        let joined: String = spans.iter().map(|s| &text[s.clone()]).collect();
        prop_assert_eq!(non_whitespace(&joined), non_whitespace(&text));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(text) = Text::from_bytes(&bytes, None) {
            for s in split_text(&text, Lang::De) {
                prop_assert!(s.file_span.start <= s.file_span.end && s.file_span.end <= bytes.len());
            }
        }
    }

    #[test]
    fn utf8_text_maps_back_into_the_file(text in newsy_text()) {
        let raw = format!("\u{FEFF}{}", text.replace('\n', "\r\n").replace(' ', "\u{00A0}"));
        let t = Text::from_str_at(&raw, None);
        for s in split_text(&t, Lang::En) {
            let in_file = &raw[s.file_span.clone()];
            let in_file: String = in_file.replace('\u{00A0}', " ").nfc().collect();
            prop_assert_eq!(non_whitespace(&in_file), non_whitespace(&t.text[s.span.clone()]));
        }
    }
}
