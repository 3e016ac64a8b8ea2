// Slicing a str inside a multi-byte character panics with rustc's report, which names the
// character and its bytes (checked against rustc's stderr in panic_str_slice.stderr).
use core::hint::black_box;

fn main() {
    let s = "naïve café";
    println!("{} {} {}", &s[..2], &s[black_box(4)..], &s[6..=black_box(6)]);
    let t: &[u8] = s.as_bytes();
    println!("{:?}", &t[black_box(1)..=3]);
    let cut = black_box(3);
    println!("{}", &s[cut..]);
}
