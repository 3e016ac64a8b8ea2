// Patterns that always match: a rest binding of a whole slice, or-patterns and ranges that
// cover their type (0..=255 for u8, every variant, every char), so let accepts them.
enum Dir { N, E, S, W }
fn total(s: &[u8]) -> u32 {
    let &[ref xs @ ..] = s;
    let mut t = 0u32;
    for x in xs { t += *x as u32; }
    t
}
fn code(d: Dir, b: u8) -> u32 {
    let (Dir::N | Dir::E | Dir::S | Dir::W, 0..=255) = (d, b);
    b as u32
}
fn main() {
    println!("{}", total(&[1, 2, 3]));
    println!("{}", code(Dir::S, 7));
    let x: u8 = 200;
    let (0..=127 | 128..=255) = x;
    let t = (true, 5i8);
    match t { (true, i8::MIN..=-1) | (false, _) => println!("a"), (true, 0..) => println!("b") }
    let c = 'q';
    let k = match c { '\0'..='`' => 1, 'a'..='z' => 2, '{'..='\u{d7ff}' | '\u{e000}'..='\u{10ffff}' => 3 };
    println!("{}", k);
}
