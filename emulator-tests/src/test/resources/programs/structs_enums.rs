// Structs, tuple structs, unit structs, impl blocks, enums with data, match.
#[derive(Clone, Copy)]
struct Dummy;

struct Point {
    x: i32,
    y: i32,
}

impl Point {
    fn new(x: i32, y: i32) -> Self {
        Point { x, y }
    }

    fn manhattan(&self) -> i32 {
        self.x.abs() + self.y.abs()
    }

    fn translate(&mut self, dx: i32, dy: i32) {
        self.x += dx;
        self.y += dy;
    }

    fn swapped(self) -> Point {
        Point { x: self.y, y: self.x }
    }
}

struct Meters(u32);

enum Shape {
    Circle { radius: u32 },
    Rect(u32, u32),
    Empty,
}

impl Shape {
    fn area(&self) -> u32 {
        match self {
            Shape::Circle { radius } => 3 * radius * radius,
            Shape::Rect(w, h) => w * h,
            Shape::Empty => 0,
        }
    }
}

#[derive(Clone, Copy)]
enum Color {
    Red = 1,
    Green = 2,
    Blue = 4,
}

fn main() {
    let mut p = Point::new(3, -4);
    println!("manhattan = {}", p.manhattan());
    p.translate(10, 1);
    println!("p = ({}, {})", p.x, p.y);
    let q = p.swapped();
    println!("q = ({}, {})", q.x, q.y);
    let m = Meters(12);
    println!("meters = {}", m.0);
    let shapes = [Shape::Circle { radius: 2 }, Shape::Rect(3, 5), Shape::Empty];
    let mut total = 0;
    for i in 0..3 {
        total += shapes[i].area();
    }
    println!("total area = {}", total);
    let c = Color::Blue;
    println!("color = {}", c as u8);
    let name = match c {
        Color::Red => "red",
        Color::Green => "green",
        Color::Blue => "blue",
    };
    println!("name = {}", name);
}
