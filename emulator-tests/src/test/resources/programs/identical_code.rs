// Functions with equal machine code: the linker keeps one copy of those that are only called,
// and keeps apart those whose address is taken (fn pointers must stay distinct).

#[inline(never)]
fn checksum_u32(data: &[u32]) -> u32 {
    let mut h: u32 = 17;
    for &x in data {
        h = h.wrapping_mul(31).wrapping_add(x);
    }
    h
}

#[inline(never)]
fn checksum_i32(data: &[i32]) -> i32 {
    let mut h: i32 = 17;
    for &x in data {
        h = h.wrapping_mul(31).wrapping_add(x);
    }
    h
}

#[inline(never)]
fn scale_a(x: u32) -> u32 {
    (x << 3) ^ (x >> 2)
}

#[inline(never)]
fn scale_b(x: u32) -> u32 {
    (x << 3) ^ (x >> 2)
}

#[inline(never)]
fn apply_a(x: u32) -> u32 {
    scale_a(x) + scale_a(x + 1)
}

#[inline(never)]
fn apply_b(x: u32) -> u32 {
    scale_b(x) + scale_b(x + 1)
}

fn step_one(x: u32) -> u32 {
    x.rotate_left(5) ^ 0x55
}

fn step_two(x: u32) -> u32 {
    x.rotate_left(5) ^ 0x55
}

fn run(f: fn(u32) -> u32, x: u32) -> u32 {
    f(f(x))
}

fn main() {
    let words = [1u32, 2, 3, 0xFFFF_FFFF, 77];
    let signed = [1i32, 2, 3, -1, 77];
    println!("{} {}", checksum_u32(&words), checksum_i32(&signed));
    println!("{} {}", apply_a(1000), apply_b(1000));
    println!("{} {}", scale_a(7), scale_b(9));
    let table: [fn(u32) -> u32; 2] = [step_one, step_two];
    let mut acc = 0u32;
    let mut k = 0;
    while k < table.len() {
        acc = acc.wrapping_add(run(table[k], k as u32 + 1));
        k += 1;
    }
    println!("{}", acc);
}
