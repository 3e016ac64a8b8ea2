// hello: the first program to run. It prints through the board's console (semihosting in the
// emulator) and shows a little of the Rust that rivet compiles: structs, enums, match, slices,
// loops and formatting.
//
//     ./rivet run examples/hello                          # Cortex-M3 (lm3s6965evb) in the emulator
//     ./rivet run --board esp32c3-devkitm examples/hello  # the same program on RISC-V

#[derive(Clone, Copy)]
enum Shape {
    Square(u32),
    Rect { w: u32, h: u32 },
}

impl Shape {
    fn area(&self) -> u32 {
        match *self {
            Shape::Square(s) => s * s,
            Shape::Rect { w, h } => w * h,
        }
    }
}

/// The index of the shape with the largest area (the first, on a tie).
fn largest(shapes: &[Shape]) -> usize {
    let mut best = 0;
    for i in 1..shapes.len() {
        if shapes[i].area() > shapes[best].area() {
            best = i;
        }
    }
    best
}

fn main() {
    println!("hello from rivet!");
    let shapes = [Shape::Square(3), Shape::Rect { w: 2, h: 7 }, Shape::Square(4)];
    let mut total = 0;
    for s in shapes.iter() {
        total += s.area();
    }
    println!("{} shapes, total area {}", shapes.len(), total);
    let i = largest(&shapes);
    println!("largest: shape {} with area {}", i, shapes[i].area());
    println!("{:>8}|{:<8}|{:^8}|", "right", "left", "mid");
    println!("hex {:#010x}, binary {:b}", 0xbeefu32, 5u8);
}
