// {:?} of arrays, slices, tuples and nested arrays, plain and pretty ({:#?}), with flags applied per element.
fn main() {
    let a = [1u32, 2, 3];
    let s: &[i8] = &[-1, 2];
    let e: [u8; 0] = [];
    let t = (1u8, "hi", 'c', true);
    let n = [[1u16, 2], [3, 4]];
    println!("{:?} {:?} {:?} {:?} {:?}", a, s, e, t, n);
    println!("{:#?}", n);
    println!("{:#?}", (5, [6u8]));
    println!("{:x?} {:#04X?} {:5?}", a, [255u8, 16], (7,));
    let names = ["ab", "c\"d"];
    println!("{:?} {:?}", names, &names[1..]);
    assert_eq!(a, [1, 2, 3]);
    println!("{:?}", ());
}
