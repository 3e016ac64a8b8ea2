// 64-bit and narrow-integer arithmetic: division, remainder, shifts by variables, comparisons,
// casts between every width, overflow wrapping, and the checked panics of MIN / -1.
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
    let r = black_box(i64::MIN);
    let one = black_box(-1i64);
    println!("{}", r / one);
}
