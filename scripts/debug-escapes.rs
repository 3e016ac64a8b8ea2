// Prints the code points at and above U+0080 that `{:?}` writes as `\u{…}` (non-printable or
// grapheme-extending characters), one range per line in hex. rivet's compiler ships the output
// as frontend/src/main/resources/dev/rivet/frontend/lower/debug-escapes.txt; regenerate it
// when the host rustc's Unicode version moves:
//
//     rustc -O scripts/debug-escapes.rs -o /tmp/debug-escapes && /tmp/debug-escapes > \
//         frontend/src/main/resources/dev/rivet/frontend/lower/debug-escapes.txt
fn main() {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in 0x80u32..=0x10FFFF {
        let Some(ch) = char::from_u32(c) else { continue };
        let as_char = format!("{:?}", ch).starts_with("'\\u{");
        let in_str = format!("{:?}", ch.to_string()).starts_with("\"\\u{");
        assert_eq!(as_char, in_str, "char and str Debug disagree on U+{:04X}", c);
        if as_char {
            match ranges.last_mut() {
                Some(r) if r.1 + 1 == c => r.1 = c,
                _ => ranges.push((c, c)),
            }
        }
    }
    println!("# code points that {{:?}} escapes as \\u{{..}}, made by scripts/debug-escapes.rs");
    for (a, b) in ranges {
        if a == b { println!("{:x}", a) } else { println!("{:x}-{:x}", a, b) }
    }
}
