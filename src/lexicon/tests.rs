use super::*;

fn has(lex: &Lexicon, from: Lang, word: &str, to: Lang, want: &str) -> bool {
    let want_stem = {
        let li = lang_index(to).unwrap();
        lex.lang(li).stemmer.stem(&fold(want)).into_owned()
    };
    lex.translate(from, word, to)
        .iter()
        .any(|(w, _)| *w == want_stem)
}

#[test]
fn dictionary_pairs_in_every_direction() {
    let lex = Lexicon::embedded();
    let cases = [
        (Lang::De, "Desaster", Lang::En, "disaster"),
        (Lang::En, "disaster", Lang::De, "Desaster"),
        (Lang::En, "government", Lang::Bg, "правителство"),
        (Lang::Bg, "правителството", Lang::En, "government"),
        (Lang::De, "Regierung", Lang::Bg, "правителство"),
        (Lang::Bg, "катастрофа", Lang::En, "catastrophe"),
    ];
    for (from, w, to, want) in cases {
        assert!(
            has(&lex, from, w, to, want),
            "{from} {w} → {to} {want}: {:?}",
            lex.translate(from, w, to)
        );
    }
}

#[test]
fn pivot_fills_bg_de() {
    let lex = Lexicon::embedded();
    let got = lex.translate(Lang::Bg, "министър", Lang::De);
    assert!(!got.is_empty(), "no bg→de translation of министър");
    assert!(
        got.iter()
            .any(|(_, s)| *s == Source::Pivot || *s == Source::Dictionary)
    );
}

#[test]
fn direction_indices_are_distinct() {
    let mut seen = std::collections::HashSet::new();
    for f in 0..3 {
        for t in 0..3 {
            if let Some(d) = direction(f, t) {
                assert!(d < 6 && seen.insert(d));
            }
        }
    }
    assert_eq!(seen.len(), 6);
}

#[test]
fn user_lexicon_adds_pairs_and_reports_bad_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("names.tsv");
    std::fs::write(
        &good,
        "lang_a\tword_a\tlang_b\tword_b\nbg\tГошо\ten\tGosho\n",
    )
    .unwrap();
    let mut lex = Lexicon::embedded();
    assert_eq!(lex.add_user_file(&good).unwrap(), 1);
    assert!(
        lex.translate(Lang::Bg, "Гошо", Lang::En)
            .iter()
            .any(|(_, s)| *s == Source::User)
    );

    let cases = [
        ("bg\tГошо\ten\n", "names.tsv:1", "4 tab-separated"),
        (
            "bg\tx\ten\ty\nxx1\ta\ten\tb\n",
            "names.tsv:2",
            "not bg, de or en",
        ),
        ("bg\ta\tbg\tb\n", "names.tsv:1", "two languages"),
    ];
    for (text, at, says) in cases {
        std::fs::write(&good, text).unwrap();
        let err = Lexicon::embedded()
            .add_user_file(&good)
            .unwrap_err()
            .to_string();
        assert!(err.contains(at) && err.contains(says), "{text:?}: {err}");
    }
}
