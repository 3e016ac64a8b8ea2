// Matches whose values sit away from zero, wrap around the top of their type, or are
// signed; a table read in a loop whose arms jump back to the loop's head; and arms with calls
// between the table and its targets (on RISC-V the linker shortens those calls, and the
// table's distances must follow).

#[inline(never)]
fn around_thousand(x: u32) -> u32 {
    match x {
        1000 => 1, 1001 => 2, 1002 => 3, 1004 => 5, 1005 => 6, 1006 => 7, 1007 => 8, 1009 => 10,
        _ => 0,
    }
}

#[inline(never)]
fn near_top(x: u32) -> u32 {
    match x {
        0xFFFF_FFF8 => 8, 0xFFFF_FFF9 => 7, 0xFFFF_FFFA => 6, 0xFFFF_FFFB => 5,
        0xFFFF_FFFC => 4, 0xFFFF_FFFD => 3, 0xFFFF_FFFE => 2, u32::MAX => 1,
        _ => 100,
    }
}

#[inline(never)]
fn signed(x: i8) -> i32 {
    match x {
        -4 => -40, -3 => -30, -2 => -20, -1 => -10, 0 => 0, 1 => 10, 2 => 20, 3 => 30,
        i8::MIN => 1280,
        _ => 7,
    }
}

#[inline(never)]
fn narrow_signed(x: i16) -> u32 {
    match x {
        -3 => 1, -2 => 2, -1 => 3, 0 => 4, 1 => 5, 2 => 6, 3 => 7, 4 => 8,
        _ => 0,
    }
}

#[inline(never)]
fn letter(c: char) -> u32 {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => 1,
        'b' | 'c' | 'd' => 2,
        'f' | 'g' | 'h' => 3,
        'j' | 'k' => 4,
        'y' => 5,
        _ => 0,
    }
}

#[inline(never)]
fn noisy(x: u32) -> u32 {
    x.rotate_left(3) ^ 0x5a5a
}

/// A little interpreter: each opcode's arm goes back to the loop's head.
#[inline(never)]
fn run(code: &[u8]) -> u32 {
    let mut pc = 0usize;
    let mut acc = 1u32;
    let mut steps = 0u32;
    while pc < code.len() && steps < 200 {
        steps += 1;
        let op = code[pc];
        pc += 1;
        match op {
            0 => acc = acc.wrapping_add(1),
            1 => acc = noisy(acc),
            2 => acc = acc.wrapping_mul(3),
            3 => { if acc & 1 == 0 { pc = 0; acc ^= 0xff; } }
            4 => acc = noisy(acc.wrapping_sub(7)),
            5 => acc = noisy(noisy(acc)),
            6 => continue,
            7 => break,
            _ => acc ^= op as u32,
        }
    }
    acc ^ steps
}

fn main() {
    let mut line = 0u32;
    for x in 998..1012u32 { line = line * 3 + around_thousand(core::hint::black_box(x)); }
    println!("thousand {}", line);
    for x in [0u32, 7, 0xFFFF_FFF7, 0xFFFF_FFF8, 0xFFFF_FFFB, 0xFFFF_FFFF] { print!("{} ", near_top(core::hint::black_box(x))); }
    println!();
    for x in [-128i8, -5, -4, -1, 0, 3, 4, 127] { print!("{} ", signed(core::hint::black_box(x))); }
    println!();
    let mut i = -6i16;
    while i < 7 { print!("{} ", narrow_signed(core::hint::black_box(i))); i += 1; }
    println!("{}", narrow_signed(i16::MIN) + narrow_signed(i16::MAX));
    let mut score = 0;
    for &b in b"the quick brown fox jumps over a lazy dog" { score = score * 7 % 100_003 + letter(core::hint::black_box(b as char)); }
    println!("letters {}", score);
    println!("run {:#x}", run(&[0, 1, 2, 4, 5, 9, 0, 3, 1, 6, 2, 2, 4, 0, 7, 1]));
    println!("run {:#x}", run(&[5, 5, 4, 1, 0, 2, 12, 250]));
}
