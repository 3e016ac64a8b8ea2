// Unsuffixed literals cast with `as` take the cast's type (rustc's rule), so values that do
// not fit i32 are fine: register masks, addresses, large constants.
const FLAG: u32 = 0x8000_0000 as u32;

fn main() {
    let a = 3_000_000_000 as u32;
    let b = 0xDEAD_BEEF as u32;
    let c = 10_000_000_000 as u64;
    let d = 65 as char;
    let e = 0x2000_0000 as *const u32;
    let f = -128 as i8;
    let g = 255 as u8;
    println!("{} {:#x} {} {} {:#x} {} {}", a, b, c, d, e as usize, f, g);
    println!("{:#x} {}", FLAG | 1, (FLAG >> 31) + a / 1_000_000_000);
}
