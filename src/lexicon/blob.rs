//! The compiled lexicon table (see [`super::compile`]), embedded in the
//! binary and used in place: its arrays are read as slices of the right type
//! without copying, so loading the lexicon costs microseconds and only the
//! pages a run touches become resident.

use std::borrow::Cow;

use super::compile::MAGIC;

#[repr(C, align(8))]
struct Aligned<T: ?Sized>(T);

static BLOB: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin")));

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
        let bytes = &BLOB.0;
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
        let bytes = &BLOB.0[self.at..self.at + 8];
        self.at += 8;
        u64::from_le_bytes(bytes.try_into().expect("eight bytes"))
    }

    /// The next array, as a slice into the embedded table. `Pod` types are
    /// plain integers for which every bit pattern is valid; the table was
    /// written little-endian and big-endian targets do not compile.
    pub fn array<T: bytemuck::Pod>(&mut self) -> Cow<'static, [T]> {
        let len = self.u64() as usize;
        let size = std::mem::size_of::<T>();
        let bytes: &'static [u8] = &BLOB.0[self.at..self.at + len * size];
        self.at += (len * size).div_ceil(8) * 8;
        let items: &'static [T] =
            bytemuck::try_cast_slice(bytes).expect("lexicon array aligned and sized for its type");
        Cow::Borrowed(items)
    }
}
