// Calls with many arguments (stack-passed on every ABI), 64-bit arguments in odd positions,
// structs and arrays passed and returned by value, and function pointers.
use core::hint::black_box;

#[derive(Clone, Copy)]
struct Pair {
    a: u32,
    b: i16,
}

#[derive(Clone, Copy)]
struct Big {
    words: [u32; 6],
    tag: u8,
}

#[inline(never)]
fn many(a: u32, b: u8, c: u64, d: i8, e: u32, f: u64, g: i16, h: u32, i: u64) -> u64 {
    (a as u64) + (b as u64) * 3 + c + (d as i64 as u64) + (e as u64) * 5 + f + (g as i64 as u64) + (h as u64) + i
}

#[inline(never)]
fn odd64(x: u8, y: u64, z: u8, w: u64, v: u32) -> u64 {
    y.wrapping_mul(x as u64) ^ w.rotate_left(z as u32) ^ (v as u64)
}

#[inline(never)]
fn make_pair(a: u32, b: i16) -> Pair {
    Pair { a, b }
}

#[inline(never)]
fn sum_pair(p: Pair, q: Pair) -> i64 {
    p.a as i64 + p.b as i64 + q.a as i64 * 2 + q.b as i64 * 3
}

#[inline(never)]
fn bump(mut big: Big) -> Big {
    for i in 0..6 {
        big.words[i] = big.words[i].wrapping_mul(3) + i as u32;
    }
    big.tag = big.tag.wrapping_add(1);
    big
}

#[inline(never)]
fn total(big: &Big) -> u32 {
    let mut t = big.tag as u32;
    for w in big.words {
        t = t.wrapping_add(w);
    }
    t
}

#[inline(never)]
fn reverse(mut a: [u16; 5]) -> [u16; 5] {
    let mut i = 0;
    while i < 2 {
        let t = a[i];
        a[i] = a[4 - i];
        a[4 - i] = t;
        i += 1;
    }
    a
}

fn apply(f: fn(u32, u32) -> u32, x: u32, y: u32) -> u32 {
    f(x, y)
}

fn add(x: u32, y: u32) -> u32 { x + y }
fn mul(x: u32, y: u32) -> u32 { x * y }

#[inline(never)]
fn deep(n: u32, a: u64, b: u32, c: u64, d: u32, e: u32, f: u32) -> u64 {
    if n == 0 {
        return a + b as u64 + c + d as u64 + e as u64 + f as u64;
    }
    deep(n - 1, a + 1, b + 2, c * 2, d ^ n, e.wrapping_sub(n), f + 1)
}

fn main() {
    println!("{}", many(1, 2, 3, -4, 5, 6, -7, 8, 9));
    println!("{}", many(black_box(u32::MAX), 255, u64::MAX / 3, -128, 7, 1 << 40, i16::MIN, 0, 12345678901234));
    println!("{:#x}", odd64(3, 0x1234_5678_9abc_def0, 12, 0xffff_0000_ffff_0000, 77));
    let p = make_pair(black_box(40), -2);
    let q = make_pair(7, black_box(-300));
    println!("{}", sum_pair(p, q));
    let big = Big { words: [1, 2, 3, 4, 5, 6], tag: 254 };
    let b2 = bump(bump(big));
    println!("{} {} {:?}", total(&big), total(&b2), b2.words);
    println!("{}", b2.tag);
    println!("{:?}", reverse([1, 2, 3, 4, 5]));
    let ops: [fn(u32, u32) -> u32; 2] = [add, mul];
    for f in ops {
        println!("{}", apply(f, 6, 7));
    }
    println!("{}", deep(20, 1, 2, 3, 4, 5, 6));
}
