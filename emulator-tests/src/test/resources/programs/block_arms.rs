// Match arms whose body is a block-like expression end there: the next arm may start with
// `(`, `[` or `-` (rustc's statement-expression rule); `.` still continues the body.
fn pick(a: u32, b: u32) -> u32 {
    match (a, b) {
        (0, _) => { 1 }
        (1, x) => x,
        _ => 0,
    }
}
fn arr(a: [u8; 2]) -> u8 {
    match a {
        [0, _] => { 10 }
        [x, 1] => { x }
        [_, y] => y,
    }
}
fn neg(a: i32) -> i32 {
    match a {
        0 => { 5 }
        -1 => { 6 }
        -2 => if a < 0 { 7 } else { 8 }
        -3 => unsafe { 9 }
        -4 => loop { break 11; }
        -5 => { 12i32 }.max(3),
        _ => match a { 100 => 1, _ => 2 }
    }
}
fn main() {
    println!("{} {} {}", pick(0, 5), pick(1, 5), pick(2, 5));
    println!("{} {} {}", arr([0, 3]), arr([4, 1]), arr([4, 2]));
    for i in -6..1 { print!("{} ", neg(i)); }
    println!();
    let v = { 3 } - 1;
    let w = if true { 4 } else { 5 } * 2;
    println!("{} {}", v, w);
}
