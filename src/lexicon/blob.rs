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

/// Item types an array of the table can hold.
pub trait Item: Copy + 'static {}
impl Item for u8 {}
impl Item for u16 {}
impl Item for u32 {}
impl Item for u64 {}

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

    /// The next array, as a slice into the embedded table.
    pub fn array<T: Item>(&mut self) -> Cow<'static, [T]> {
        let len = self.u64() as usize;
        let size = std::mem::size_of::<T>();
        let bytes: &'static [u8] = &BLOB.0[self.at..self.at + len * size];
        self.at += (len * size).div_ceil(8) * 8;
        assert_eq!(
            bytes.as_ptr() as usize % std::mem::align_of::<T>(),
            0,
            "misaligned lexicon array"
        );
        // SAFETY: the bytes are in bounds (checked by the slicing above),
        // aligned for T (checked), 'static, never written, and T is a plain
        // integer type for which every bit pattern is valid; the table was
        // written little-endian and big-endian targets do not compile.
        let items: &'static [T] =
            unsafe { std::slice::from_raw_parts(bytes.as_ptr() as *const T, len) };
        Cow::Borrowed(items)
    }
}
