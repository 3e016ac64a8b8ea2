// Non-exhaustive matches (E0004) and refutable bindings (E0005), with the uncovered values
// listed as rustc lists them.
enum E { A, B(u8), C { x: u8, y: bool }, D }
struct S { a: u8, b: bool }
struct T(u8, bool);
struct U;
enum Big { V1, V2, V3, V4, V5, V6 }
enum Empty {}

fn enums(e: E, r: &E, m: &mut E, b: Big) {
    match e { E::A => {} }
    match r { E::A => {} E::B(_) => {} }
    match m { E::A => {} E::B(_) | E::C { .. } => {} }
    match b { Big::V1 => {} }
    match e { E::B(0) => {} E::A | E::C { .. } | E::D => {} }
    match e { E::C { y: true, .. } => {} E::A | E::B(_) | E::D => {} }
    match e {}
}

fn integers(a: u8, b: i32, c: i8, d: u32, e: u64, f: i64, g: u16, h: usize, i: isize, j: i16) {
    match a { 0..=5 => {} }
    match b { 0 => {} }
    match c { -128..=-1 => {} 1..=127 => {} }
    match d { 1..=10 => {} 20..=30 => {} }
    match e { 0 => {} }
    match f { i64::MIN..=0 => {} }
    match g { 0x0000..=0x7fff => {} 0x8001..=0xffff => {} }
    match h { 0..=usize::MAX => {} }
    match i { isize::MIN..=isize::MAX => {} }
    match i { 0.. => {} }
    match h { 0..=5 => {} }
    match j { -5..5 => {} }
    match a { 0 | 2 | 4 => {} 1 | 3 => {} }
    match a { 0 if true => {} _ if false => {} }
    match a {}
}

fn others(b: bool, c: char, s: &str, t: (bool, bool), st: S, tu: T, one: (u8,), un: (U, bool)) {
    match b { true => {} }
    match c { 'a'..='z' => {} }
    match s { "a" => {} }
    match t { (true, _) => {} }
    match t { (true, true) | (false, false) => {} }
    match st { S { a: 0, .. } => {} }
    match st { S { a: _, b: true } => {} }
    match tu { T(_, true) => {} }
    match one { (0,) => {} }
    match un { (U, true) => {} }
}

fn slices(s: &[u8], a: [bool; 2], b: [u8; 3], bs: &[bool]) {
    match s { [] => {} [_] => {} }
    match s { [] => {} }
    match s { [1, ..] => {} [] => {} }
    match s { [.., 1] => {} [] => {} [_] => {} }
    match a { [true, _] => {} }
    match b { [0, ..] => {} [_, _, 1] => {} }
    match bs { [true, ..] => {} [.., false] => {} [] => {} }
    match s { [_, _, _] => {} [..] if true => {} }
}

fn bindings(e: E, p: (u8, u8), s: &[u8], x: u8, st: &str) {
    let E::A = e;
    let (0, y) = p;
    let [x, z] = s;
    let 3 = x;
    let "x" = st;
    for (o, 1) in [(1u8, 2u8)] {}
}

fn argument((0, w): (u8, u8)) {}

fn exhaustive(e: E, a: u8, c: i8, s: &[u8], n: Empty, x: char, t: (bool, bool)) {
    match e { E::A | E::B(_) => {} E::C { y: true, .. } | E::C { y: false, .. } => {} E::D => {} }
    match a { 0..=255 => {} }
    match c { i8::MIN..=-1 => {} 0 => {} 1.. => {} }
    match a { 0..10 => {} 10.. => {} }
    match s { [] => {} [_, ..] => {} }
    match s { [x, .., y] => {} [x] => {} [] => {} }
    match n {}
    match x { '\0'..='\u{d7ff}' => {} '\u{e000}'..='\u{10ffff}' => {} }
    match t { (true, _) | (_, true) => {} (false, false) => {} }
    let &[ref xs @ ..] = s;
    let (E::A | E::B(_) | E::C { .. } | E::D, 0..=255) = (e, a);
    let (_, _) = t;
    for (i, j) in [(1, 2)] {}
}

fn main() {}
