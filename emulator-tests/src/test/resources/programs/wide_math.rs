// 64-bit and narrow-integer arithmetic: division, remainder, shifts by variables, comparisons,
// casts between every width, overflow wrapping, the checked panics of MIN / -1, and a sweep of
// divisions against every divisor size (the run-time helpers on cores without a divide).
use core::hint::black_box;

fn main() {
    let a: u64 = black_box(0xfedc_ba98_7654_3210);
    let b: u64 = black_box(0x1234_5678);
    println!("{} {} {}", a / b, a % b, a / 7);
    let c: i64 = black_box(-9_000_000_000_000);
    let d: i64 = black_box(37);
    println!("{} {} {} {}", c / d, c % d, c / -d, (-c) % d);
    for s in [0u32, 1, 31, 32, 33, 63] {
        let n = black_box(s);
        println!("{:x} {:x} {:x}", a << n, a >> n, (c >> n) as u64);
    }
    println!("{} {} {}", a > b, c < d as i64, (a as i64) < 0);
    println!("{} {}", u64::MAX.wrapping_add(2), i64::MIN.wrapping_sub(1));
    println!("{} {}", (a as u32), (c as i32));
    println!("{} {} {}", a.leading_zeros(), b.trailing_zeros(), a.count_ones());
    let x: u8 = black_box(200);
    let y: u8 = black_box(100);
    println!("{} {} {} {}", x.wrapping_add(y), x.wrapping_mul(y), x / 7, x % 7);
    let p: i8 = black_box(-100);
    let q: i8 = black_box(3);
    println!("{} {} {} {}", p / q, p % q, p.wrapping_mul(q), (p as u8));
    let h: i16 = black_box(-30000);
    println!("{} {} {}", h.wrapping_add(-30000), h as u16, (h as i32) * 3);
    let w: u16 = black_box(0xbeef);
    println!("{} {:x} {}", w >> 4, w.swap_bytes(), w as i16);
    println!("{} {}", (x as i8) < 0, (w as i16) > 0);
    let m = black_box(i32::MIN);
    println!("{} {}", m.wrapping_div(-1), m.wrapping_rem(-1));
    println!("{} {}", (m as i64).abs(), (-7i32).rem_euclid(3));
    let big: u64 = black_box(10_000_000_000);
    let mut digits = 0;
    let mut v = big;
    while v > 0 {
        v /= 10;
        digits += 1;
    }
    println!("{} digits, {}", digits, big.pow(1) * 3);
    println!("{}", 3u64.pow(40));
    println!("{} {}", u64::MAX / black_box(u64::MAX), black_box(5u64) % black_box(u64::MAX));
    let sh: u8 = black_box(9);
    println!("{} {}", 1u8.wrapping_shl(sh as u32), 0x80u8.wrapping_shr(sh as u32));
    division_sweep();
    let r = black_box(i64::MIN);
    let one = black_box(-1i64);
    println!("{}", r / one);
}

fn mix(h: u64, v: u64) -> u64 {
    (h ^ v).wrapping_mul(0x100_0000_01b3).rotate_left(5)
}

/// Division and remainder of every width against each divisor size: quotients of one bit and
/// of 32 or 64, divisors of one word and of two, the normalisation edge (a divisor with its top
/// bit set), signed operands of each sign. On cores without a divide instruction these run
/// through the run-time helpers; a checksum of every result is printed with a few samples.
fn division_sweep() {
    let edges: [u64; 14] = [1, 2, 3, 7, 10, 0xffff, 0x1_0000, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff,
        0x1_0000_0000, 0x8000_0000_0000_0000, 0xffff_ffff_ffff_ffc5, u64::MAX];
    let mut h: u64 = 0;
    for &n in edges.iter() {
        for &d in edges.iter() {
            let (n, d) = (black_box(n), black_box(d));
            h = mix(h, n / d);
            h = mix(h, n % d);
            let (n32, d32) = (n as u32, (d as u32) | 1);
            h = mix(h, (n32 / d32) as u64);
            h = mix(h, (n32 % d32) as u64);
        }
    }
    println!("edges {:016x}", h);
    let mut x: u64 = black_box(0x9e37_79b9_7f4a_7c15);
    let (mut h32, mut h64, mut hs) = (0u64, 0u64, 0u64);
    for i in 0..600u32 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let d = (x.rotate_left(23) >> (i % 64)) | 1;
        let n = x >> ((i * 7) % 64);
        h64 = mix(h64, n / d);
        h64 = mix(h64, n % d);
        let (n32, d32) = (n as u32, (d >> (i % 32)) as u32 | 1);
        h32 = mix(h32, (n32 / d32) as u64);
        h32 = mix(h32, (n32 % d32) as u64);
        let (a, b) = (n as i64, if i % 3 == 0 { -(d as i64 >> 1) } else { (d >> 2) as i64 } | 1);
        hs = mix(hs, (a / b) as u64);
        hs = mix(hs, (a % b) as u64);
        let (a32, b32) = (a as i32, (b as i32) | 1);
        hs = mix(hs, (a32.wrapping_div(b32)) as u64);
        hs = mix(hs, (a32.wrapping_rem(b32)) as u64);
        if i % 150 == 0 {
            println!("{} / {} = {} rem {}; {} / {} = {} rem {}", n, d, n / d, n % d, a, b, a / b, a % b);
        }
    }
    println!("u32 {:016x} u64 {:016x} signed {:016x}", h32, h64, hs);
    println!("{} {} {}", black_box(u64::MAX) / 10, black_box(1_000_000_007u64 * 3) % 1_000_000_007, black_box(i64::MIN + 1) / -7);
}
