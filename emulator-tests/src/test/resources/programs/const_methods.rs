// Built-in methods in constants and statics, as core's const fns compute them: len of arrays
// and str, wrapping/rotating/counting integer methods, pow, saturating arithmetic.
const TABLE: [u8; 5] = [1, 2, 4, 8, 16];
const NAMES: [&str; 3] = ["a", "bb", "ccé"];
const LEN: usize = NAMES.len() + TABLE.len();
const WRAP: u8 = 200u8.wrapping_add(100);
const P: u32 = 3u32.pow(5);
const R: u16 = 0x1234u16.rotate_left(4);
const Z: u32 = 0x0f00u32.leading_zeros() + 0x0f00u32.trailing_zeros() + 0xffu32.count_ones();
const M: i32 = -15;
const S: u8 = 250u8.saturating_add(10);
const SB: u32 = 0x11223344u32.swap_bytes();
const NAME_LEN: usize = NAMES[2].len();
const E: bool = NAMES[0].is_empty();
const PW: bool = 64u32.is_power_of_two();
const NEGW: i8 = (-128i8).wrapping_neg();
const AB: i16 = (-300i16).abs();
const WP: u8 = 3u8.wrapping_pow(4_000_000_001);
const WP64: i64 = (-7i64).wrapping_pow(3_000_000_000);
const ONE: i32 = (-1i32).pow(4_000_000_001);
static BUF: [u8; LEN] = [0; LEN];
fn main() {
    println!("{} {} {}", WP, WP64, ONE);
    println!("{} {} {} {:#x} {} {} {} {:#x} {} {} {} {} {} {}", LEN, WRAP, P, R, Z, M, S, SB, NAME_LEN, E, PW, NEGW, AB, BUF.len());
}
