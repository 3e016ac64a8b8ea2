// Diverging expressions (continue, break, return, panic!, loop {}) used as operands: call
// arguments, struct fields, array elements, casts, comparisons, slice bounds, match scrutinees,
// format arguments. The code after them never runs but must compile; the values before them
// must be computed.
#![allow(unreachable_code, unused_variables)]

struct P {
    x: u32,
    y: u32,
}

struct T(u32);

enum E {
    A(u32),
    B,
}

fn f(a: u32, b: u32) -> u32 {
    a + b
}

fn skips(limit: u32) -> u32 {
    let data = [1u32, 2, 3, 4];
    let mut n = 0;
    let mut sum = 0;
    while n < limit {
        n += 1;
        match n % 8 {
            1 => sum += f(1, continue),
            2 => sum += P { x: 1, y: continue }.x,
            3 => sum += [1u32, continue, 3][0],
            4 => sum += data[if n > 100 { 0 } else { continue }],
            5 => sum += (1u32, continue).0,
            6 => sum += T(continue).0,
            7 => {
                let e = E::A(continue);
                if let E::A(v) = e {
                    sum += v;
                }
            }
            _ => sum += 100,
        }
    }
    sum
}

fn early(i: u32) -> u32 {
    let data = [5u8, 6, 7];
    if i == 0 {
        return f(return 7, 2);
    }
    if i == 1 {
        let t = (1u32, return 8);
    }
    if i == 2 {
        let x = (return 11) as u8;
    }
    if i == 3 {
        let x: u32 = return 12;
    }
    if i == 4 {
        let x = -((return 13) as i32);
    }
    if i == 5 {
        let x = !(return 14u32);
    }
    if i == 6 {
        let x: u32 = { return 16 };
    }
    if i == 7 {
        let x = (return 17, 5u8).1;
    }
    if i == 8 {
        let x: &[u8] = &[1, return 18];
    }
    if i == 9 {
        let x = if return 21 { 1 } else { 2 };
    }
    if i == 10 {
        let x = match return 22u32 {
            0 => 1,
            _ => 2,
        };
    }
    if i == 11 {
        let x = P { x: return 23, ..P { x: 0, y: 0 } };
    }
    if i == 12 {
        let x = [return 24; 3];
    }
    if i == 13 {
        let x = &mut (return 25u32);
    }
    if i == 14 {
        let x = true && return 28;
    }
    if i == 15 {
        let x: u64 = (return 29u32) as u64;
    }
    if i == 16 {
        let x = &data[(return 30)..];
    }
    if i == 17 {
        let x = &data[..(return 31)];
    }
    if i == 18 {
        let x = 1u32 == return 32;
    }
    if i == 19 {
        println!("{} {}", 1, return 33);
    }
    if i == 20 {
        assert_eq!(1u32, return 34);
    }
    if i == 21 {
        let x = (return 35) as *const u8;
    }
    if i == 22 {
        let x = match return 36 {
            true => 1,
            false => 2,
        };
    }
    if i == 23 {
        let p = &0u32 as *const u32;
        let x = unsafe { p.add(return 37) };
    }
    if i == 100 {
        let x = f(1, panic!("boom"));
    }
    if i == 101 {
        let x = f(loop {}, 1);
    }
    i
}

fn breaks() -> u32 {
    let mut k = 0u32;
    let r = loop {
        k += 1;
        if k == 3 {
            let v = f(k, break k * 10);
        }
    };
    let s = 'outer: loop {
        loop {
            let arr = [k, break 'outer k + 1];
        }
    };
    r + s
}

fn main() {
    println!("{} {} {}", skips(8), skips(16), skips(3));
    for i in 0..25 {
        print!("{} ", early(i));
    }
    println!();
    println!("{}", breaks());
}
