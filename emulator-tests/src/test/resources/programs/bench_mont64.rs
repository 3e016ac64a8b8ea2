// mont64: 64-bit Montgomery multiplication (Embench mont64 style): 64x64->128
// products from 32-bit halves, modular exponentiation for Fermat tests mod
// 2^64-59, cross-checked against plain u64 '%' arithmetic mod 2^32-5.

struct U128 { hi: u64, lo: u64 }

fn mulul64(u: u64, v: u64) -> U128 {
    let (u0, u1, v0, v1) = (u & 0xffffffff, u >> 32, v & 0xffffffff, v >> 32);
    let mut t = u0 * v0;
    let (w0, mut k) = (t & 0xffffffff, t >> 32);
    t = u1 * v0 + k;
    let (w1, w2) = (t & 0xffffffff, t >> 32);
    t = u0 * v1 + w1;
    k = t >> 32;
    U128 { hi: u1 * v1 + w2 + k, lo: (t << 32) + w0 }
}

// a * b * 2^-64 mod m, for odd m and a, b < m; mp = -m^-1 mod 2^64
fn montmul(a: u64, b: u64, m: u64, mp: u64) -> u64 {
    let t = mulul64(a, b);
    let tm = t.lo.wrapping_mul(mp);
    let u = mulul64(tm, m);
    let lo = t.lo.wrapping_add(u.lo);
    let carry = (lo < t.lo) as u64;
    let hi = t.hi.wrapping_add(u.hi);
    let mut ov = hi < t.hi;
    let hi2 = hi.wrapping_add(carry);
    ov = ov || hi2 < hi;
    if ov || hi2 >= m { hi2.wrapping_sub(m) } else { hi2 }
}

fn addmod(a: u64, b: u64, m: u64) -> u64 {
    let s = a.wrapping_add(b);
    if s < a || s >= m { s.wrapping_sub(m) } else { s }
}

// base^e mod m via Montgomery form
fn powmod(base: u64, e_in: u64, m: u64) -> u64 {
    let mut inv = m; // Newton: m^-1 mod 2^64
    for _i in 0..5 { inv = inv.wrapping_mul(2u64.wrapping_sub(m.wrapping_mul(inv))); }
    let mp = 0u64.wrapping_sub(inv);
    let r1 = 0u64.wrapping_sub(m) % m; // 2^64 mod m
    let mut r2 = r1; // 2^128 mod m by doubling
    for _i in 0..64 { r2 = addmod(r2, r2, m); }
    let mut x = montmul(base % m, r2, m, mp);
    let mut acc = r1;
    let mut e = e_in;
    while e != 0 {
        if e & 1 != 0 { acc = montmul(acc, x, m, mp); }
        x = montmul(x, x, m, mp);
        e >>= 1;
    }
    montmul(acc, 1, m, mp)
}

fn powmod_plain(base: u64, e_in: u64, m: u64) -> u64 { // m < 2^32
    let mut acc: u64 = 1;
    let mut x = base % m;
    let mut e = e_in;
    while e != 0 {
        if e & 1 != 0 { acc = acc * x % m; }
        x = x * x % m;
        e >>= 1;
    }
    acc
}

#[no_mangle]
pub extern "C" fn run() -> u32 {
    let p64: u64 = 0xffffffffffffffc5;
    let p32: u64 = 0xfffffffb;
    let mut acc: u64 = 0;
    for a in 2..6u64 {
        let f = powmod(a, p64 - 1, p64); // Fermat: must be 1
        let g = powmod(a.wrapping_mul(0x9e3779b97f4a7c15), 0x123456789abcdef, p64);
        let h = powmod(a + 1000, a * 77777, p32);
        let hp = powmod_plain(a + 1000, a * 77777, p32);
        acc = acc.wrapping_mul(31).wrapping_add(g)
            .wrapping_add(if f == 1 { 0 } else { 0x100000000 })
            .wrapping_add(if h == hp { h } else { 1 });
    }
    (acc as u32) ^ ((acc >> 32) as u32)
}

fn main() {
    println!("{:#010x}", run());
}
