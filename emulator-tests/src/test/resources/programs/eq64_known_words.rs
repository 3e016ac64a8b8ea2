// 64-bit equality: words known on one side (constants, masks, zero extension) are left out.
use core::hint::black_box;

fn classify(x: u64) -> u32 {
    let mut r = 0;
    if x == 0 { r |= 1; }
    if x != 0 { r |= 2; }
    if x & 1 != 0 { r |= 4; }
    if x & 0xffff_ffff_0000_0000 == 0 { r |= 8; }
    if x == 0x1_0000_0000 { r |= 16; }
    if x == 0xffff_ffff { r |= 32; }
    if x == u64::MAX { r |= 64; }
    if (x as u32 as u64) == x { r |= 128; }
    if x >> 32 == 7 { r |= 256; }
    if (x << 32) == 0x5_0000_0000 { r |= 512; }
    if x | 0xffff_ffff == u64::MAX { r |= 1024; }
    r
}

fn signed(x: i64, y: i64) -> (bool, bool, bool, bool) {
    (x == y, x != -1, (x as i32 as i64) == x, x == i64::MIN)
}

fn main() {
    for x in [0u64, 1, 2, 0xffff_ffff, 0x1_0000_0000, 0x7_0000_0005, u64::MAX, 0x8000_0000_0000_0000, 5, 0x5_0000_0005] {
        print!("{} ", classify(black_box(x)));
    }
    println!();
    for (x, y) in [(0i64, 0i64), (-1, -1), (-1, 1), (i64::MIN, i64::MIN), (1 << 40, 1 << 40), (-(1 << 31), 5), (1 << 31, 0)] {
        print!("{:?} ", signed(black_box(x), black_box(y)));
    }
    println!();
    let mut n = 0u64;
    let mut steps = 0;
    while n != 0x3_0000_0000 { n += 0x8000_0000; steps += 1; }
    let v = black_box(0x1234_5678_0000_0000u64);
    let b = v == 0x1234_5678_0000_0000;
    let c = (v & 0xffff_ffff) == 0;
    println!("{} {} {}", steps, b, c);
    match black_box(0x1_0000_0002u64) { 0 => println!("zero"), 0x1_0000_0002 => println!("hit"), 2 => println!("low"), _ => println!("other") }
}
