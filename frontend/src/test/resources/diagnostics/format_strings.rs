fn main() {
    let x = 1;
    println!("{} {}", x);
    println!("{", x);
    println!("{:q}", x);
    println!("{}", x, x);
    println!("{missing}");
}
