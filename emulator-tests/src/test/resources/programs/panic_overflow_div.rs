// i32::MIN / -1 overflows and panics even in release builds.
fn main() {
    let m = core::hint::black_box(i32::MIN);
    let d = core::hint::black_box(-1);
    println!("{}", m % 7);
    println!("{}", m / d);
}
