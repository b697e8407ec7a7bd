//! Telling a user what a file that is not UTF-8 probably is, instead of
//! guessing in silence and aligning mojibake: news exports still come in
//! Windows-1251 (Bulgarian) and Latin-1 / Windows-1252 (German), and
//! scraped pages get saved as `.txt` with their markup.

/// The legacy encoding that invalid UTF-8 most likely is, if the bytes
/// look like one. Rule E1: Cyrillic in Windows-1251 is whole words of bytes
/// 0xC0–0xFF (`Здравей` = `C7 E4 F0 E0 E2 E5 E9`); German in Latin-1 has
/// high bytes alone or in pairs between ASCII letters (`größere` =
/// `67 72 F6 DF 65 72 65`). So the share of high bytes that stand in runs
/// of three or more decides: most of them for Cyrillic, few for Latin-1.
pub fn guess_legacy(bytes: &[u8]) -> Option<&'static str> {
    let (mut total, mut in_runs, mut cyrillic_range) = (0usize, 0usize, 0usize);
    let mut run = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x80 {
            total += 1;
            run += 1;
            if b >= 0xC0 {
                cyrillic_range += 1;
            }
        }
        let ends = b < 0x80 || i + 1 == bytes.len();
        if ends {
            if run >= 3 {
                in_runs += run;
            }
            run = 0;
        }
    }
    if total < 3 {
        return None;
    }
    let share = in_runs as f64 / total as f64;
    if share > 0.5 && cyrillic_range * 10 > total * 6 {
        Some("Windows-1251 (Cyrillic)")
    } else if share < 0.2 {
        Some("Latin-1 / Windows-1252 (Western European)")
    } else {
        None
    }
}

/// Rule E2: text whose first non-blank character opens a tag and which has
/// an `<html`, `<head` or `<body` tag or a doctype near the top, or any text
/// with 20 or more closing tags, is an HTML page, not an article's text. A
/// news text may quote `<b>` once; it does not close twenty tags.
pub fn looks_like_html(text: &str) -> bool {
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let head: String = trimmed
        .chars()
        .take(4096)
        .collect::<String>()
        .to_lowercase();
    let markers = ["<!doctype html", "<html", "<head", "<body"];
    if trimmed.starts_with('<') && markers.iter().any(|m| head.contains(m)) {
        return true;
    }
    let closing = text
        .as_bytes()
        .windows(3)
        .filter(|w| w[0] == b'<' && w[1] == b'/' && w[2].is_ascii_alphabetic())
        .count();
    closing >= 20
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_encodings_are_named() {
        // "Здравей, свят! Това е тест." in Windows-1251.
        let cp1251: &[u8] = b"\xc7\xe4\xf0\xe0\xe2\xe5\xe9, \xf1\xe2\xff\xf2! \xd2\xee\xe2\xe0 \xe5 \xf2\xe5\xf1\xf2.";
        assert_eq!(guess_legacy(cp1251), Some("Windows-1251 (Cyrillic)"));
        // "Grüße aus München, schön." in Latin-1.
        let latin1: &[u8] = b"Gr\xfc\xdfe aus M\xfcnchen, sch\xf6n. Die Stra\xdfe ist gro\xdf.";
        assert_eq!(
            guess_legacy(latin1),
            Some("Latin-1 / Windows-1252 (Western European)")
        );
        assert_eq!(
            guess_legacy(b"plain ascii \xff"),
            None,
            "too little to tell"
        );
    }

    #[test]
    fn html_pages_are_told_from_text_that_mentions_a_tag() {
        let many = "<p>Absatz.</p>".repeat(25);
        let cases = [
            (
                "<!DOCTYPE html>\n<html><head><title>x</title></head><body>Text.</body></html>",
                true,
            ),
            ("  <html>\n<body><p>Ein Artikel.</p></body></html>", true),
            ("The tag <b> makes text bold, she wrote.", false),
            (many.as_str(), true),
            ("Der Minister sagte: <Wir bleiben>.", false),
        ];
        for (text, want) in cases {
            assert_eq!(looks_like_html(text), want, "{text}");
        }
    }
}
