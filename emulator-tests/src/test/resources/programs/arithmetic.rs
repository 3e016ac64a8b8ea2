// Integer arithmetic with release semantics: wrapping, shifts, division, casts.
fn main() {
    let a: u8 = 250;
    let b: u8 = 10;
    println!("{}", a.wrapping_add(b));
    let a2 = core::hint::black_box(a);
    println!("{}", a2 + b); // wraps in release builds
    let c: i32 = -17;
    println!("{} {} {} {}", c / 5, c % 5, c >> 2, (c as u32) >> 28);
    let d: i64 = 1 << 40;
    println!("{} {}", d, d * 3 - 1);
    let e: u64 = 0xffff_ffff_ffff_ffff;
    println!("{} {}", e, e / 7);
    let m = i32::MIN;
    println!("{} {} {}", m, i32::MAX, m.wrapping_abs());
    println!("{} {} {}", 7u32.pow(3), 2i64.pow(40), 3u8.pow(6));
    println!("{} {}", -7i32 / 2, -7i32 % 2);
    println!("{} {}", 300i32 as u8, -1i32 as u16);
    println!("{} {}", 200u8 as i8, -100i8 as u32);
    println!("{} {}", 'A' as u8 + 2, (b'a' + 1) as char);
    println!("{}", true as i32 + false as i32);
    let s: u32 = 1;
    let amount = core::hint::black_box(35u32);
    println!("{}", s << amount); // shift amounts are masked
    println!("{} {}", u32::BITS, i16::MIN);
}
