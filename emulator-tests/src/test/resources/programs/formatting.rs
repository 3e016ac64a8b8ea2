// println! format specs: width, fill, alignment, sign, alternate forms, radixes, debug, positional and named.
fn main() {
    let n = 255;
    let neg = -42i32;
    println!("[{}] [{:5}] [{:<5}] [{:^5}] [{:>5}]", n, n, n, n, n);
    println!("[{:x}] [{:X}] [{:o}] [{:b}]", n, n, n, n);
    println!("[{:#x}] [{:#X}] [{:#o}] [{:#b}]", n, n, n, n);
    println!("[{:#010x}] [{:08b}] [{:+}] [{:+05}]", n, 5u8, n, 7);
    println!("[{}] [{:x}] [{:#x}] [{:08}]", neg, neg, neg, neg);
    println!("[{:*^9}] [{:-<7}] [{:>>6}]", "mid", "left", "r");
    println!("[{:^+7}] [{:<+6}]", 12, -3);
    println!("{0} {1} {0} {name}", "a", "b", name = "c");
    let width = 6;
    let value = 42;
    println!("[{:1$}] [{:>width$}] [{value:>4}]", 7, 5, width = width);
    println!("[{:.3}] [{:8.2}] [{:<8.2}|]", "abcdef", "abcdef", "xyz");
    println!("{:?} {:?} {:?}", "quote\"d\ttab\n", 'c', '\'');
    println!("{:?} {:?}", "back\\slash", '"');
    println!("{} {:?} {}", true, false, 'Z');
    println!("{{literal braces}} {}", 1);
    println!("{:5}|{:<5}|{:^5}|", 'x', true, "é");
    println!("{:x?} {:X?}", 255u8, 3054u32);
    println!("{}", u64::MAX);
}
