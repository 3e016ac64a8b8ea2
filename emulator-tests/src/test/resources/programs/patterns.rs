// match with literals, ranges, alternatives, guards, bindings, tuples, slices and references.
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(&'static str),
    Color(u8, u8, u8),
}

fn describe(m: &Message) -> u32 {
    match m {
        Message::Quit => 0,
        Message::Move { x: 0, y } => 100 + *y as u32,
        Message::Move { x, .. } if *x < 0 => 200,
        Message::Move { .. } => 300,
        Message::Write(s) => s.len() as u32,
        Message::Color(r, _, b) => *r as u32 + *b as u32,
    }
}

fn bucket(n: u32) -> &'static str {
    match n {
        0 => "zero",
        1 | 2 | 3 => "small",
        4..=9 => "medium",
        10..=99 if n % 2 == 0 => "large even",
        10..=99 => "large odd",
        _ => "huge",
    }
}

fn signed(n: i64) -> i32 {
    match n {
        i64::MIN..=-1 => -1,
        0 => 0,
        1..=i64::MAX => 1,
    }
}

fn main() {
    let msgs = [
        Message::Quit,
        Message::Move { x: 0, y: 7 },
        Message::Move { x: -1, y: 7 },
        Message::Move { x: 5, y: 7 },
        Message::Write("hello"),
        Message::Color(10, 20, 30),
    ];
    for i in 0..msgs.len() {
        print!("{} ", describe(&msgs[i]));
    }
    println!();
    let ns = [0u32, 2, 7, 42, 43, 100];
    for i in 0..ns.len() {
        println!("{} -> {}", ns[i], bucket(ns[i]));
    }
    println!("{} {} {}", signed(-5), signed(0), signed(99));
    let pair = (3, -3);
    match pair {
        (0, y) => println!("y axis {}", y),
        (x, 0) => println!("x axis {}", x),
        (x, y) if x + y == 0 => println!("anti-diagonal {}", x),
        _ => println!("elsewhere"),
    }
    let arr = [1, 2, 3];
    let [a, b, c] = arr;
    println!("{} {} {}", a, b, c);
    let n @ 1..=5 = 3 else { panic!() };
    println!("bound {}", n);
    let t = ((1, 2), [4, 5]);
    let ((p, q), [r, s]) = t;
    println!("{}", p + q + r + s);
    let v = 5;
    let r = &v;
    let &w = r;
    println!("{}", w);
    let opt_char = 'x';
    let kind = match opt_char {
        'a'..='m' => 1,
        'n'..='z' => 2,
        _ => 3,
    };
    println!("char kind {}", kind);
    if let Message::Write(text) = &msgs[4] {
        println!("wrote {}", text);
    }
    let mut i = 0;
    while let 0..=3 = i {
        i += 1;
    }
    println!("i = {}", i);
    println!("{}", matches!(msgs[1], Message::Move { x: 0, .. }));
}
