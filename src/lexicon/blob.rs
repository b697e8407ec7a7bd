//! The compiled lexicon table (see [`super::compile`]), embedded in the
//! binary and used in place: its arrays are read as slices of the right type
//! without copying when the embedded bytes lie at an address aligned for the
//! type, so loading the lexicon costs microseconds and only the pages a run
//! touches become resident; an array that does not is copied once.
//!
//! The bytes are embedded by the crate `parallax-lexicon-data`, so that
//! compiling this library does not hold them (its compile peaked at 930 MB
//! with the table, about 550 MB without).

use std::borrow::Cow;

use super::compile::MAGIC;

fn blob() -> &'static [u8] {
    parallax_lexicon_data::blob()
}

#[cfg(target_endian = "big")]
compile_error!(
    "the compiled lexicon is little-endian; Parallax does not support big-endian targets"
);

/// Reads the arrays of the table in order.
pub struct Reader {
    at: usize,
}

impl Reader {
    /// A reader after the header; returns it and the term count.
    pub fn open() -> (Reader, u32) {
        let bytes = blob();
        assert_eq!(
            &bytes[..8],
            MAGIC,
            "compiled lexicon has a wrong header (rebuild)"
        );
        let mut r = Reader { at: 8 };
        let count = r.u64() as u32;
        (r, count)
    }

    fn u64(&mut self) -> u64 {
        let bytes = &blob()[self.at..self.at + 8];
        self.at += 8;
        u64::from_le_bytes(bytes.try_into().expect("eight bytes"))
    }

    /// The next array, as a slice into the embedded table. `Pod` types are
    /// plain integers for which every bit pattern is valid; the table was
    /// written little-endian and big-endian targets do not compile.
    pub fn array<T: bytemuck::Pod>(&mut self) -> Cow<'static, [T]> {
        let len = self.u64() as usize;
        let size = std::mem::size_of::<T>();
        let bytes: &'static [u8] = &blob()[self.at..self.at + len * size];
        self.at += (len * size).div_ceil(8) * 8;
        match bytemuck::try_cast_slice(bytes) {
            Ok(items) => Cow::Borrowed(items),
            // Embedded at an address not aligned for `T`: copied once.
            Err(_) => {
                let mut items = vec![T::zeroed(); len];
                bytemuck::cast_slice_mut::<T, u8>(&mut items).copy_from_slice(bytes);
                Cow::Owned(items)
            }
        }
    }
}
