fn main() {
    let a = [1u8, 2, 3, 4];
    let [x, .., y] = a;
    let [p, .., q, ..] = a;
    let [b, c, d, e, f, ..] = a;
    let [g, h] = a;
    let [i, rest @ ..] = a;
    let s: &[u8] = &a;
    match s {
        [m, ..] => {}
        _ => {}
    }
}
