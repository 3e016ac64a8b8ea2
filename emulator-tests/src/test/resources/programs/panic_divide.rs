// Division by zero panics.
fn main() {
    let d = core::hint::black_box(0u32);
    println!("start");
    println!("{}", 10 / d);
}
