// assert_eq! failing prints both values.
fn main() {
    let a = 2 + 2;
    assert!(a == 4);
    assert_eq!(a, 4, "math works");
    println!("asserts passed");
    assert_eq!(a * 2, 9);
}
