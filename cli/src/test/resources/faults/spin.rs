#[inline(never)]
fn spin(n: u32) -> u32 {
    let mut x = n;
    loop {
        x = x.wrapping_mul(3) ^ 7;
        if x == 12345 { break; }
    }
    x
}

#[inline(never)]
fn outer(a: u32) -> u32 {
    let r = spin(a) + 1;
    r * 2
}

fn main() {
    let v = outer(5);
    println!("{}", v);
}
