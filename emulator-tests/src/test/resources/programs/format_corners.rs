// Format corners: named arguments used positionally, precision on str, Debug of str and char
// (which ignores width, and escapes non-printable and combining characters as rustc does).
static NAMES: [&str; 3] = ["zero\u{200b}width", "bom\u{feff}", "combi\u{0301}ning"];
const C: char = '\u{e0041}';
fn pick(i: usize) -> &'static str { NAMES[i] }
fn escapes() {
    for i in 0..3 { println!("{:?} {}", pick(i), pick(i).len()); }
    let bytes = [0x41u8, 0x85, 0xa0, 0xad, 0xae, 0xff, 0x9f];
    for b in bytes { print!("{:?} ", b as char); }
    println!();
    println!("{:?} {:?} {:?}", C, '\u{10ffff}', "\u{1f600}\u{2028}");
    let s = "tail\u{0300}";
    println!("{:?} {:?}", &s[..4], &s[4..]);
}
fn main() {
    escapes();
    let w = 7;
    let name = "rivet";
    println!("[{:1$}] [{:>1$}] [{:^w$}] [{name:*>10}] [{0:-<4}{0}]", 42, 6, w = w);
    println!("[{:.3}] [{:10.2}] [{:>8.4}] [{:.0}]", "abcdef", "xyz", name, "gone");
    println!("[{:.*}] [{:>3$.4$}]", 2, "hello", "world", 9, 3);
    println!("[{:?}] [{:?}] [{:?}]", "tab\there \"q\" \\ \u{7f} \0 é \u{301} \r\n", '\'', '"');
    println!("[{:?}] [{:?}] [{:?}] [{:?}]", '\u{200b}', "\u{feff}x", 'ÿ', "\x1b[0m");
    println!("[{:10?}] [{:<8?}] [{:^9?}]", "ab", 'c', -5);
    println!("[{:+}] [{:+05}] [{:<+5}] [{:#x}] [{:#010b}] [{:#o}] [{:#X}]", 0, 7, -3, 255, 5, 8, 0xabcu16);
    println!("[{:x}] [{:#x}] [{:08x}] [{:#6x}]", -1i8, -1i32, -255i16, 10u64);
    println!("[{:5}] [{:<5}] [{:^5}] [{:>5}] [{:05}]", true, false, 'x', "é", -12);
    println!("[{:^6}] [{:^7}] [{:>3}]", "ab", "ab", "abcdef");
    println!("{{}} {{{}}} }}{{", 1);
    let x = 3; let y = 4;
    println!("{x}+{y}={} {x:>3} {y:#b} {0}", x + y);
    println!("{:?} {:?} {:?}", u64::MAX, i64::MIN, i8::MIN);
    println!("{:e>w$.p$}|", "truncate", w = 6, p = 3);
    print!("a");
    print!("{}\n", "b");
    println!("{:?}", ["a\n", "b"]);
    println!("{:?}", (1u8, ('z', false), [[1i8, -1], [0, 2]]));
    println!("{:#?}", (1u8, [2, 3]));
}
