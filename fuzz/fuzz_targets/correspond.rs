//! Analysis plus correspondence of two arbitrary sentences: the selector
//! byte picks the two languages (bg, de, en or one without a lexicon), the
//! rest is the two sentences separated by NUL. Links point at tokens that
//! exist, and similarities stay in 0..=1.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::analyse::analyse;
use parallax::correspond::{correspond, explain, similarity};
use parallax::lexicon::Lexicon;
use parallax_fuzz::{lang_of, parts, selector};

fuzz_target!(|data: &[u8]| {
    let Some((sel, rest)) = selector(data) else {
        return;
    };
    let [a, b] = parts(rest, 2)[..] else {
        return;
    };
    let (Ok(a), Ok(b)) = (std::str::from_utf8(a), std::str::from_utf8(b)) else {
        return;
    };
    let (la, lb) = (lang_of(sel), lang_of(sel >> 2));
    let lexicon = Lexicon::embedded();
    let (xa, xb) = (analyse(a, la, &lexicon), analyse(b, lb, &lexicon));
    let c = correspond(&xa, &xb);
    for link in &c.links {
        assert!((link.a as usize) < xa.tokens.len(), "link {link:?}");
        assert!((link.b as usize) < xb.tokens.len(), "link {link:?}");
    }
    assert_eq!(c.explained_a.len(), xa.tokens.len());
    assert_eq!(c.explained_b.len(), xb.tokens.len());
    let mut links = 0;
    let e = explain(&xa, &xb, |_| links += 1);
    assert!(links > 0 || e == Default::default());
    for s in [similarity(&xa, &xb), c.similarity(&xa, &xb)] {
        assert!((0.0..=1.0).contains(&s), "similarity {s}");
    }
    let (hit, all) = c.coverage_a(&xa);
    assert!(hit <= all, "coverage {hit}/{all}");
    let (hit, all) = c.coverage_b(&xb);
    assert!(hit <= all, "coverage {hit}/{all}");
});
