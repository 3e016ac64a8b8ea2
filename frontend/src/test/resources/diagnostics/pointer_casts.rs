// Casts to pointers to slices and str need a fat pointer; to str only from str.
fn main() {
    let b = [0xe2u8, 0x80, 0x8b];
    let s = &b[..] as *const [u8] as *const str;
    let one = 5u8;
    let t = &one as *const u8 as *const [u8];
    let n = &b[..] as *const [u8] as usize;
}
