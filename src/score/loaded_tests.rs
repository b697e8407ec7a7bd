use super::*;
use crate::analyse::analyse;

fn found_families(text: &str, lang: Lang) -> Vec<String> {
    let lexicon = Lexicon::embedded();
    let a = analyse(text, lang, &lexicon);
    let loaded = Loaded::embedded();
    loaded
        .find(lang, &a, text)
        .into_iter()
        .map(|f| match f.marker {
            Marker::Family(k) => loaded.families[k as usize].id.to_string(),
            Marker::Hedge(h) => format!("{h:?}").to_lowercase(),
            Marker::Negator => "negator".into(),
            Marker::Without => "without".into(),
            Marker::Antonym { pair, side } => format!("antonym{pair}.{side}"),
        })
        .collect()
}

#[test]
fn embedded_data_parses_with_every_family_in_three_languages() {
    let loaded = Loaded::embedded();
    assert!(
        loaded.families.len() >= 300,
        "{} families",
        loaded.families.len()
    );
    for (line, c) in rows(FAMILIES, "family\t") {
        for cell in &c[4..7] {
            assert!(
                !cell.trim().is_empty(),
                "families.tsv:{line}: an empty language cell"
            );
        }
    }
    assert!(loaded.antonym_pairs >= 80);
}

#[test]
fn inflected_forms_match_their_family() {
    let cases = [
        ("Това е катастрофата на годината.", Lang::Bg, "catastrophe"),
        ("Това е катастрофален провал.", Lang::Bg, "catastrophe"),
        ("Es drohen Katastrophen.", Lang::De, "catastrophe"),
        ("It was a catastrophic failure.", Lang::En, "catastrophe"),
        ("Das war ein spürbarer Rückschlag.", Lang::De, "setback"),
        ("Er soll angeblich bezahlt haben.", Lang::De, "hedge"),
        (
            "According to the police, it burned.",
            Lang::En,
            "attribution",
        ),
        (
            "Според полицията пожарът е угаснал.",
            Lang::Bg,
            "attribution",
        ),
        ("Sie kam nicht.", Lang::De, "negator"),
        ("Той никога не идва.", Lang::Bg, "negator"),
    ];
    for (text, lang, want) in cases {
        let got = found_families(text, lang);
        assert!(got.iter().any(|g| g == want), "{text}: {got:?}");
    }
}
