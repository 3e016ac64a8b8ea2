//! Multiplication and variable shifts for cores without the instructions: 64-bit ones on
//! ARMv6-M (run-time ABI names) and RV32 (libgcc names), 32-bit multiply on RV32 without M.
//! Written with 32-bit halves and constant shifts only, so none of them needs another.

/// The full 64-bit product of two 32-bit values, from 16-bit pieces.
fn mul32x32(a: u32, b: u32) -> u64 {
    let (a0, a1, b0, b1) = (a & 0xffff, a >> 16, b & 0xffff, b >> 16);
    let p00 = a0.wrapping_mul(b0);
    let p01 = a0.wrapping_mul(b1);
    let p10 = a1.wrapping_mul(b0);
    let p11 = a1.wrapping_mul(b1);
    let mid = (p00 >> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    let lo = (p00 & 0xffff) | (mid << 16);
    let hi = p11 + (p01 >> 16) + (p10 >> 16) + (mid >> 16);
    (lo as u64) | ((hi as u64) << 32)
}

fn mul64(a: u64, b: u64) -> u64 {
    let (alo, ahi, blo, bhi) = (a as u32, (a >> 32) as u32, b as u32, (b >> 32) as u32);
    let cross = alo.wrapping_mul(bhi).wrapping_add(ahi.wrapping_mul(blo));
    mul32x32(alo, blo).wrapping_add((cross as u64) << 32)
}

#[no_mangle]
pub extern "C" fn __aeabi_lmul(a: u64, b: u64) -> u64 { mul64(a, b) }

#[no_mangle]
pub extern "C" fn __muldi3(a: u64, b: u64) -> u64 { mul64(a, b) }

/// 32-bit multiply by shifts and adds (RV32 without M).
#[no_mangle]
pub extern "C" fn __mulsi3(a: u32, b: u32) -> u32 {
    let mut r: u32 = 0;
    let mut x = a;
    let mut y = b;
    while y != 0 {
        if y & 1 != 0 {
            r = r.wrapping_add(x);
        }
        x <<= 1;
        y >>= 1;
    }
    r
}

/// The high 32 bits of an unsigned 32x32 product (RV32 without M, for 64-bit multiplies).
#[no_mangle]
pub extern "C" fn __rivet_mulhu(a: u32, b: u32) -> u32 { (mul32x32(a, b) >> 32) as u32 }

fn shl64(a: u64, n: u32) -> u64 {
    let (lo, hi) = (a as u32, (a >> 32) as u32);
    let n = n & 63;
    if n == 0 {
        a
    } else if n < 32 {
        (((hi << n) | (lo >> (32 - n))) as u64) << 32 | (lo << n) as u64
    } else {
        ((lo << (n - 32)) as u64) << 32
    }
}

fn shr64(a: u64, n: u32, arithmetic: bool) -> u64 {
    let (lo, hi) = (a as u32, (a >> 32) as u32);
    let n = n & 63;
    let fill = if arithmetic && (hi as i32) < 0 { 0xffff_ffffu32 } else { 0 };
    if n == 0 {
        a
    } else if n < 32 {
        let new_hi = if arithmetic { ((hi as i32) >> n) as u32 } else { hi >> n };
        (new_hi as u64) << 32 | ((lo >> n) | (hi << (32 - n))) as u64
    } else {
        let new_lo = if arithmetic { ((hi as i32) >> (n - 32)) as u32 } else { hi >> (n - 32) };
        (fill as u64) << 32 | new_lo as u64
    }
}

#[no_mangle]
pub extern "C" fn __aeabi_llsl(a: u64, n: u32) -> u64 { shl64(a, n) }

#[no_mangle]
pub extern "C" fn __aeabi_llsr(a: u64, n: u32) -> u64 { shr64(a, n, false) }

#[no_mangle]
pub extern "C" fn __aeabi_lasr(a: u64, n: u32) -> u64 { shr64(a, n, true) }

#[no_mangle]
pub extern "C" fn __ashldi3(a: u64, n: u32) -> u64 { shl64(a, n) }

#[no_mangle]
pub extern "C" fn __lshrdi3(a: u64, n: u32) -> u64 { shr64(a, n, false) }

#[no_mangle]
pub extern "C" fn __ashrdi3(a: u64, n: u32) -> u64 { shr64(a, n, true) }
