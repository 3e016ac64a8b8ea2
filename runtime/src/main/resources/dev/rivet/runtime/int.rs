//! Integer helpers the compiler calls where a core has no instruction, and memory comparison.

#[no_mangle]
pub fn __rivet_popcount32(x: u32) -> u32 {
    let mut v = x - ((x >> 1) & 0x5555_5555);
    v = (v & 0x3333_3333) + ((v >> 2) & 0x3333_3333);
    v = (v + (v >> 4)) & 0x0f0f_0f0f;
    (v * 0x0101_0101) >> 24
}

#[no_mangle]
pub fn __rivet_popcount64(x: u64) -> u32 {
    __rivet_popcount32(x as u32) + __rivet_popcount32((x >> 32) as u32)
}

#[no_mangle]
pub fn __rivet_clz32(x: u32) -> u32 {
    if x == 0 {
        return 32;
    }
    let mut v = x;
    let mut n = 0;
    if v & 0xffff_0000 == 0 { n += 16; v <<= 16; }
    if v & 0xff00_0000 == 0 { n += 8; v <<= 8; }
    if v & 0xf000_0000 == 0 { n += 4; v <<= 4; }
    if v & 0xc000_0000 == 0 { n += 2; v <<= 2; }
    if v & 0x8000_0000 == 0 { n += 1; }
    n
}

#[no_mangle]
pub fn __rivet_clz64(x: u64) -> u32 {
    let hi = (x >> 32) as u32;
    if hi != 0 { __rivet_clz32(hi) } else { 32 + __rivet_clz32(x as u32) }
}

#[no_mangle]
pub fn __rivet_ctz32(x: u32) -> u32 {
    if x == 0 {
        return 32;
    }
    let mut v = x;
    let mut n = 0;
    if v & 0xffff == 0 { n += 16; v >>= 16; }
    if v & 0xff == 0 { n += 8; v >>= 8; }
    if v & 0xf == 0 { n += 4; v >>= 4; }
    if v & 0x3 == 0 { n += 2; v >>= 2; }
    if v & 0x1 == 0 { n += 1; }
    n
}

#[no_mangle]
pub fn __rivet_ctz64(x: u64) -> u32 {
    let lo = x as u32;
    if lo != 0 { __rivet_ctz32(lo) } else { 32 + __rivet_ctz32((x >> 32) as u32) }
}

#[no_mangle]
pub fn __rivet_pow32(base: u32, exp: u32) -> u32 {
    let mut result: u32 = 1;
    let mut b = base;
    let mut e = exp;
    while e != 0 {
        if e & 1 != 0 {
            result = result * b;
        }
        b = b * b;
        e >>= 1;
    }
    result
}

#[no_mangle]
pub fn __rivet_pow64(base: u64, exp: u32) -> u64 {
    let mut result: u64 = 1;
    let mut b = base;
    let mut e = exp;
    while e != 0 {
        if e & 1 != 0 {
            result = result * b;
        }
        b = b * b;
        e >>= 1;
    }
    result
}

/// `x.ilog10()` for x > 0 (the caller checks).
#[no_mangle]
pub fn __rivet_ilog10_32(x: u32) -> u32 {
    let mut n = 0;
    let mut v = x;
    while v >= 10 {
        v /= 10;
        n += 1;
    }
    n
}

/// `x.ilog10()` for x > 0 (the caller checks): divides in 64 bits only until the value fits 32.
#[no_mangle]
pub fn __rivet_ilog10_64(x: u64) -> u32 {
    let mut n = 0;
    let mut v = x;
    while v > 0xffff_ffff {
        v /= 10;
        n += 1;
    }
    n + __rivet_ilog10_32(v as u32)
}

#[no_mangle]
pub fn __rivet_bswap32(x: u32) -> u32 {
    (x << 24) | ((x & 0xff00) << 8) | ((x >> 8) & 0xff00) | (x >> 24)
}

#[no_mangle]
pub fn __rivet_bswap64(x: u64) -> u64 {
    ((__rivet_bswap32(x as u32) as u64) << 32) | (__rivet_bswap32((x >> 32) as u32) as u64)
}

#[no_mangle]
pub fn __rivet_bitrev32(x: u32) -> u32 {
    let mut v = x;
    v = ((v >> 1) & 0x5555_5555) | ((v & 0x5555_5555) << 1);
    v = ((v >> 2) & 0x3333_3333) | ((v & 0x3333_3333) << 2);
    v = ((v >> 4) & 0x0f0f_0f0f) | ((v & 0x0f0f_0f0f) << 4);
    __rivet_bswap32(v)
}

#[no_mangle]
pub fn __rivet_bitrev64(x: u64) -> u64 {
    ((__rivet_bitrev32(x as u32) as u64) << 32) | (__rivet_bitrev32((x >> 32) as u32) as u64)
}

/// True if the `n` bytes at `a` and `b` are equal.
#[no_mangle]
pub fn __rivet_mem_eq(a: *const u8, b: *const u8, n: usize) -> bool {
    let mut i = 0;
    while i < n {
        unsafe {
            if *a.add(i) != *b.add(i) {
                return false;
            }
        }
        i += 1;
    }
    true
}

#[no_mangle]
pub fn __rivet_str_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && __rivet_mem_eq(a.as_ptr(), b.as_ptr(), a.len())
}
