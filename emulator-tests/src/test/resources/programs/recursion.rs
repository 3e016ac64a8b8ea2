// Recursion, many parameters, structs and arrays passed and returned by value.
#[derive(Clone, Copy)]
struct Vec3 {
    x: i64,
    y: i64,
    z: i64,
}

fn add(a: Vec3, b: Vec3) -> Vec3 {
    Vec3 { x: a.x + b.x, y: a.y + b.y, z: a.z + b.z }
}

fn fib(n: u32) -> u64 {
    if n < 2 { n as u64 } else { fib(n - 1) + fib(n - 2) }
}

fn ackermann(m: u32, n: u32) -> u32 {
    match (m, n) {
        (0, n) => n + 1,
        (m, 0) => ackermann(m - 1, 1),
        (m, n) => ackermann(m - 1, ackermann(m, n - 1)),
    }
}

fn many(a: u8, b: u16, c: u32, d: u64, e: i8, f: i16, g: i32, h: i64) -> i64 {
    a as i64 + b as i64 + c as i64 + d as i64 + e as i64 + f as i64 + g as i64 + h
}

fn reverse(mut arr: [u8; 5]) -> [u8; 5] {
    let mut i = 0;
    while i < 2 {
        let t = arr[i];
        arr[i] = arr[4 - i];
        arr[4 - i] = t;
        i += 1;
    }
    arr
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

fn main() {
    let v = add(Vec3 { x: 1, y: 2, z: 3 }, Vec3 { x: 10, y: 20, z: 30 });
    println!("{} {} {}", v.x, v.y, v.z);
    println!("fib(30) = {}", fib(30));
    println!("ackermann(2, 3) = {}", ackermann(2, 3));
    println!("{}", many(1, 2, 3, 4, -5, -6, -7, -8));
    let original = [1, 2, 3, 4, 5];
    let r = reverse(original);
    println!("{} {} {} {} {} / {}", r[0], r[1], r[2], r[3], r[4], original[0]);
    println!("{}", gcd(1071, 462));
}
