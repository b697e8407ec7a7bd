//! Reports: the files a run writes for editors and machines. Only this
//! module (and the binary) touches the file system for output. Every file
//! is written atomically ([`write_atomic`]), and every CSV follows one set of
//! conventions ([`csv`]): RFC 4180, UTF-8 with a BOM by default, and cells
//! defused against formula injection. The HTML pages ([`html`]) are
//! self-contained and escape every piece of story text; the workbook
//! ([`xlsx`]) is built from the CSV records. An editor's decisions from the
//! HTML page come back as a [`Review`].

pub mod csv;
mod files;
mod formats;
pub mod html;
mod html_assets;
mod html_mark;
mod html_page;
pub mod json;
pub mod merge;
pub mod review;
mod shard;
mod stream;
pub mod suggest;
pub mod summary;
mod writer;
pub mod xlsx;
mod xlsx_staged;

pub use files::{csv_bytes, write_atomic};
pub use review::{Decision, Review};
pub(crate) use stream::remove_stale;
pub use writer::{
    Formats, Rendered, ReportCounts, ReportOptions, ReportWriter, counts_of, render, version_errors,
};
