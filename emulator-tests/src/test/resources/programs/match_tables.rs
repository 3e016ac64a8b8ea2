// Dense matches that become jump tables: one with small arms (byte entries), one whose arms
// are long enough that later cases lie beyond 510 bytes (halfword entries), and values outside
// the table that must reach the default arm.

#[inline(never)]
fn small(op: u32, a: u32, b: u32) -> u32 {
    match op {
        0 => a.wrapping_add(b),
        1 => a.wrapping_sub(b),
        2 => a ^ b,
        3 => a & b,
        4 => a | b,
        5 => a.wrapping_mul(b),
        _ => 0xdead,
    }
}

#[inline(never)]
fn mix(mut x: u32, rounds: u32) -> u32 {
    for i in 0..rounds {
        x = x.rotate_left(5) ^ i.wrapping_mul(0x9e37_79b9);
        x = x.wrapping_add(x >> 7);
    }
    x
}

#[inline(never)]
fn big(state: u8, v: u32) -> u32 {
    match state {
        2 => {
            let mut acc = v;
            for k in 0..5u32 { acc = mix(acc, k).wrapping_add(acc.rotate_right(k)); }
            acc ^ 0x1111
        }
        3 => {
            let mut acc = v.wrapping_mul(3);
            for k in 0..4u32 { acc = mix(acc ^ k, 2).wrapping_sub(acc.rotate_left(k + 1)); }
            acc ^ 0x2222
        }
        4 => {
            let mut acc = v;
            let mut t = 7u32;
            while t > 0 { acc = mix(acc.wrapping_add(t), t).rotate_left(3); t -= 1; }
            acc ^ 0x3333
        }
        5 => {
            let mut acc = v.wrapping_add(17);
            for k in 1..6u32 { acc = mix(acc, k) ^ mix(acc.wrapping_mul(k), 1); }
            acc ^ 0x4444
        }
        6 => {
            let (mut p, mut q) = (v, v ^ 0xffff);
            for k in 0..4u32 { let t = mix(p, k); p = q.wrapping_add(t); q = t.rotate_right(3); }
            p ^ q ^ 0x5555
        }
        7 => {
            let mut acc = v;
            for k in 0..3u32 { acc = mix(mix(acc, k), k + 1).wrapping_mul(2654435761); }
            acc ^ 0x6666
        }
        8 => {
            let mut acc = v ^ 0xabcdef;
            for k in 0..6u32 { acc = if acc & 1 == 0 { mix(acc, k) } else { acc.rotate_left(k).wrapping_add(k) }; }
            acc ^ 0x7777
        }
        9 => {
            let mut acc = v;
            let mut n = 0u32;
            while acc > 1000 && n < 20 { acc = mix(acc, 1) % (acc / 2 + 1); n += 1; }
            acc.wrapping_add(n) ^ 0x8888
        }
        _ => v,
    }
}

fn main() {
    let mut acc = 0u32;
    for op in 0..8u32 {
        let r = small(op, 0x1234_5678, 0x0f0f_0f0f);
        println!("small {} = {:#x}", op, r);
        acc ^= r;
    }
    for state in 0..12u8 {
        let r = big(state, 0xcafe_0000 + state as u32);
        println!("big {} = {:#x}", state, r);
        acc = acc.rotate_left(1) ^ r;
    }
    println!("acc {:#x}", acc);
}
