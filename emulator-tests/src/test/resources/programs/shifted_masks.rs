// Masks moved by a shift, (x & (2^n - 1)) << k, and fields extracted first: two shifts.
use core::hint::black_box;
fn f(x: u32) -> [u32; 8] {
    [(x & 3) << 2, ((x >> 11) & 3) << 2, (x & 0xff) << 24, (x & 0xffff) << 16, (x & 1) << 31, ((x >> 3) & 7) << 5, (x & 0x7fff_ffff) << 1, (x & 0xf) << 28]
}
fn g(x: u8, y: u16, z: i32) -> (u8, u16, i32, u32) {
    ((x & 3) << 4, (y & 0xff) << 4, (z & 7) << 3, ((z as u32) & 0x3f) << 26)
}
fn main() {
    for x in [0u32, 1, 0xffff_ffff, 0xdead_beef, 0x1234_5678, 0x8000_0001] {
        println!("{:x?}", f(black_box(x)));
    }
    for (x, y, z) in [(0xffu8, 0xffffu16, -1i32), (0x5a, 0x1234, 0x7654_3210)] {
        println!("{:?}", g(black_box(x), black_box(y), black_box(z)));
    }
    let k = [1u32, 2, 3, 4];
    let mut sum = 0u32;
    let mut acc = 0u32;
    for _ in 0..40 { sum = sum.wrapping_add(0x9e3779b9); acc ^= k[((sum >> 11) & 3) as usize].wrapping_add(k[(sum & 3) as usize] << 3); }
    println!("{}", acc);
}
