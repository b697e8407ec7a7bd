//! Helpers shared by the fuzz targets: cutting one fuzz input into the
//! several texts an entry point reads, building a story in memory the way
//! `corpus::load_story` would, and a scratch folder for the entry points that
//! only read files.
//!
//! Input conventions (the seed corpora follow them):
//! - texts of several versions are separated by NUL bytes, which no text can
//!   hold (intake refuses them);
//! - where a target needs choices (languages, relay chain), the first byte
//!   holds them and the rest is the text.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use parallax::segment::sentences;
use parallax::{Lang, Story, StoryMeta, Text, Version};

/// At most this many sentences per version reach the aligner and scoring,
/// so one input stays in the milliseconds (the issue asks for small limits).
pub const MAX_SENTENCES: usize = 40;

/// The languages a selector byte can pick: the three with a lexicon and one
/// without (French, which aligns on length, numbers and names only).
pub fn lang_of(selector: u8) -> Lang {
    match selector % 4 {
        0 => Lang::Bg,
        1 => Lang::De,
        2 => Lang::En,
        _ => Lang::Other(*b"fr"),
    }
}

/// Splits `data` at NUL bytes into at most `n` parts (the last keeps any
/// further NULs, which intake then refuses).
pub fn parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    data.splitn(n, |&b| b == 0).collect()
}

/// The first byte as a selector and the rest; `None` for empty input.
pub fn selector(data: &[u8]) -> Option<(u8, &[u8])> {
    data.split_first().map(|(&s, rest)| (s, rest))
}

/// Keeps the first [`MAX_SENTENCES`] sentences of a text: the text is cut at
/// the end of the last one kept and normalised again.
pub fn capped(text: Text, lang: Lang) -> Text {
    let sents = sentences(&text, lang, false);
    if sents.len() <= MAX_SENTENCES {
        return text;
    }
    let end = sents[MAX_SENTENCES - 1].span.end;
    Text::from_str_at(&text.text[..end], None)
}

/// One version's text from fuzz bytes, as intake reads it (`None` where
/// intake refuses the bytes), capped to [`MAX_SENTENCES`].
pub fn version_text(bytes: &[u8], lang: Lang) -> Option<Text> {
    let text = Text::from_bytes(bytes, None).ok()?;
    Some(capped(text, lang))
}

/// A story in memory from fuzz bytes: the selector byte says whether there
/// are two or three versions, which two languages a two-version story has,
/// and the relay chain (none, or an order of the versions present); the rest
/// is the versions' texts separated by NUL. `None` when intake refuses a
/// text, as `load_story` would.
pub fn story(data: &[u8]) -> Option<Story> {
    let (sel, rest) = selector(data)?;
    let langs: Vec<Lang> = if sel & 1 == 0 {
        vec![Lang::Bg, Lang::De, Lang::En]
    } else {
        match (sel >> 1) % 3 {
            0 => vec![Lang::Bg, Lang::De],
            1 => vec![Lang::Bg, Lang::En],
            _ => vec![Lang::De, Lang::En],
        }
    };
    let texts = parts(rest, langs.len());
    if texts.len() < langs.len() {
        return None;
    }
    let mut versions = Vec::new();
    for (&lang, bytes) in langs.iter().zip(texts) {
        let text = version_text(bytes, lang)?;
        versions.push(Version {
            lang,
            path: PathBuf::from(format!("{lang}.txt")),
            text,
        });
    }
    let chain = chain(&langs, sel >> 3);
    let meta = StoryMeta {
        title: Some("fuzz".into()),
        original: chain.first().copied(),
        chain,
        ..StoryMeta::default()
    };
    Some(Story {
        name: "fuzz".into(),
        key: "fuzz".into(),
        dir: PathBuf::from("fuzz"),
        meta,
        versions,
        warnings: Vec::new(),
        failed: Vec::new(),
    })
}

/// No chain (0) or one of the orders of `langs`.
fn chain(langs: &[Lang], pick: u8) -> Vec<Lang> {
    let mut orders: Vec<Vec<Lang>> = vec![Vec::new()];
    permutations(langs, &mut Vec::new(), &mut orders);
    orders.swap_remove(pick as usize % orders.len())
}

fn permutations(left: &[Lang], prefix: &mut Vec<Lang>, out: &mut Vec<Vec<Lang>>) {
    if left.is_empty() {
        out.push(prefix.clone());
        return;
    }
    for i in 0..left.len() {
        let mut rest = left.to_vec();
        let l = rest.remove(i);
        prefix.push(l);
        permutations(&rest, prefix, out);
        prefix.pop();
    }
}

/// A scratch folder of this process (under `/dev/shm` where it exists, so
/// the file-reading targets do not wear a disk), created once.
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("parallax-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    })
}
