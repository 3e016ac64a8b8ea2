// Indexing by a diverging expression (its type falls back to `()`), and locals of unsized type.
fn main() {
    let data = [1u32, 2, 3];
    let mut n = 0;
    while n < 3 {
        n += 1;
        let x = data[continue];
    }
    let s: &str = "abc";
    let t = *s;
    let u = data[0..1];
    let r = &data[..];
    let v = *r;
}
