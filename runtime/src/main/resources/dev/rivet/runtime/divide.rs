//! Division for cores without a divide instruction (ARMv6-M, RV32 without M), under the names
//! the ARM run-time ABI and libgcc use. The 32-bit helpers use shift-subtract division and no
//! division themselves; the 64-bit ones divide words (`/` on u32: an instruction where the core
//! has one, else the 32-bit helper). Division by zero never reaches them: the compiled code
//! checks first and panics.

/// 32-bit unsigned quotient in the low word, remainder in the high word. The quotient has
/// s + 1 bits, where s is the highest shift with d << s <= n (found by a binary search on
/// n >> s, which cannot overflow); only those s + 1 shift-subtract steps run, so `x % 10`
/// on a small x takes a few steps, not 32.
fn udivmod32(n: u32, d: u32) -> u64 {
    if d > n {
        return (n as u64) << 32;
    }
    if d >= 0x8000_0000 {
        return 1 | ((n - d) as u64) << 32; // n >= d: the quotient is 1
    }
    let mut s = 0;
    let mut t = n; // n >> s
    if d <= t >> 16 { s = 16; t >>= 16; }
    if d <= t >> 8 { s += 8; t >>= 8; }
    if d <= t >> 4 { s += 4; t >>= 4; }
    if d <= t >> 2 { s += 2; t >>= 2; }
    if d <= t >> 1 { s += 1; t >>= 1; }
    // (r:q) is n shifted so that the next step brings in bit s; r < d before every step, and
    // d < 2^31, so r << 1 never overflows.
    let mut r = t >> 1;
    let mut q = n << (31 - s);
    let mut i = s + 1;
    loop {
        r = (r << 1) | (q >> 31);
        q <<= 1;
        if r >= d {
            r -= d;
            q += 1;
        }
        i -= 1;
        if i == 0 {
            break;
        }
    }
    (q as u64) | ((r as u64) << 32)
}

/// Signed division truncates toward zero; the remainder takes the dividend's sign.
fn idivmod32(n: i32, d: i32) -> u64 {
    let un = if n < 0 { (n as u32).wrapping_neg() } else { n as u32 };
    let ud = if d < 0 { (d as u32).wrapping_neg() } else { d as u32 };
    let qr = udivmod32(un, ud);
    let mut q = qr as u32;
    let mut r = (qr >> 32) as u32;
    if (n < 0) != (d < 0) {
        q = q.wrapping_neg();
    }
    if n < 0 {
        r = r.wrapping_neg();
    }
    (q as u64) | ((r as u64) << 32)
}

#[no_mangle]
pub extern "C" fn __aeabi_uidiv(n: u32, d: u32) -> u32 { udivmod32(n, d) as u32 }

/// Quotient in r0, remainder in r1: a u64 result occupies exactly r0:r1.
#[no_mangle]
pub extern "C" fn __aeabi_uidivmod(n: u32, d: u32) -> u64 { udivmod32(n, d) }

#[no_mangle]
pub extern "C" fn __aeabi_idiv(n: i32, d: i32) -> i32 { idivmod32(n, d) as i32 }

#[no_mangle]
pub extern "C" fn __aeabi_idivmod(n: i32, d: i32) -> u64 { idivmod32(n, d) }

#[no_mangle]
pub extern "C" fn __udivsi3(n: u32, d: u32) -> u32 { udivmod32(n, d) as u32 }

#[no_mangle]
pub extern "C" fn __umodsi3(n: u32, d: u32) -> u32 { (udivmod32(n, d) >> 32) as u32 }

#[no_mangle]
pub extern "C" fn __divsi3(n: i32, d: i32) -> i32 { idivmod32(n, d) as i32 }

#[no_mangle]
pub extern "C" fn __modsi3(n: i32, d: i32) -> i32 { (idivmod32(n, d) >> 32) as i32 }

/// (u1:u0) / v for u1 < v: the 32-bit quotient in the low word, the remainder in the high word.
/// Two steps of long division in 16-bit digits after normalising v (Hacker's Delight, divlu):
/// each digit is estimated by a 32-bit division and corrected at most twice.
fn divlu(u1: u32, u0: u32, v: u32) -> u64 {
    let s = v.leading_zeros();
    let vn = v << s;
    let vn1 = vn >> 16;
    let vn0 = vn & 0xffff;
    let un32 = if s == 0 { u1 } else { (u1 << s) | (u0 >> (32 - s)) };
    let un10 = u0 << s;
    let un1 = un10 >> 16;
    let un0 = un10 & 0xffff;
    let mut q1 = un32 / vn1;
    let mut rhat = un32 - q1 * vn1;
    while q1 >= 0x10000 || q1 * vn0 > (rhat << 16) + un1 {
        q1 -= 1;
        rhat += vn1;
        if rhat >= 0x10000 {
            break;
        }
    }
    let un21 = (un32 << 16).wrapping_add(un1).wrapping_sub(q1.wrapping_mul(vn));
    let mut q0 = un21 / vn1;
    rhat = un21 - q0 * vn1;
    while q0 >= 0x10000 || q0 * vn0 > (rhat << 16) + un0 {
        q0 -= 1;
        rhat += vn1;
        if rhat >= 0x10000 {
            break;
        }
    }
    let r = (un21 << 16).wrapping_add(un0).wrapping_sub(q0.wrapping_mul(vn)) >> s;
    ((q1 << 16) | q0) as u64 | ((r as u64) << 32)
}

/// 64-bit unsigned division: the quotient, or with `rem` the remainder. A divisor that fits
/// a word takes two word divisions (the high word, then divlu); a wider one leaves a quotient
/// of at most 32 bits, found by shift-subtract over only those bits.
fn udivmod64(n: u64, d: u64, rem: bool) -> u64 {
    if d > n {
        return if rem { n } else { 0 };
    }
    let dh = (d >> 32) as u32;
    if dh == 0 {
        let d = d as u32;
        let nh = (n >> 32) as u32;
        let qh = nh / d;
        let l = divlu(nh - qh * d, n as u32, d);
        return if rem { l >> 32 } else { ((qh as u64) << 32) | (l & 0xffff_ffff) };
    }
    let s = dh.leading_zeros() - ((n >> 32) as u32).leading_zeros();
    let mut dd = d << s;
    let mut r = n;
    let mut q: u64 = 0;
    let mut i = s + 1;
    loop {
        q <<= 1;
        if r >= dd {
            r -= dd;
            q += 1;
        }
        dd >>= 1;
        i -= 1;
        if i == 0 {
            break;
        }
    }
    if rem { r } else { q }
}

fn idivmod64(n: i64, d: i64, rem: bool) -> i64 {
    let un = if n < 0 { (n as u64).wrapping_neg() } else { n as u64 };
    let ud = if d < 0 { (d as u64).wrapping_neg() } else { d as u64 };
    let v = udivmod64(un, ud, rem);
    let negative = if rem { n < 0 } else { (n < 0) != (d < 0) };
    if negative { v.wrapping_neg() as i64 } else { v as i64 }
}

#[no_mangle]
pub extern "C" fn __udivdi3(n: u64, d: u64) -> u64 { udivmod64(n, d, false) }

#[no_mangle]
pub extern "C" fn __umoddi3(n: u64, d: u64) -> u64 { udivmod64(n, d, true) }

#[no_mangle]
pub extern "C" fn __divdi3(n: i64, d: i64) -> i64 { idivmod64(n, d, false) }

#[no_mangle]
pub extern "C" fn __moddi3(n: i64, d: i64) -> i64 { idivmod64(n, d, true) }
