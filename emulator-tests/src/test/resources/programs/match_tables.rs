// Dense matches (jump tables on Thumb-2): a lowest case above zero, holes that fall to the
// default, arms that share code, a match inside a loop whose arms jump back, and arms big
// enough that the table needs halfword entries.

fn weekday(d: u32) -> &'static str {
    match d {
        1 => "mon",
        2 => "tue",
        3 => "wed",
        4 => "thu",
        5 => "fri",
        6 | 7 => "weekend",
        _ => "?",
    }
}

fn letter_class(c: u8) -> u32 {
    match c {
        b'a' => 10,
        b'b' => 11,
        b'c' => 12,
        b'e' => 14,
        b'f' => 15,
        b'h' => 17,
        _ => 0,
    }
}

fn step(state: u8, input: u8) -> u8 {
    match state {
        0 => if input == 1 { 1 } else { 0 },
        1 => if input == 2 { 2 } else { 0 },
        2 => 3,
        3 => if input > 5 { 4 } else { 1 },
        4 => 0,
        _ => 9,
    }
}

fn heavy(k: u32, x: u32) -> u32 {
    // big arms: the table must reach far
    match k {
        0 => { let mut a = x; for i in 0..7 { a = a.wrapping_mul(31).wrapping_add(i) ^ (a >> 3); } a }
        1 => { let mut a = x ^ 0x5555; for i in 0..5 { a = a.rotate_left(i + 1).wrapping_sub(i * 7); } a }
        2 => { let mut a = x; let mut b = 1u32; while a > 0 { b = b.wrapping_mul(a | 1); a >>= 2; } b }
        3 => { let mut s = 0u32; for i in 0..x % 17 { s = s.wrapping_add(i * i) ^ (s << 1); } s }
        4 => x.count_ones() * 1000 + x.leading_zeros(),
        5 => { let v = [x, x >> 1, x >> 2, x >> 3]; v[0] ^ v[1] ^ v[2] ^ v[3] }
        _ => 7,
    }
}

fn main() {
    for d in 0..9 { print!("{} ", weekday(d)); }
    println!();
    let mut sum = 0;
    for c in b'_'..=b'j' { sum = sum * 3 + letter_class(c); }
    println!("letters {}", sum);
    let inputs = [1u8, 2, 0, 7, 1, 1, 2, 9, 3, 1, 2, 0, 6];
    let mut s = 0u8;
    let mut trace = 0u32;
    for &i in inputs.iter() {
        s = step(s, i);
        trace = trace * 5 + s as u32;
    }
    println!("state {} trace {}", s, trace);
    let mut h = 0u32;
    for k in 0..8 { h = h.wrapping_mul(7) ^ heavy(k, 12345 + k * 99); }
    println!("heavy {}", h);
}
