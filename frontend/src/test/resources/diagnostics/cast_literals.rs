// An unsuffixed literal cast with `as` has the cast's type, as in rustc: it must fit it, and
// an unsigned one cannot be negated.
fn main() {
    let ok = 0x8000_0000 as u32;
    let big = 3_000_000_000 as u64;
    let byte = 300 as u8;
    let wide = 0xFFFF_FFFF as i32;
    let minus = -1 as u32;
    let fine = -1 as i8;
    let _ = (ok, big, byte, wide, minus, fine);
}
