use super::*;

#[test]
fn normalisation_table() {
    // (input, normalised text)
    let cases: &[(&str, &str)] = &[
        ("\u{FEFF}Hallo Welt.", "Hallo Welt."),
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("1\u{00A0}000 Euro", "1 000 Euro"),
        ("1\u{202F}000", "1 000"),
        ("Donau\u{00AD}dampf\u{00AD}schiff", "Donaudampfschiff"),
        ("zero\u{200B}width\u{2060}", "zerowidth"),
        (
            "„Zitat“ und “quote” и «цитат»",
            "„Zitat“ und “quote” и «цитат»",
        ),
        ("Cafe\u{0301} и\u{0306}", "Café й"),
        ("line\u{2028}sep\u{2029}para", "line\nsep\n\npara"),
    ];
    for (input, want) in cases {
        let t = Text::from_str_at(input, None);
        assert_eq!(&t.text, want, "input {input:?}");
    }
}

#[test]
fn offsets_point_back_into_the_file() {
    // Every character of the normalised text that was copied unchanged must
    // be found at its mapped offset in the original.
    let inputs = [
        "\u{FEFF}Erster Satz.\r\nZweiter\u{00A0}Satz.",
        "Cafe\u{0301} au lait. Noch\u{00AD}mal.\r\rEnde",
        "Ж\u{200B}ж и\u{0306} ъ.",
    ];
    for raw in inputs {
        let t = Text::from_str_at(raw, None);
        for (i, c) in t.text.char_indices() {
            let src = t.file_offset(i);
            let here = &raw[src..];
            let ok = here.starts_with(c)
                || (c == ' ' && here.starts_with('\u{00A0}'))
                || (c == '\n' && here.starts_with('\r'))
                || here.nfc().next() == Some(c);
            assert!(ok, "{raw:?}: char {c:?} at {i} maps to {src}: {here:?}");
        }
        assert_eq!(t.file_offset(t.text.len()), raw.len(), "{raw:?} end");
    }
}

#[test]
fn bad_bytes_are_refused_with_location() {
    let cases: &[(&[u8], &str)] = &[
        (b"ok\nbad \xff here", "x.txt:2 (byte 7): not valid UTF-8"),
        (b"abc\0def", "x.txt:1 (byte 3): binary content"),
        (b"\xff\xfeh\0i\0", "x.txt:1 (byte 0): UTF-16"),
        (b"   \n\t\n", "x.txt: file is empty"),
        (b"", "x.txt: file is empty"),
        (b"\xEF\xBB\xBF\xC2\xA0", "x.txt: file is empty"),
    ];
    for (bytes, want) in cases {
        let err = Text::from_bytes(bytes, Some(Path::new("x.txt"))).unwrap_err();
        assert!(err.to_string().contains(want), "{bytes:?}: got {err}");
    }
}

#[test]
fn paragraphs_and_headline() {
    let t = Text::from_str_at(
        "China faces catastrophe\n\nFirst. Second.\nThird.\n \nLast.",
        None,
    );
    let paras: Vec<&str> = t.paragraphs().into_iter().map(|r| &t.text[r]).collect();
    assert_eq!(
        paras,
        ["China faces catastrophe", "First. Second.\nThird.", "Last."]
    );
    assert_eq!(
        t.headline().map(|r| &t.text[r]),
        Some("China faces catastrophe")
    );

    let cases = [
        ("Merz: „Wir schaffen das“", true),
        ("A headline ends here.", false),
        ("Wer zahlt?", false),
        ("Two\nlines", false),
        ("„Das ist ein Zitat.“", false),
        // Regression: a closing quote after a space made a whole paragraph
        // one headline, unsegmented (an MQM item's German translation).
        (
            "Reeves sagte: \"Ich will das nicht. Er war ein Fall. \"",
            false,
        ),
        ("Er sagte (so die Polizei. )", false),
    ];
    for (p, want) in cases {
        assert_eq!(is_headline(p), want, "{p:?}");
    }
}

/// Regression: a combining mark right after an NBSP, in a text that needs
/// NFC, mapped the mark into the middle of the NBSP's two bytes.
#[test]
fn nbsp_before_combining_mark_maps_to_a_char_boundary() {
    let raw = "a\u{00A0}\u{1133C}\u{09DF} b";
    let t = Text::from_str_at(raw, None);
    for (i, _) in t.text.char_indices() {
        assert!(
            raw.is_char_boundary(t.file_offset(i)),
            "offset {i} → {}",
            t.file_offset(i)
        );
    }
}

/// Regression (fuzz target `intake`, input `5\u{344}\u{344}oo`): NFC turns
/// each U+0344 (2 bytes) into U+0308 U+0301 (4 bytes), and the offsets inside
/// the cluster stepped on from its start, past the bytes it came from, so
/// the next character mapped back before them and the last marks pointed
/// past the end of the file.
#[test]
fn nfc_expansion_keeps_file_offsets_in_order() {
    for raw in [
        "5\u{344}\u{344}oo",
        "a\u{344}\u{344}",
        "x \u{958}\u{958}\u{344}",
    ] {
        let t = Text::from_str_at(raw, None);
        let mut last = 0;
        for (i, _) in t.text.char_indices().chain([(t.text.len(), ' ')]) {
            let at = t.file_offset(i);
            assert!(at >= last, "{raw:?}: offset {i} → {at}, before {last}");
            assert!(at <= raw.len(), "{raw:?}: offset {i} → {at} past the end");
            assert!(raw.is_char_boundary(at), "{raw:?}: offset {i} → {at}");
            last = at;
        }
    }
}

/// Regression (fuzz target `intake`, minimised input `S\u{2001}`): the en
/// and em quads were left as they were, and NFC turned them into an en and
/// an em space, so the normalised text kept fixed-width spaces and
/// normalising it again changed it.
#[test]
fn en_and_em_quads_become_spaces() {
    for raw in ["S\u{2001}x", "1\u{2000}000", "a\u{2008}b\u{205F}c"] {
        let t = Text::from_str_at(raw, None);
        assert!(
            !t.text.chars().any(|c| c.is_whitespace() && c != ' '),
            "{raw:?} → {:?}",
            t.text
        );
        assert_eq!(Text::from_str_at(&t.text, None).text, t.text, "{raw:?}");
    }
    assert_eq!(Text::from_str_at("1\u{2000}000", None).text, "1 000");
}

/// Regression (fuzz target `intake`, input `\u{11385}\u{345}\u{340}\u{F81}`,
/// found on a tree before 8c61026, which fixed it for U+0F73): U+0F81 has
/// combining class 0 but decomposes into two marks, so a cluster that
/// started there was normalised apart from the marks before it; the text
/// was not NFC and normalising it again reordered the marks.
#[test]
fn starter_decomposing_into_marks_joins_the_cluster_before() {
    use unicode_normalization::UnicodeNormalization;
    for raw in [
        "\u{11385}\u{345}\u{340}\u{F81}",
        "a\u{301}\u{F81}b",
        "\u{B47}\u{B3E}",
    ] {
        let t = Text::from_str_at(raw, None);
        let nfc: String = raw.nfc().collect();
        assert_eq!(t.text, nfc, "{raw:?}");
        assert_eq!(Text::from_str_at(&t.text, None).text, t.text, "{raw:?}");
        let mut last = 0;
        for (i, _) in t.text.char_indices().chain([(t.text.len(), ' ')]) {
            let at = t.file_offset(i);
            assert!(at >= last && at <= raw.len(), "{raw:?}: offset {i} → {at}");
            last = at;
        }
    }
}
