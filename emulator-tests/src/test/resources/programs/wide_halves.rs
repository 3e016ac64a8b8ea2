// 64-bit arithmetic on values whose halves are partly known: masks, zero extensions and
// shifts by 32 or more, the shapes of hand-written wide multiplication.

fn mul_halves(x: u64, y: u64) -> (u64, u64, u64, u64) {
    let lo = (x & 0xffff_ffff) * (y & 0xffff_ffff);
    let mixed = (x >> 32) * (y & 0xffff_ffff);
    let one_side = x * ((y as u32) as u64);
    let other_side = ((x as u32) as u64) * y;
    (lo, mixed, one_side, other_side)
}

fn joins(x: u64, y: u64) -> (u64, u64, u64, u64) {
    let join = (x << 32) + (y & 0xffff_ffff);
    let join_rev = (y & 0xffff_ffff) + (x << 32);
    let diff = (x << 32).wrapping_sub(y << 33);
    let high_sum = (x << 40).wrapping_add(y << 36);
    (join, join_rev, diff, high_sum)
}

fn masks(x: u64, y: u64) -> (u64, u64, u64, u64, u64) {
    let a = x | 0xffff_ffff;
    let b = x | 0xffff_ffff_0000_0000;
    let c = (x ^ 0xffff_ffff_0000_0000) & 0x0000_ffff_ffff_ffff;
    let d = (x & 0xffff_ffff_0000_0000) ^ (y >> 32);
    let e = (x & 0x0000_0000_ffff_0000) | (y << 48);
    (a, b, c, d, e)
}

fn carries(x: u64, y: u64) -> (u64, u64) {
    // low words known to be zero on one side only: the carry must still be right elsewhere
    let s = (x & 0xffff_ffff).wrapping_add(y | 0xffff_ffff);
    let t = (x >> 32).wrapping_add(y).wrapping_add(0xffff_ffff);
    (s, t)
}

fn mulul64(u: u64, v: u64) -> (u64, u64) {
    let (u0, u1, v0, v1) = (u & 0xffffffff, u >> 32, v & 0xffffffff, v >> 32);
    let mut t = u0 * v0;
    let (w0, mut k) = (t & 0xffffffff, t >> 32);
    t = u1 * v0 + k;
    let (w1, w2) = (t & 0xffffffff, t >> 32);
    t = u0 * v1 + w1;
    k = t >> 32;
    (u1 * v1 + w2 + k, (t << 32) + w0)
}

fn main() {
    let vals: [u64; 5] = [0, 1, 0xffff_ffff, 0xffff_ffff_ffff_ffff, 0x8765_4321_fedc_ba98];
    let mut acc = 0u64;
    for &x in vals.iter() {
        for &y in vals.iter() {
            let (a, b, c, d) = mul_halves(x, y);
            let (e, f, g, h) = joins(x, y);
            let (i, j, k, l, m) = masks(x, y);
            let (n, o) = carries(x, y);
            let (p, q) = mulul64(x, y);
            for v in [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q] {
                acc = acc.rotate_left(7) ^ v;
            }
        }
    }
    println!("acc {:#018x}", acc);
    let (hi, lo) = mulul64(0xfedc_ba98_7654_3210, 0x0123_4567_89ab_cdef);
    println!("product {:#x} {:#x}", hi, lo);
    let (a, b, c, d) = joins(0x1234_5678, 0x9abc_def0_1357_9bdf);
    println!("joins {:#x} {:#x} {:#x} {:#x}", a, b, c, d);
}
