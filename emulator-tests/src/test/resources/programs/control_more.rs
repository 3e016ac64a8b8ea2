// Dense and sparse matches (jump tables), labelled loops, while let, if let chains, loop
// values, ranges with .rev(), and early returns.
fn class(n: u32) -> &'static str {
    match n {
        0 => "zero",
        1 => "one",
        2 => "two",
        3 => "three",
        4 => "four",
        5 => "five",
        6 => "six",
        7 => "seven",
        8..=15 => "teens",
        100 | 200 | 300 => "round",
        1000..=9999 => "thousands",
        _ => "other",
    }
}

fn sparse(c: char) -> u32 {
    match c {
        'a' => 1,
        'z' => 26,
        '0'..='9' => c as u32 - '0' as u32 + 100,
        'é' => 233,
        _ => 0,
    }
}

enum Found {
    At(usize),
    Nowhere,
}

fn find(hay: &[u8], needle: u8) -> Found {
    for i in 0..hay.len() {
        if hay[i] == needle {
            return Found::At(i);
        }
    }
    Found::Nowhere
}

fn main() {
    for n in [0u32, 3, 7, 9, 15, 16, 200, 4321, 10000] {
        println!("{} {}", n, class(n));
    }
    for c in ['a', 'z', '5', 'é', '?'] {
        print!("{} ", sparse(c));
    }
    println!();
    let mut count = 0;
    'outer: for i in 0..10 {
        for j in 0..10 {
            if j > i {
                continue 'outer;
            }
            if i + j > 12 {
                break 'outer;
            }
            count += 1;
        }
    }
    println!("count {}", count);
    let mut stack = [5u8, 4, 3, 2, 1];
    let mut top = stack.len();
    while let Found::At(i) = if top > 0 { Found::At(top - 1) } else { Found::Nowhere } {
        print!("{}", stack[i]);
        stack[i] = 0;
        top = i;
    }
    println!();
    let v = loop {
        count += 7;
        if count % 5 == 0 {
            break count * 2;
        }
    };
    println!("loop value {}", v);
    for i in (1..=4).rev() {
        print!("{} ", i);
    }
    for i in (0..3).rev() {
        print!("[{}]", i);
    }
    println!();
    if let Found::At(p) = find(b"hello", b'l') {
        println!("found at {}", p);
    }
    match find(b"hello", b'x') {
        Found::At(p) => println!("x at {}", p),
        Found::Nowhere => println!("no x"),
    }
    let t = (3, -4);
    let msg = match t {
        (0, _) => "y axis",
        (_, 0) => "x axis",
        (x, y) if x > 0 && y < 0 => "fourth",
        _ => "elsewhere",
    };
    println!("{}", msg);
    let n = 42u8;
    let kind = match n {
        x @ 0..=9 => x as u32,
        x @ (10 | 20 | 42) => x as u32 * 10,
        _ => 0,
    };
    println!("{}", kind);
}
