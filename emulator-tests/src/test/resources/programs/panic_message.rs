// panic! with a formatted message; the output before it is kept.
fn check(x: i32) {
    if x > 3 {
        panic!("value {} is too large (limit {})", x, 3);
    }
    println!("ok {}", x);
}

fn main() {
    for i in 0..10 {
        check(i);
    }
}
