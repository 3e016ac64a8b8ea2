// Loop-carried values that swap, rotate and copy each other, across calls and without them:
// the shapes where merging a copy's two sides would be wrong if their values ever differ.

#[inline(never)]
fn mix(a: u32, b: u32) -> u32 {
    a.rotate_left(5) ^ b.wrapping_mul(0x9e37_79b9)
}

fn swaps(n: u32) -> (u32, u32, u32) {
    let (mut a, mut b, mut c) = (1u32, 2u32, 3u32);
    for i in 0..n {
        let t = a;
        a = b;
        b = c;
        c = t.wrapping_add(i);
        if i % 3 == 0 {
            core::mem::swap(&mut a, &mut c);
        }
    }
    (a, b, c)
}

fn copies_then_changes(n: u32) -> u32 {
    let mut x = 7u32;
    let mut acc = 0u32;
    for i in 0..n {
        let y = x; // y and x hold the same value here...
        x = x.wrapping_mul(3).wrapping_add(i); // ...until x changes while y is still needed
        acc = acc.wrapping_add(y ^ x);
    }
    acc
}

fn many_across_calls(n: u32) -> u32 {
    let (mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h) = (1u32, 2, 3, 4, 5, 6, 7, 8);
    for i in 0..n {
        let t = mix(a, i);
        a = b;
        b = c;
        c = d;
        d = e;
        e = f;
        f = g;
        g = h;
        h = t;
        if t & 1 == 0 {
            let u = a;
            a = h;
            h = u;
        }
    }
    mix(a ^ b ^ c ^ d, e ^ f ^ g ^ h).wrapping_add(a.wrapping_mul(3)).wrapping_add(h)
}

fn branchy(n: u32) -> (u32, u32) {
    let mut lo = 0u32;
    let mut hi = 1000u32;
    let mut steps = 0u32;
    let mut last = 0u32;
    for k in 0..n {
        let target = mix(k, 17) % 1000;
        let (mut l, mut h) = (lo, hi);
        while l < h {
            let m = (l + h) / 2;
            if m < target { l = m + 1; } else { h = m; }
            steps += 1;
        }
        last = l;
        if k % 2 == 0 { lo = 0; hi = l + 1; } else { lo = l / 2; hi = 1000; }
    }
    (steps, last)
}

fn pair_swap64(n: u32) -> u64 {
    let mut p = 0x0123_4567_89ab_cdefu64;
    let mut q = 0xfedc_ba98_7654_3210u64;
    for i in 0..n {
        let t = p;
        p = q.rotate_left(i % 64);
        q = t ^ (i as u64);
    }
    p ^ q.wrapping_mul(31)
}

fn main() {
    let (a, b, c) = swaps(25);
    println!("swaps: {} {} {}", a, b, c);
    println!("copies: {}", copies_then_changes(30));
    println!("across calls: {}", many_across_calls(40));
    let (s, l) = branchy(12);
    println!("branchy: {} {}", s, l);
    println!("pairs: {:#x}", pair_swap64(20));
}
