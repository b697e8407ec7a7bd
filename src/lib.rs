//! Parallax: align the Bulgarian, German and English versions of a news story
//! sentence by sentence and find where a translation drifts.
//!
//! The library is the whole pipeline and nothing else; the `parallax` binary
//! parses arguments and prints, and the measuring harness is a binary of its
//! own (`crates/parallax-eval`). The stages, in the order a story flows
//! through them:
//! [`corpus`] finds stories and reads them through [`text`] (decoding,
//! normalisation, byte offsets back into the file); [`lang`] names and detects
//! languages; [`segment`] cuts texts into sentences; [`lexicon`] and
//! [`analyse`] turn each sentence into weighted tokens and evidence keys;
//! [`correspond`] says which words of two sentences explain each other;
//! [`align`] finds the beads of each pair of versions and reconciles them
//! into rows; [`score`] flags what changed; [`report`] writes results.
//! [`pipeline`] runs these phases in order, one story at a time, so that a
//! story's answer depends on nothing but the story (and the run's lexicon
//! and optional learned table).

pub mod align;
pub mod analyse;
pub mod batch;
pub mod corpus;
pub mod correspond;
pub mod encoding;
pub mod error;
mod hash;
pub mod lang;
pub mod lexicon;
mod locale;
mod offsets;
pub mod pipeline;
pub mod report;
pub mod score;
pub mod segment;
pub mod text;
mod warning;

pub use corpus::{Story, StoryMeta, Version, find_stories, load_story};
pub use error::{Error, ErrorKind, Location, Result};
pub use lang::Lang;
pub use segment::{Sentence, Zone};
pub use text::{ReadOptions, Text};
pub use warning::Warning;
