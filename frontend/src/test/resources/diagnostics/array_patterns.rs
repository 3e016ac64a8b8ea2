enum Shape {
    Dot,
    Line(u32),
}

struct Wrap(u8);

fn first([a, ..]: [u8; 4], Wrap(w): Wrap) -> u8 {
    a + w
}

fn line(Shape::Line(n): Shape) -> u32 {
    n
}

fn main() {
    let a = [1u8, 2, 3, 4];
    let [x, .., y] = a;
    let [p, .., q, ..] = a;
    let [b, c, d, e, f, ..] = a;
    let [g, h] = a;
    let [i, rest @ ..] = a;
    let s: &[u8] = &a;
    match s {
        [m, ..] => {}
        _ => {}
    }
    let [j, k] = s;
    let [l, tail @ ..] = *s;
    let &[n, ..] = s else { return };
    let 3 = x;
    let Shape::Dot = Shape::Line(2);
    for (o, 1) in [(1u8, 2u8)] {}
    let (Shape::Dot | Shape::Line(_), (t, _)) = (Shape::Dot, (1, 2));
    let s: &str = "x";
    let "x" = s;
}
