// Loops entered from several places, some with a start value that decides the first test
// (those entries are threaded past it), with values from before the exit used after the loop.
use core::hint::black_box;
#[inline(never)]
fn a(sel: u8, n: u32) -> (u32, u32) {
    let mut x = match sel { 0 => 0, 1 => 200, 2 => 7, _ => n };
    let mut steps = 0;
    let mut last = 0;
    while x < 50 { last = x; x = x * 2 + 1; steps += 1; }
    (last + steps * 1000, x)
}
#[inline(never)]
fn b(flag: bool, m: i32) -> i32 {
    let mut v = if flag { -5 } else { m };
    let mut prev;
    loop {
        prev = v;
        v += 4;
        if v > 10 { break; }
    }
    prev * 10 + v
}
#[derive(Clone, Copy)]
enum S { A(u32), B, C(u8, u8) }
#[inline(never)]
fn c(seed: u32) -> u32 {
    let mut s = if seed % 3 == 0 { S::B } else if seed % 3 == 1 { S::A(seed) } else { S::C(seed as u8, 3) };
    let mut out = 0u32;
    let mut i = 0;
    while i < 9 {
        let before = s;
        s = match s {
            S::A(x) if x > 100 => S::B,
            S::A(x) => S::A(x * 3 + i),
            S::B => S::C(i as u8, 1),
            S::C(p, q) => if p > q { S::A(p as u32) } else { S::C(p + 2, q) },
        };
        out = out.wrapping_mul(17) ^ match before { S::A(x) => x, S::B => 5, S::C(p, q) => p as u32 * 256 + q as u32 };
        i += 1;
    }
    out
}
fn main() {
    for sel in 0..4u8 { print!("{:?} ", a(black_box(sel), black_box(3))); }
    println!();
    println!("{} {} {}", b(black_box(true), 0), b(black_box(false), 9), b(black_box(false), -30));
    for seed in [0u32, 1, 2, 3, 4, 5, 99, 1000] { print!("{} ", c(black_box(seed))); }
    println!();
}
