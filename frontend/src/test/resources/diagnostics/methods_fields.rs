struct P {
    x: i32,
}

fn main() {
    let p = P { x: 1, y: 2 };
    let q = P { };
    println!("{}", p.z);
    let n = p.x.frobnicate();
    let m = 5.pow(2);
}
