//! Stories built in memory from evaluation data (a DEMETR item, an MQM
//! paragraph, a FLORES article), so that every measurement runs the same
//! pipeline a user's corpus does.

use std::path::PathBuf;

use parallax::corpus::{Story, StoryMeta, Version};
use parallax::{Lang, Text};

/// A story named `name` with one version per `(lang, text)` and, when
/// `chain` is not empty, that relay order.
pub fn story(name: &str, versions: &[(Lang, &str)], chain: &[Lang]) -> Story {
    let dir = PathBuf::from(name);
    let mut versions: Vec<Version> = versions
        .iter()
        .map(|&(lang, text)| {
            let path = dir.join(format!("{}.txt", lang.code()));
            Version {
                lang,
                text: Text::from_str_at(text, Some(path.clone())),
                path,
            }
        })
        .collect();
    versions.sort_by_key(|v| v.lang);
    Story {
        name: name.to_string(),
        key: name.to_string(),
        dir,
        meta: StoryMeta {
            original: chain.first().copied(),
            chain: chain.to_vec(),
            ..StoryMeta::default()
        },
        versions,
        warnings: Vec::new(),
        failed: Vec::new(),
    }
}
