trait Shape {
    fn area(&self) -> u32;
}

struct Sq(u32);

impl Shape for Sq {
    fn area(&self) -> u32 {
        self.0 * self.0
    }
}

fn generic<T>(x: T) -> T {
    x
}

struct Ring<const N: usize> {
    head: usize,
}

fn main() {
    let r = Ring::<3> { head: 0 };
    let q = Ring::<-1> { head: 1 };
    let f = |x: u32| x + 1;
    let v = 1.5;
    let o: Option<u32> = None;
}
