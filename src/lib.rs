//! Parallax: align the Bulgarian, German and English versions of a news story
//! sentence by sentence and find where a translation drifts.
//!
//! The library is the whole pipeline; the `parallax` binary only parses
//! arguments and prints. The pipeline, in order:
//! [`corpus`] finds stories and reads them through [`text`] (decoding,
//! normalisation, byte offsets back into the file); [`lang`] names and detects
//! languages; [`segment`] cuts texts into sentences; [`eval`] measures the steps
//! against gold data.

pub mod align;
pub mod analyse;
pub mod corpus;
pub mod correspond;
pub mod error;
mod hash;
pub mod lang;
pub mod lexicon;
mod offsets;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod text;
mod warning;

pub use corpus::{Story, StoryMeta, Version, find_stories, load_story};
pub use error::{Error, ErrorKind, Location, Result};
pub use lang::Lang;
pub use segment::{Sentence, Zone};
pub use text::{ReadOptions, Text};
pub use warning::Warning;
