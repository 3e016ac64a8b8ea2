// An out-of-bounds index panics with Rust's message and exit status 101.
fn get(values: &[i32], i: usize) -> i32 {
    values[i]
}

fn main() {
    let v = [1, 2, 3];
    println!("before");
    let i = core::hint::black_box(5);
    println!("{}", get(&v, i));
    println!("not reached");
}
