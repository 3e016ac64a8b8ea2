static GREETING: &str = "hello, world";
fn main() {
    println!("{}", GREETING[7..]);
}
