//! Prints which tokens of two sentences explain each other, and how.
//! Run: `cargo run --release --example explain_pair -- bg de "Изречение." "Satz."`.

use parallax::analyse::analyse_toward;
use parallax::correspond::{explain, similarity};
use parallax::lang::Lang;
use parallax::lexicon::Lexicon;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [la, lb, sa, sb] = &args[..] else {
        eprintln!("usage: explain_pair LANG_A LANG_B SENTENCE_A SENTENCE_B");
        std::process::exit(2);
    };
    let (Ok(la), Ok(lb)) = (la.parse::<Lang>(), lb.parse::<Lang>()) else {
        eprintln!("languages: bg, de or en");
        std::process::exit(2);
    };
    let lexicon = Lexicon::embedded();
    let a = analyse_toward(sa, la, &lexicon, &[lb]);
    let b = analyse_toward(sb, lb, &lexicon, &[la]);
    let mut links = Vec::new();
    let e = explain(&a, &b, |l| links.push(l));
    let show =
        |text: &str, s: &parallax::analyse::Analysed, set: &parallax::correspond::TokenSet| {
            let words: Vec<String> = s
                .tokens
                .iter()
                .enumerate()
                .map(|(k, t)| {
                    let mark = if set.contains(k as u32) { "+" } else { "-" };
                    let w = &text[t.span.start as usize..t.span.end as usize];
                    format!("{w}{mark}{:?}{:.2}", t.kind, t.weight)
                })
                .collect();
            println!("{}", words.join(" "));
        };
    show(sa, &a, &e.a);
    show(sb, &b, &e.b);
    for l in links {
        let wa = &a.tokens[l.a as usize];
        let wb = &b.tokens[l.b as usize];
        println!(
            "  {} = {} ({:?})",
            &sa[wa.span.start as usize..wa.span.end as usize],
            &sb[wb.span.start as usize..wb.span.end as usize],
            l.how
        );
    }
    println!("similarity {:.3}", similarity(&a, &b));
}
