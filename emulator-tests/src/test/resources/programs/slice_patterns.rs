// Slice patterns against slices (length tested at run time) and `name @ ..` rest bindings.

fn describe(s: &[i32]) -> i32 {
    match s {
        [] => 0,
        [x] => *x,
        [a, b] => a * 10 + b,
        [first, .., last] if first == last => -1,
        [a, _, c] => a + c + 100,
        [first, rest @ ..] => first * 1000 + rest.len() as i32,
    }
}

fn command(line: &[u8]) -> u32 {
    match line {
        [b'G', b'E', b'T', b' ', path @ ..] => 100 + path.len() as u32,
        [b'P', b'U', b'T', b' ', .., b'!'] => 200,
        [b'#', ..] | [] => 0,
        [c, ..] => *c as u32,
    }
}

fn sum_pairs(mut s: &[u16]) -> u32 {
    let mut total = 0u32;
    while let [a, b, rest @ ..] = s {
        total += *a as u32 * *b as u32;
        s = rest;
    }
    if let [odd] = s {
        total += *odd as u32;
    }
    total
}

fn bump_ends(s: &mut [u32]) {
    if let [first, middle @ .., last] = s {
        *first += 1;
        *last *= 2;
        for m in middle.iter_mut() {
            *m = 0;
        }
    } else if let [only] = s {
        *only = 77;
    }
}

fn split_array(a: [u8; 6]) -> (u8, [u8; 4], u8) {
    let [head, mid @ .., tail] = a;
    (head, mid, tail)
}

fn by_ref(a: &[i64; 5]) -> i64 {
    let [x, rest @ ..] = a;
    let [.., y, z] = rest;
    x + y * z
}

fn main() {
    let v = [4, 7, 9, 4, 1];
    for k in 0..=5 {
        print!("{} ", describe(&v[..k]));
    }
    println!("| {}", describe(&v[1..4]));
    for line in [&b"GET /index.html"[..], b"PUT x!", b"PUT x", b"# comment", b"", b"Z"] {
        print!("{} ", command(line));
    }
    println!();
    println!("{} {} {}", sum_pairs(&[1, 2, 3, 4]), sum_pairs(&[5, 6, 7]), sum_pairs(&[]));
    let mut words = [10u32, 20, 30, 40];
    bump_ends(&mut words);
    let mut one = [5u32];
    bump_ends(&mut one);
    let mut none: [u32; 0] = [];
    bump_ends(&mut none);
    println!("{:?} {:?} {:?}", words, one, none);
    let (h, m, t) = split_array(*b"abcdef");
    println!("{} {:?} {}", h, m, t);
    println!("{}", by_ref(&[3, 1, 4, 1, -5]));
}
