fn pick(a: &[u32], i: usize) -> u32 {
    a[i]
}

fn main() {
    let a = [1, 2, 3];
    println!("{}", pick(&a, 1));
    println!("{}", pick(&a, core::hint::black_box(7)));
}
