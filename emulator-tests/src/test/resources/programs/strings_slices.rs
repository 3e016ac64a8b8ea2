// &str, byte strings, slices, sub-slicing and .len().
static GREETING: &str = "hello, world";
static NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
static BYTES: &[u8] = b"\x01\x02\x03\xff";
const LONG_AND_SHORT: [&[u8]; 2] = [b"abc", b"de"];

fn sum(values: &[u32]) -> u32 {
    let mut total = 0;
    for i in 0..values.len() {
        total += values[i];
    }
    total
}

fn count_vowels(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut n = 0;
    for i in 0..bytes.len() {
        match bytes[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => n += 1,
            _ => {}
        }
    }
    n
}

fn first_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b' ' || bytes[i] == b',' {
            return &s[..i];
        }
    }
    s
}

fn fill(buf: &mut [u8], value: u8) {
    for i in 0..buf.len() {
        buf[i] = value + i as u8;
    }
}

fn main() {
    println!("{} ({} bytes)", GREETING, GREETING.len());
    println!("vowels: {}", count_vowels(GREETING));
    println!("first word: {}", first_word(GREETING));
    println!("{}", &GREETING[7..]);
    println!("{}", &GREETING[7..12]);
    println!("day 3 = {}", NAMES[3]);
    let data = [1u32, 2, 3, 4, 5, 6];
    println!("sum all = {}, middle = {}", sum(&data), sum(&data[1..5]));
    println!("sum incl = {}", sum(&data[..=2]));
    let mut buf = [0u8; 5];
    fill(&mut buf, 10);
    fill(&mut buf[3..], 100);
    println!("{} {} {} {} {}", buf[0], buf[1], buf[2], buf[3], buf[4]);
    println!("{} {}", BYTES.len(), BYTES[3]);
    println!("{} {}", LONG_AND_SHORT[0].len(), LONG_AND_SHORT[1].len());
    let copied = *b"xyz";
    println!("{}", copied[2] as char);
    let s: &str = "ünïcödé";
    println!("{} bytes", s.len());
    println!("{}", s.is_empty());
    let empty: &[u32] = &[];
    println!("{}", sum(empty));
    let t = "abc" == "abc";
    let u = first_word("hi there") != "hi";
    println!("{} {}", t, u);
}
