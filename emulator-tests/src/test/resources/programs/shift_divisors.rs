// Dividing by a power of two written as 1 << n (n masked): a shift and a mask, no zero check.
fn f(x: u32, n: u32) -> (u32, u32) { (x % (1 << (n & 31)), x / (1u32 << (n % 32))) }
fn g(x: u64, n: u32) -> (u64, u64) { (x % (1 << (n & 63)), x / (1u64 << (n & 63))) }
fn h(x: u8, n: u32) -> (u8, u8) { (x % (1 << (n & 7)), x / (1u8 << (n & 7))) }
fn main() {
    for n in [0u32, 1, 5, 31, 17] {
        println!("{:?} {:?} {:?}", f(0xdead_beef, n), g(0xdead_beef_cafe_f00d, n * 2), h(201, n));
    }
}
