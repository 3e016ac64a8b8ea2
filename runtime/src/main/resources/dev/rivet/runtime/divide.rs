//! Division for cores without a divide instruction (ARMv6-M, RV32 without M), under the names
//! the ARM run-time ABI and libgcc use. Restoring shift-subtract division: only shifts by
//! constants, so the helpers never call each other. Division by zero never reaches them: the
//! compiled code checks first and panics.

/// 32-bit unsigned quotient in the low word, remainder in the high word.
fn udivmod32(n: u32, d: u32) -> u64 {
    let mut q = n;
    let mut r: u32 = 0;
    let mut i = 0;
    while i < 32 {
        let carry = r >> 31;
        r = (r << 1) | (q >> 31);
        q <<= 1;
        if carry != 0 || r >= d {
            r = r.wrapping_sub(d);
            q |= 1;
        }
        i += 1;
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

/// 64-bit unsigned division: the quotient, or with `rem` the remainder.
fn udivmod64(n: u64, d: u64, rem: bool) -> u64 {
    let mut q = n;
    let mut r: u64 = 0;
    let mut i = 0;
    while i < 64 {
        let carry = r >> 63;
        r = (r << 1) | (q >> 63);
        q <<= 1;
        if carry != 0 || r >= d {
            r = r.wrapping_sub(d);
            q |= 1;
        }
        i += 1;
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
