//! The routines print!-style macros expand into. Each writes one piece: an integer in a radix,
//! a str, a char, with Rust's padding rules. A placeholder's fill, alignment and flags arrive
//! packed in `spec`: fill in bits 0..20, alignment in bits 21..22 (0 unspecified, 1 left,
//! 2 center, 3 right), then `+`, `#`, `0` and uppercase in bits 23..26.

use crate::console::__rivet_write;

const ALIGN_SHIFT: u32 = 21;
const PLUS: u32 = 1 << 23;
const ALTERNATE: u32 = 1 << 24;
const ZERO: u32 = 1 << 25;
const UPPER: u32 = 1 << 26;
const LEFT: u32 = 1;
const CENTER: u32 = 2;
const RIGHT: u32 = 3;

pub fn write_bytes(fd: u32, bytes: &[u8]) {
    __rivet_write(fd, bytes.as_ptr(), bytes.len());
}

/// Encodes `c` as UTF-8 into `buf`; returns the number of bytes.
fn encode_utf8(c: u32, buf: &mut [u8; 4]) -> usize {
    if c < 0x80 {
        buf[0] = c as u8;
        1
    } else if c < 0x800 {
        buf[0] = (0xc0 | (c >> 6)) as u8;
        buf[1] = (0x80 | (c & 0x3f)) as u8;
        2
    } else if c < 0x10000 {
        buf[0] = (0xe0 | (c >> 12)) as u8;
        buf[1] = (0x80 | ((c >> 6) & 0x3f)) as u8;
        buf[2] = (0x80 | (c & 0x3f)) as u8;
        3
    } else {
        buf[0] = (0xf0 | (c >> 18)) as u8;
        buf[1] = (0x80 | ((c >> 12) & 0x3f)) as u8;
        buf[2] = (0x80 | ((c >> 6) & 0x3f)) as u8;
        buf[3] = (0x80 | (c & 0x3f)) as u8;
        4
    }
}

/// Writes `n` copies of the fill character, in chunks rather than one call per character.
fn write_fill(fd: u32, fill: u32, n: usize) {
    let mut c = [0u8; 4];
    let len = encode_utf8(fill, &mut c);
    let mut buf = [0u8; 32];
    let per_chunk = 32 / len;
    let mut i = 0;
    while i < per_chunk {
        let mut k = 0;
        while k < len {
            buf[i * len + k] = c[k];
            k += 1;
        }
        i += 1;
    }
    let mut left = n;
    while left > 0 {
        let now = if left < per_chunk { left } else { per_chunk };
        write_bytes(fd, &buf[..now * len]);
        left -= now;
    }
}

/// Padding before and after content of `chars` characters in a field of `width`.
fn padding(spec: u32, width: u32, chars: usize, default_align: u32) -> (usize, usize) {
    let w = width as usize;
    if w <= chars {
        return (0, 0);
    }
    let pad = w - chars;
    let mut align = (spec >> ALIGN_SHIFT) & 3;
    if align == 0 {
        align = default_align;
    }
    if align == LEFT {
        (0, pad)
    } else if align == CENTER {
        (pad / 2, pad - pad / 2)
    } else {
        (pad, 0)
    }
}

/// Writes `bytes` (which hold `chars` characters) padded into `width`.
fn pad(fd: u32, bytes: &[u8], chars: usize, spec: u32, width: u32, default_align: u32) {
    let fill = spec & 0x1f_ffff;
    let (before, after) = padding(spec, width, chars, default_align);
    if before > 0 {
        write_fill(fd, fill, before);
    }
    write_bytes(fd, bytes);
    if after > 0 {
        write_fill(fd, fill, after);
    }
}

/// Digits of `v` in `radix`, written backwards into `buf`; returns where they start.
fn digits32(v: u32, radix: u32, upper: bool, buf: &mut [u8; 64]) -> usize {
    let mut i = 64;
    let mut x = v;
    loop {
        let d = (x % radix) as u8;
        i -= 1;
        buf[i] = if d < 10 { b'0' + d } else if upper { b'A' + d - 10 } else { b'a' + d - 10 };
        x /= radix;
        if x == 0 {
            return i;
        }
    }
}

fn digits64(v: u64, radix: u32, upper: bool, buf: &mut [u8; 64]) -> usize {
    if v >> 32 == 0 {
        return digits32(v as u32, radix, upper, buf);
    }
    let mut i = 64;
    let mut x = v;
    let r = radix as u64;
    loop {
        let d = (x % r) as u8;
        i -= 1;
        buf[i] = if d < 10 { b'0' + d } else if upper { b'A' + d - 10 } else { b'a' + d - 10 };
        x /= r;
        if x == 0 {
            return i;
        }
    }
}

fn prefix(radix: u32, spec: u32) -> &'static str {
    if spec & ALTERNATE == 0 {
        ""
    } else if radix == 16 {
        "0x"
    } else if radix == 8 {
        "0o"
    } else if radix == 2 {
        "0b"
    } else {
        ""
    }
}

/// Sign, prefix and digits with Rust's rules: `0` pads between the prefix and the digits.
fn pad_integral(fd: u32, nonneg: bool, prefix: &str, digits: &[u8], spec: u32, width: u32) {
    let sign = if !nonneg { "-" } else if spec & PLUS != 0 { "+" } else { "" };
    let len = sign.len() + prefix.len() + digits.len();
    if spec & ZERO != 0 && (width as usize) > len {
        write_bytes(fd, sign.as_bytes());
        write_bytes(fd, prefix.as_bytes());
        write_fill(fd, b'0' as u32, width as usize - len);
        write_bytes(fd, digits);
        return;
    }
    let (before, after) = padding(spec, width, len, RIGHT);
    let fill = spec & 0x1f_ffff;
    if before > 0 {
        write_fill(fd, fill, before);
    }
    write_bytes(fd, sign.as_bytes());
    write_bytes(fd, prefix.as_bytes());
    write_bytes(fd, digits);
    if after > 0 {
        write_fill(fd, fill, after);
    }
}

#[no_mangle]
pub fn __rivet_fmt_u32(fd: u32, v: u32, radix: u32, spec: u32, width: u32) {
    let mut buf = [0u8; 64];
    let start = digits32(v, radix, spec & UPPER != 0, &mut buf);
    pad_integral(fd, true, prefix(radix, spec), &buf[start..], spec, width);
}

#[no_mangle]
pub fn __rivet_fmt_i32(fd: u32, v: i32, spec: u32, width: u32) {
    let nonneg = v >= 0;
    let magnitude = if nonneg { v as u32 } else { (v as u32).wrapping_neg() };
    let mut buf = [0u8; 64];
    let start = digits32(magnitude, 10, false, &mut buf);
    pad_integral(fd, nonneg, "", &buf[start..], spec, width);
}

#[no_mangle]
pub fn __rivet_fmt_u64(fd: u32, v: u64, radix: u32, spec: u32, width: u32) {
    let mut buf = [0u8; 64];
    let start = digits64(v, radix, spec & UPPER != 0, &mut buf);
    pad_integral(fd, true, prefix(radix, spec), &buf[start..], spec, width);
}

#[no_mangle]
pub fn __rivet_fmt_i64(fd: u32, v: i64, spec: u32, width: u32) {
    let nonneg = v >= 0;
    let magnitude = if nonneg { v as u64 } else { (v as u64).wrapping_neg() };
    let mut buf = [0u8; 64];
    let start = digits64(magnitude, 10, false, &mut buf);
    pad_integral(fd, nonneg, "", &buf[start..], spec, width);
}

/// The number of characters in UTF-8 bytes (every byte that does not continue a character).
fn char_count(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] & 0xc0 != 0x80 {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The byte length of the first `chars` characters of `bytes`.
fn prefix_bytes(bytes: &[u8], chars: u32) -> usize {
    let mut seen = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] & 0xc0 != 0x80 {
            if seen == chars {
                return i;
            }
            seen += 1;
        }
        i += 1;
    }
    bytes.len()
}

#[no_mangle]
pub fn __rivet_fmt_str(fd: u32, s: &str, spec: u32, width: u32, precision: u32) {
    let all = s.as_bytes();
    let bytes = if precision == 0xffff_ffff { all } else { &all[..prefix_bytes(all, precision)] };
    if width == 0 {
        write_bytes(fd, bytes);
        return;
    }
    pad(fd, bytes, char_count(bytes), spec, width, LEFT);
}

#[no_mangle]
pub fn __rivet_fmt_char(fd: u32, c: u32, spec: u32, width: u32) {
    let mut buf = [0u8; 4];
    let len = encode_utf8(c, &mut buf);
    pad(fd, &buf[..len], 1, spec, width, LEFT);
}

/// Appends `c`'s Debug escape to `out` at `at`; returns the new end. `quote` is the delimiter.
fn escape(c: u32, quote: u32, out: &mut [u8; 16], at: usize) -> usize {
    let mut i = at;
    let simple = if c == b'\t' as u32 { b't' } else if c == b'\r' as u32 { b'r' } else if c == b'\n' as u32 { b'n' }
        else if c == b'\\' as u32 { b'\\' } else if c == 0 { b'0' } else if c == quote { quote as u8 } else { 0 };
    if simple != 0 {
        out[i] = b'\\';
        out[i + 1] = simple;
        return i + 2;
    }
    if c < 0x20 || c == 0x7f || (c >= 0x80 && unicode_escaped(c)) {
        out[i] = b'\\';
        out[i + 1] = b'u';
        out[i + 2] = b'{';
        i += 3;
        let mut shift = 20;
        while shift > 0 && (c >> shift) == 0 {
            shift -= 4;
        }
        loop {
            out[i] = hex_digit((c >> shift) & 0xf);
            i += 1;
            if shift == 0 { break; }
            shift -= 4;
        }
        out[i] = b'}';
        return i + 1;
    }
    let mut buf = [0u8; 4];
    let len = encode_utf8(c, &mut buf);
    let mut k = 0;
    while k < len {
        out[i + k] = buf[k];
        k += 1;
    }
    i + len
}

/// Whether Debug writes `c` (U+0080 or above) as `\u{..}`: in Latin-1, the C1 controls, the
/// no-break space and the soft hyphen; above it, the characters the compiler found escaped among
/// the program's literals (`rivet::debug_escapes()`, a zero-terminated ascending list).
fn unicode_escaped(c: u32) -> bool {
    if c < 0x100 {
        return c <= 0xa0 || c == 0xad;
    }
    let table = rivet::debug_escapes();
    let mut i = 0;
    loop {
        let e = unsafe { *table.add(i) };
        if e == 0 || e > c {
            return false;
        }
        if e == c {
            return true;
        }
        i += 1;
    }
}

fn hex_digit(d: u32) -> u8 {
    if d < 10 { b'0' + d as u8 } else { b'a' + (d as u8 - 10) }
}

/// Decodes the UTF-8 character at `i`; returns (code point, byte length).
pub fn decode(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = bytes[i] as u32;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xe0 {
        (((b0 & 0x1f) << 6) | (bytes[i + 1] as u32 & 0x3f), 2)
    } else if b0 < 0xf0 {
        (((b0 & 0x0f) << 12) | ((bytes[i + 1] as u32 & 0x3f) << 6) | (bytes[i + 2] as u32 & 0x3f), 3)
    } else {
        (((b0 & 0x07) << 18) | ((bytes[i + 1] as u32 & 0x3f) << 12) | ((bytes[i + 2] as u32 & 0x3f) << 6)
            | (bytes[i + 3] as u32 & 0x3f), 4)
    }
}

/// Debug for str and char ignores width, fill and alignment: core's impls write the quoted,
/// escaped text directly, without `Formatter::pad`.
#[no_mangle]
pub fn __rivet_fmt_str_debug(fd: u32, s: &str) {
    let bytes = s.as_bytes();
    write_bytes(fd, b"\"");
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = decode(bytes, i);
        let mut tmp = [0u8; 16];
        let n = escape(c, b'"' as u32, &mut tmp, 0);
        write_bytes(fd, &tmp[..n]);
        i += len;
    }
    write_bytes(fd, b"\"");
}

#[no_mangle]
pub fn __rivet_fmt_char_debug(fd: u32, c: u32) {
    let mut tmp = [0u8; 16];
    tmp[0] = b'\'';
    let n = escape(c, b'\'' as u32, &mut tmp, 1);
    tmp[n] = b'\'';
    write_bytes(fd, &tmp[..n + 1]);
}
