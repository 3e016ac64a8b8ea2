// Built-in methods in constants: overflow is an evaluation error; Ord methods are not const.
const A: u8 = 200u8.pow(2);
const B: i32 = i32::max(1, 2);
const C: i8 = (-128i8).abs();
fn main() { println!("{} {} {}", A, B, C); }
