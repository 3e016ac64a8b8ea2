// A binding nothing gives a type to is an error (rustc E0282), not a crash in lowering.
fn main() {
    let unit;
    let _ = unit;
    let copied = unit;
    let late;
    late = 5;
    let n: u32 = late;
    println!("{}", n);
    let _ = copied;
}
