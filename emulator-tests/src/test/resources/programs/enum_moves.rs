#[derive(Clone, Copy, PartialEq)]
enum Shape { Empty, Circle(u32), Rect(u16, u16), Tri(u8, u8, u8) }

#[derive(Clone, Copy)]
struct Tagged { id: u8, shape: Shape, weight: u32 }

fn area(s: Shape) -> u32 {
    match s {
        Shape::Empty => 0,
        Shape::Circle(r) => 3 * r * r,
        Shape::Rect(w, h) => w as u32 * h as u32,
        Shape::Tri(a, b, c) => a as u32 + b as u32 + c as u32,
    }
}

fn make(k: u32) -> Shape {
    match k % 4 {
        0 => Shape::Empty,
        1 => Shape::Circle(k),
        2 => Shape::Rect(k as u16, (k * 2) as u16),
        _ => Shape::Tri(k as u8, 1, 2),
    }
}

fn swap_shapes(a: &mut Shape, b: &mut Shape) {
    let t = *a;
    *a = *b;
    *b = t;
}

fn main() {
    let mut total = 0u32;
    let mut prev = Shape::Empty;
    for k in 0..12u32 {
        let s = make(k);
        let old = prev;
        prev = s;
        if old == s { total += 1000; }
        total = total.wrapping_add(area(s) ^ area(old));
    }
    println!("total {}", total);
    let mut a = Shape::Rect(3, 4);
    let mut b = Shape::Tri(1, 2, 3);
    let copy_a = a;
    swap_shapes(&mut a, &mut b);
    println!("{} {} {}", area(a), area(b), area(copy_a));
    let mut items = [Tagged { id: 0, shape: Shape::Empty, weight: 0 }; 4];
    for i in 0..4 {
        items[i] = Tagged { id: i as u8, shape: make(i as u32 + 5), weight: i as u32 * 10 };
    }
    let first = items[0];
    items[0].shape = Shape::Circle(9);
    let mut sum = 0;
    for it in items { sum += area(it.shape) + it.weight + it.id as u32; }
    println!("sum {} first {} {}", sum, area(first.shape), first.id);
    let mut state = Shape::Empty;
    let mut n = 0u32;
    while n < 20 {
        state = match state {
            Shape::Empty => Shape::Circle(n),
            Shape::Circle(r) if r > 5 => Shape::Rect(r as u16, 2),
            Shape::Circle(r) => Shape::Circle(r + 3),
            Shape::Rect(w, h) => Shape::Tri(w as u8, h as u8, n as u8),
            Shape::Tri(..) => Shape::Empty,
        };
        n += 1;
        print!("{} ", area(state));
    }
    println!();
}
