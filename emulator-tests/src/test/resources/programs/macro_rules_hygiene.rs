// Hygiene of macro_rules locals: a local introduced by a macro body neither captures nor
// shadows the caller's local of the same name, and the caller's names passed in as fragments
// keep meaning the caller's locals. Items, fields and methods are not hygienic. A macro defined
// inside a function sees the locals written before it, and labels follow the same rules.

macro_rules! using_a {
    ($e:expr) => {{
        let a = 42;
        $e
    }};
}

macro_rules! swap {
    ($x:ident, $y:ident) => {
        let tmp = $x;
        $x = $y;
        $y = tmp;
    };
}

macro_rules! outer {
    ($e:expr) => {{
        let v = 1;
        inner!(v, $e)
    }};
}
macro_rules! inner {
    ($a:expr, $b:expr) => {{
        let v = 100;
        $a + $b + v
    }};
}

// A binding named by the caller is the caller's binding.
macro_rules! declare {
    ($name:ident = $v:expr) => {
        let mut $name = $v;
    };
}

struct Counter {
    count: u32,
}

impl Counter {
    fn bump(&mut self) -> u32 {
        self.count += 1;
        self.count
    }
}

// Fields and methods named in a macro body are the caller's (not hygienic).
macro_rules! bump_twice {
    ($c:expr) => {{
        $c.bump();
        $c.bump()
    }};
}

static LIMIT: u32 = 3;
macro_rules! limit {
    () => {
        LIMIT
    };
}

macro_rules! format_local {
    () => {{
        let val = 7;
        println!("val={val} {}", val);
    }};
}

fn main() {
    let a = 13;
    println!("{}", using_a!(a * 2));

    let mut p = 1;
    let mut q = 2;
    let tmp = 99;
    swap!(p, q);
    println!("{} {} {}", p, q, tmp);

    let v = 10;
    println!("{}", outer!(v));

    declare!(total = 5u32);
    total += 1;
    println!("{}", total);

    let mut c = Counter { count: 0 };
    println!("{}", bump_twice!(c));

    let LIMIT_LOCAL = limit!();
    println!("{}", LIMIT_LOCAL);

    let mut buf = [0u8; 4];
    let mut n = 0;
    macro_rules! push {
        ($b:expr) => {
            buf[n] = $b;
            n += 1;
        };
    }
    push!(3);
    push!(4);
    println!("{:?} {}", buf, n);

    format_local!();
    let val = 5;
    println!("{val}");

    'outer: for i in 0..3 {
        macro_rules! stop_at {
            ($k:expr) => {
                if i == $k {
                    break 'outer;
                }
            };
        }
        stop_at!(1);
        println!("i={}", i);
    }

    macro_rules! inner_loop {
        ($body:block) => {
            'outer: loop {
                $body;
                break 'outer;
            }
        };
    }
    let mut hits = 0;
    'outer: for _ in 0..2 {
        inner_loop!({
            hits += 1;
            continue 'outer;
        });
    }
    println!("hits={}", hits);
}
