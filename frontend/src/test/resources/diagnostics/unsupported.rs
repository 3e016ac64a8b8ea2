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

fn main() {
    let f = |x: u32| x + 1;
    let v = 1.5;
    let o: Option<u32> = None;
}
