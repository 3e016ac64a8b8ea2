// Enum results of inlined functions matched by the caller: every arm that builds a variant
// with a known tag may jump straight to the code for that variant, carrying the payload.

#[derive(Clone, Copy)]
enum Step { Idle, Emit(u32), Pair(u16, i8), Fail(u8), Stop }

#[inline]
fn classify(c: u8, acc: &mut u32) -> Step {
    match c {
        b'0'..=b'9' => { *acc = acc.wrapping_mul(10).wrapping_add((c - b'0') as u32); Step::Idle }
        b',' => { let v = *acc; *acc = 0; Step::Emit(v) }
        b'p' => Step::Pair(*acc as u16, -(c as i8 & 7)),
        b'.' => Step::Stop,
        b' ' => Step::Idle,
        other if other < 32 => Step::Fail(other),
        other => Step::Fail(other ^ 0x40),
    }
}

fn parse(s: &[u8]) -> (u32, u32, i32, u32) {
    let mut acc = 0u32;
    let (mut sum, mut n, mut pairs, mut fails) = (0u32, 0u32, 0i32, 0u32);
    let mut i = 0;
    while i < s.len() {
        match classify(s[i], &mut acc) {
            Step::Idle => {}
            Step::Emit(v) => { sum = sum.wrapping_add(v); n += 1; }
            Step::Pair(a, b) => pairs += a as i32 * b as i32,
            Step::Fail(code) => fails = fails * 3 + code as u32,
            Step::Stop => break,
        }
        i += 1;
    }
    (sum, n, pairs, fails)
}

enum Tri { Lo(i64), Mid, Hi(u8, u8) }

fn tri(x: i64) -> Tri {
    if x < -5 { Tri::Lo(x * 3) } else if x > 5 { Tri::Hi((x & 0xff) as u8, (x >> 8) as u8) } else { Tri::Mid }
}

fn main() {
    println!("{:?}", parse(b"12,345,7p,\x01,Z,99,. 42,"));
    println!("{:?}", parse(b"1p2p3p,,,"));
    println!("{:?}", parse(b""));
    let mut total = 0i64;
    let mut x = -20i64;
    while x < 700 {
        total += match tri(x) {
            Tri::Lo(v) => v,
            Tri::Mid => 1000,
            Tri::Hi(a, b) => a as i64 - b as i64 * 7,
        };
        x += 13;
    }
    println!("{}", total);
    let mut state = Step::Idle;
    let mut log = 0u64;
    for k in 0..20u32 {
        state = match state {
            Step::Idle => if k % 3 == 0 { Step::Emit(k) } else { Step::Pair(k as u16, 3) },
            Step::Emit(v) => if v > 10 { Step::Stop } else { Step::Fail(v as u8) },
            Step::Pair(a, b) => Step::Emit(a as u32 + b as u32),
            Step::Fail(c) => if c & 1 == 1 { Step::Idle } else { Step::Pair(c as u16 * 2, -1) },
            Step::Stop => Step::Stop,
        };
        log = log.wrapping_mul(7).wrapping_add(match state { Step::Idle => 1, Step::Emit(v) => v as u64 + 2, Step::Pair(a, _) => a as u64, Step::Fail(c) => c as u64 * 5, Step::Stop => 99 });
    }
    println!("{}", log);
}
