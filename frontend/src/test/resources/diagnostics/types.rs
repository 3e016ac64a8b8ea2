fn takes(a: u32, b: bool) -> u32 {
    if b { a } else { 0 }
}

fn main() {
    let a: u32 = true;
    let b = takes(1);
    let c: u8 = 300;
    let d = 5u32 + 1i64;
    let e = "text" * 2;
    let f = takes(1, 2);
}
