// Byte-string literal patterns against &[u8] (length and bytes compared) and &[u8; N].
fn cmd(s: &[u8]) -> u32 {
    match s {
        b"set" => 1,
        b"get" => 2,
        b"" => 3,
        [b'x', ..] => 4,
        _ => 0,
    }
}
fn fixed(s: &[u8; 3]) -> u32 {
    match s {
        b"abc" => 10,
        b"abd" | b"xyz" => 11,
        _ => 12,
    }
}
fn arr(s: [u8; 2]) -> u32 {
    match &s {
        b"hi" => 20,
        _ => 21,
    }
}
fn main() {
    println!("{} {} {} {} {}", cmd(b"set"), cmd(b"get"), cmd(b""), cmd(b"xaa"), cmd(b"other"));
    println!("{} {} {} {}", fixed(b"abc"), fixed(b"abd"), fixed(b"xyz"), fixed(b"qqq"));
    println!("{} {}", arr(*b"hi"), arr(*b"ho"));
    let line: &[u8] = b"get";
    if let b"get" = line { println!("yes"); }
    let ok = matches!(line, b"set" | b"get");
    println!("{}", ok);
}
