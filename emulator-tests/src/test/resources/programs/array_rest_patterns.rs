fn head(xs: &[u8; 4]) -> u32 {
    let [a, b, .., d] = *xs;
    (a as u32) << 16 | (b as u32) << 8 | d as u32
}

fn kind(xs: [i16; 5]) -> &'static str {
    match xs {
        [0, ..] => "starts with zero",
        [.., 9] => "ends with nine",
        [x, .., y] if x == y => "same ends",
        [_, 1 | 2, ..] => "second small",
        [..] => "other",
    }
}

fn mid(r: &[u32; 3]) -> u32 {
    let &[_, m, _] = r;
    m
}

fn main() {
    println!("{}", head(&[9, 8, 7, 6]));
    println!("{}", kind([0, 1, 2, 3, 4]));
    println!("{}", kind([5, 1, 2, 3, 9]));
    println!("{}", kind([5, 1, 2, 3, 5]));
    println!("{}", kind([5, 2, 2, 3, 4]));
    println!("{}", kind([5, 3, 2, 3, 4]));
    println!("{}", mid(&[1, 2, 3]));
    let [first, .., last] = [1u64 << 40, 2, 3, 4, 5, u64::MAX];
    println!("{first} {last}");
    let [.., only] = [7u8];
    let [lone, ..] = [8u8];
    println!("{only} {lone}");
}
