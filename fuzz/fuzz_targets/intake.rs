//! Text intake: any bytes through `Text::from_bytes`, as every version file
//! and user lexicon is read. Refusals are fine; a panic is not. For accepted
//! text: offsets back into the file stay inside it and never go backwards,
//! and paragraphs and the headline are spans of the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::Text;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = Text::from_bytes(data, None) else {
        return;
    };
    let mut last = 0;
    for (i, _) in text.text.char_indices().chain([(text.text.len(), ' ')]) {
        let at = text.file_offset(i);
        assert!(
            at <= data.len(),
            "offset {i} maps to {at} past {}",
            data.len()
        );
        assert!(at >= last, "offset {i} maps to {at}, before {last}");
        last = at;
    }
    for p in text.paragraphs() {
        assert!(text.text.get(p.clone()).is_some(), "paragraph {p:?}");
        let span = text.file_span(p);
        assert!(span.start <= span.end && span.end <= data.len());
    }
    if let Some(h) = text.headline() {
        assert!(text.text.get(h).is_some());
    }
    // Normalising the normalised text changes nothing.
    let again = Text::from_str_at(&text.text, None);
    assert_eq!(again.text, text.text, "normalisation is not idempotent");
});
