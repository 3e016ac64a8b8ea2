// Many values live at once, across branches, loops and calls: the register allocator spills,
// and values reloaded after branches must be the ones stored on the path taken.

#[inline(never)]
fn mix(a: u32, b: u32) -> u32 {
    (a ^ b.rotate_left(5)).wrapping_mul(0x9E37_79B1)
}

fn pressure(seed: u32, n: u32) -> u32 {
    let (mut a, mut b, mut c, mut d) = (seed, seed ^ 0x1234, seed.wrapping_add(77), seed.wrapping_mul(3));
    let (mut e, mut f, mut g, mut h) = (a ^ 5, b ^ 9, c ^ 13, d ^ 17);
    let (mut i, mut j) = (a.wrapping_add(b), c.wrapping_sub(d));
    for k in 0..n {
        if k % 3 == 0 {
            a = a.wrapping_add(h ^ k);
            e = mix(e, a);
        } else if k % 3 == 1 {
            b = b.wrapping_sub(g).rotate_right(3);
            f ^= b;
        } else {
            c = c.wrapping_mul(f | 1);
            g = g.wrapping_add(c >> 7);
        }
        if (a ^ b) & 4 != 0 || c > d {
            d = d.wrapping_add(i);
            h = h.rotate_left(k & 31) ^ j;
        } else {
            i = i.wrapping_add(e ^ f);
            j = mix(j, g ^ h);
        }
    }
    a ^ b ^ c ^ d ^ e ^ f ^ g ^ h ^ i ^ j
}

fn twelve(x: [u32; 12]) -> u32 {
    let mut s = 0u32;
    let [x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11] = x;
    for r in 0..4u32 {
        let t = x0.wrapping_add(r) ^ x5 ^ x11;
        s = s.wrapping_add(if t & 1 == 0 { x1 ^ x7 } else { x2.wrapping_sub(x8) });
        s = mix(s, x3 ^ x9 ^ x4 ^ x10 ^ x6);
    }
    s
}

fn main() {
    for seed in [1u32, 0xDEAD_BEEF, 42, 0x8000_0000] {
        println!("pressure({:#x}) = {:#010x}", seed, pressure(seed, 50));
    }
    let mut x = [0u32; 12];
    for k in 0..12 {
        x[k] = (k as u32).wrapping_mul(0x0101_0101) ^ 0x5A5A;
    }
    println!("twelve = {:#010x}", twelve(x));
}
