// Loops whose first test is known, labelled breaks and continues, and enums returned by
// functions and matched in loops: the shapes that jump threading rewrites.
#[derive(Clone, Copy, PartialEq)]
enum Tok { Num(i32), Op(u8), Open, Close, End }

fn lex(s: &[u8], pos: &mut usize) -> Tok {
    while *pos < s.len() && s[*pos] == b' ' { *pos += 1; }
    if *pos >= s.len() { return Tok::End; }
    let c = s[*pos];
    *pos += 1;
    match c {
        b'(' => Tok::Open,
        b')' => Tok::Close,
        b'0'..=b'9' => {
            let mut v = (c - b'0') as i32;
            while *pos < s.len() && s[*pos].is_ascii_digit() { v = v * 10 + (s[*pos] - b'0') as i32; *pos += 1; }
            Tok::Num(v)
        }
        _ => Tok::Op(c),
    }
}

fn rpn_depth(s: &[u8]) -> (i32, i32, u32) {
    let mut pos = 0;
    let (mut depth, mut maxd, mut sum, mut ops) = (0i32, 0i32, 0i32, 0u32);
    loop {
        match lex(s, &mut pos) {
            Tok::Open => { depth += 1; if depth > maxd { maxd = depth; } }
            Tok::Close => depth -= 1,
            Tok::Num(n) => sum += n * (depth + 1),
            Tok::Op(o) => ops = ops * 3 + o as u32,
            Tok::End => break,
        }
    }
    (sum, maxd, ops)
}

fn grid() -> u32 {
    let mut acc = 0u32;
    'outer: for i in 0..7u32 {
        let mut j = 3;
        while j < 9 {
            if (i * j) % 11 == 10 { continue 'outer; }
            if i + j == 12 { break 'outer; }
            acc = acc.wrapping_mul(31) ^ (i << 4 | j);
            j += 2;
        }
        acc += 1000;
    }
    acc
}

fn countdown(mut n: u8) -> u32 {
    let mut steps = 0;
    while n != 0 { n = if n % 2 == 0 { n / 2 } else { n - 1 }; steps += 1; }
    steps
}

fn find(xs: &[i16], k: i16) -> i32 {
    let mut i = 0;
    let r = loop {
        if i == xs.len() { break -1; }
        if xs[i] == k { break i as i32; }
        i += 1;
    };
    r * 2
}

fn main() {
    println!("{:?}", rpn_depth(b"(1 + (22 * 3)) - ((4)) / 5"));
    println!("{:?}", rpn_depth(b""));
    println!("{:?}", rpn_depth(b"((((9))))+"));
    println!("{}", grid());
    for n in [0u8, 1, 2, 7, 200, 255] { print!("{} ", countdown(n)); }
    println!();
    let xs = [5i16, -3, 8, 8, 0];
    println!("{} {} {} {}", find(&xs, 8), find(&xs, 0), find(&xs, 9), find(&[], 1));
    let mut t = Tok::Num(3);
    let mut trace = 0u32;
    for k in 0..12u8 {
        t = match t {
            Tok::Num(n) if n > 20 => Tok::Close,
            Tok::Num(n) => if k % 3 == 0 { Tok::Op(k) } else { Tok::Num(n * 2 + 1) },
            Tok::Op(o) => Tok::Num(o as i32),
            Tok::Open => Tok::End,
            Tok::Close => Tok::Open,
            Tok::End => Tok::Num(-1),
        };
        trace = trace * 7 + match t { Tok::Num(n) => n as u32 & 0xff, Tok::Op(o) => 300 + o as u32, Tok::Open => 1, Tok::Close => 2, Tok::End => 3 };
        if t == Tok::End { trace ^= 0x5555; }
    }
    println!("{}", trace);
}
