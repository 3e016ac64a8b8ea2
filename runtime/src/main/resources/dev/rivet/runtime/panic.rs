//! The panic path: "panicked at FILE:LINE:COL:", the message, then exit status 101.

use crate::console::{__rivet_exit, __rivet_write_str};
use crate::fmt::{__rivet_fmt_char_debug, __rivet_fmt_u32, decode, write_bytes};

/// The name of a source file, shared by every location in it.
#[repr(C)]
pub struct File {
    name: &'static str,
}

/// Where a panic happened; the compiler lays these out as read-only data. Line and column
/// share one word (line << 12 | column) when they fit; otherwise the word is all ones and the
/// line and column follow in full.
#[repr(C)]
pub struct Location {
    file: &'static File,
    line_col: u32,
}

#[repr(C)]
struct WideLocation {
    file: &'static File,
    escape: u32,
    line: u32,
    col: u32,
}

fn line_col(loc: &Location) -> (u32, u32) {
    if loc.line_col != 0xffff_ffff {
        return (loc.line_col >> 12, loc.line_col & 0xfff);
    }
    let wide = unsafe { &*(loc as *const Location as *const WideLocation) };
    (wide.line, wide.col)
}

const STDERR: u32 = 2;

#[cfg(rivet_user_panic_handler)]
extern "Rust" {
    /// The program's `#[panic_handler]`, which replaces rivet's report.
    fn __rivet_user_panic_handler(info: &core::panic::PanicInfo) -> !;
}

/// Every panic starts here: with a `#[panic_handler]` in the program, control passes to it at
/// once (rivet's PanicInfo carries nothing yet); otherwise the report begins.
#[no_mangle]
pub fn __rivet_panic_begin(loc: &Location) {
    #[cfg(rivet_user_panic_handler)]
    unsafe {
        __rivet_user_panic_handler(&*(4usize as *const core::panic::PanicInfo))
    }
    let (line, col) = line_col(loc);
    __rivet_write_str(STDERR, "panicked at ");
    __rivet_write_str(STDERR, loc.file.name);
    __rivet_write_str(STDERR, ":");
    __rivet_fmt_u32(STDERR, line, 10, 0, 0);
    __rivet_write_str(STDERR, ":");
    __rivet_fmt_u32(STDERR, col, 10, 0, 0);
    __rivet_write_str(STDERR, ":\n");
}

#[no_mangle]
pub fn __rivet_panic_end() -> ! {
    __rivet_write_str(STDERR, "\n");
    __rivet_exit(101)
}

#[no_mangle]
pub fn __rivet_panic_str(msg: &str, loc: &Location) -> ! {
    __rivet_panic_begin(loc);
    __rivet_write_str(STDERR, msg);
    __rivet_panic_end()
}

fn two_numbers(loc: &Location, a: &str, x: usize, b: &str, y: usize) -> ! {
    __rivet_panic_begin(loc);
    __rivet_write_str(STDERR, a);
    __rivet_fmt_u32(STDERR, x as u32, 10, 0, 0);
    __rivet_write_str(STDERR, b);
    __rivet_fmt_u32(STDERR, y as u32, 10, 0, 0);
    __rivet_panic_end()
}

#[no_mangle]
pub fn __rivet_panic_bounds(index: usize, len: usize, loc: &Location) -> ! {
    two_numbers(loc, "index out of bounds: the len is ", len, " but the index is ", index)
}

#[no_mangle]
pub fn __rivet_panic_slice_end(end: usize, len: usize, loc: &Location) -> ! {
    two_numbers(loc, "range end index ", end, " out of range for slice of length ", len)
}

#[no_mangle]
pub fn __rivet_panic_slice_start(start: usize, len: usize, loc: &Location) -> ! {
    two_numbers(loc, "range start index ", start, " out of range for slice of length ", len)
}

#[no_mangle]
pub fn __rivet_panic_slice_order(start: usize, end: usize, loc: &Location) -> ! {
    two_numbers(loc, "slice index starts at ", start, " but ends at ", end)
}

/// `` `s` `` as core's str slicing errors quote it: at most 256 bytes (cut at a char boundary),
/// then `[...]` when cut.
fn quoted_str(s: &str) {
    let bytes = s.as_bytes();
    let mut n = bytes.len();
    if n > 256 {
        n = 256;
        while (bytes[n] as i8) < -0x40 {
            n -= 1;
        }
    }
    __rivet_write_str(STDERR, "`");
    write_bytes(STDERR, &bytes[..n]);
    __rivet_write_str(STDERR, "`");
    if n < bytes.len() {
        __rivet_write_str(STDERR, "[...]");
    }
}

fn start_or_end(is_end: bool) -> &'static str {
    if is_end { "end byte index " } else { "start byte index " }
}

/// `&s[a..b]` with an index past the end of `s`.
#[no_mangle]
pub fn __rivet_panic_str_bounds(is_end: bool, index: usize, s: &str, loc: &Location) -> ! {
    __rivet_panic_begin(loc);
    __rivet_write_str(STDERR, start_or_end(is_end));
    __rivet_fmt_u32(STDERR, index as u32, 10, 0, 0);
    __rivet_write_str(STDERR, " is out of bounds of ");
    quoted_str(s);
    __rivet_panic_end()
}

/// `&s[a..b]` with a > b.
#[no_mangle]
pub fn __rivet_panic_str_order(start: usize, end: usize, s: &str, loc: &Location) -> ! {
    __rivet_panic_begin(loc);
    __rivet_write_str(STDERR, "begin > end (");
    __rivet_fmt_u32(STDERR, start as u32, 10, 0, 0);
    __rivet_write_str(STDERR, " > ");
    __rivet_fmt_u32(STDERR, end as u32, 10, 0, 0);
    __rivet_write_str(STDERR, ") when slicing ");
    quoted_str(s);
    __rivet_panic_end()
}

/// `&s[a..b]` with an index inside a multi-byte character: names the character and its bytes.
#[no_mangle]
pub fn __rivet_panic_str_boundary(is_end: bool, index: usize, s: &str, loc: &Location) -> ! {
    let bytes = s.as_bytes();
    let mut first = index;
    while (bytes[first] as i8) < -0x40 {
        first -= 1;
    }
    let (c, len) = decode(bytes, first);
    __rivet_panic_begin(loc);
    __rivet_write_str(STDERR, start_or_end(is_end));
    __rivet_fmt_u32(STDERR, index as u32, 10, 0, 0);
    __rivet_write_str(STDERR, " is not a char boundary; it is inside ");
    __rivet_fmt_char_debug(STDERR, c);
    __rivet_write_str(STDERR, " (bytes ");
    __rivet_fmt_u32(STDERR, first as u32, 10, 0, 0);
    __rivet_write_str(STDERR, "..");
    __rivet_fmt_u32(STDERR, (first + len) as u32, 10, 0, 0);
    __rivet_write_str(STDERR, ") of ");
    quoted_str(s);
    __rivet_panic_end()
}
