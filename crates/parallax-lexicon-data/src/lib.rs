//! The compiled lexicon table of Parallax (`data/lexicon/` compiled by this
//! crate's build script, with the library's own `src/lexicon/compile.rs`),
//! embedded as bytes aligned to 8, so the library reads its arrays in place
//! (`src/lexicon/blob.rs`).

#[repr(C, align(8))]
struct Aligned<T: ?Sized>(T);

static BLOB: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin")));

/// The table, as `src/lexicon/compile.rs` writes it, at an address aligned
/// to 8.
pub fn blob() -> &'static [u8] {
    &BLOB.0
}
