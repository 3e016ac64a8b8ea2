// Raw pointers to slices and str keep their length through casts (they lost it before).
fn main() {
    let mut b = [1u8, 2, 3];
    let p = &mut b[..] as *mut [u8] as *const [u8];
    let s: &[u8] = unsafe { &*p };
    println!("{:?} {}", s, s.len());
    let q = "hey" as *const str as *const [u8];
    println!("{:?}", unsafe { &*q });
    let first = p as *const u8;
    println!("{}", unsafe { *first.add(2) });
}
