// Arguments that arrive on the stack (beyond r0-r3 on ARM, a0-a7 or a0-a5 on RISC-V), kept
// live across calls in a loop under register pressure: a spilled one is loaded again from
// where the caller put it, never from a copy, and the caller's values must stay intact.

#[inline(never)]
fn mix(x: u32, k: u32) -> u32 {
    (x ^ k).rotate_left(5).wrapping_mul(0x9e37_79b9)
}

#[inline(never)]
fn many(a: u32, b: u64, c: u32, d: u64, e: u32, f: u32, g: u64, h: u32, i: u32, j: u32) -> u64 {
    let mut acc = 0u64;
    let mut k = 0u32;
    while k < 6 {
        let m = mix(a.wrapping_add(k), c ^ e);
        acc = acc.wrapping_mul(31).wrapping_add(m as u64)
            ^ b.rotate_left(k) ^ d.wrapping_add(k as u64) ^ g;
        acc ^= (f.wrapping_mul(h) ^ i.rotate_right(k) ^ j) as u64;
        k += 1;
    }
    acc ^ (a as u64) ^ (j as u64) << 7
}

#[inline(never)]
fn wide_tail(x: u32, y: u32, z: u32, w: u64, v: u64, u: u64) -> u64 {
    let p = mix(x, y) as u64;
    let q = mix(z, p as u32) as u64;
    p.wrapping_add(q) ^ w ^ v.rotate_left(3) ^ u.wrapping_mul(3)
}

fn main() {
    let mut total = 0u64;
    for s in 0..5u32 {
        let r = many(s, 0x1234_5678_9abc_def0 ^ s as u64, s * 3, u64::MAX - s as u64, 7, s + 11, 42 << s, 13, 0xdead_beef, s);
        total = total.rotate_left(9) ^ r;
        println!("{} {:#x}", s, r);
    }
    println!("{:#x}", total ^ wide_tail(1, 2, 3, 4, 5, 6));
}
