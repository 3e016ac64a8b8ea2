// == on arrays, slices and tuples (compared field by field where they have padding), and on
// structs and enums that derive PartialEq (an enum's fields are read only under its variant).
use core::hint::black_box;
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode { Idle, Run = 5, Stop }
#[derive(Clone, Copy, PartialEq)]
enum Msg { Quit, Move { x: i32, y: i32 }, Write(&'static str), Color(u8, u8, u8), Nested(Mode) }
#[derive(Clone, Copy, PartialEq)]
struct Pt { x: i16, tag: u8, name: &'static str }
#[derive(PartialEq)]
struct Wrap([Pt; 2], (u8, u32));
fn main() {
    let m = black_box(Mode::Run);
    println!("{} {} {}", m == Mode::Run, m != Mode::Idle, Mode::Stop == m);
    let msgs = [Msg::Quit, Msg::Move { x: 1, y: -2 }, Msg::Write("hi"), Msg::Color(1, 2, 3), Msg::Nested(Mode::Stop)];
    let probes = [Msg::Quit, Msg::Move { x: 1, y: 2 }, Msg::Move { x: 1, y: -2 }, Msg::Write("hi"), Msg::Write("ho"),
                  Msg::Color(1, 2, 3), Msg::Color(1, 2, 4), Msg::Nested(Mode::Stop), Msg::Nested(Mode::Idle)];
    for p in &probes {
        let mut hits = 0;
        for i in 0..msgs.len() { if msgs[i] == *p { hits += 1 << i; } }
        print!("{} ", hits);
    }
    println!();
    let a = Pt { x: -3, tag: 7, name: "a" };
    let b = Pt { x: -3, tag: 7, name: "a" };
    let c = Pt { name: "b", ..a };
    println!("{} {} {}", a == b, a == c, &a != &c);
    let w1 = Wrap([a, b], (1, 2));
    let w2 = Wrap([a, b], (1, black_box(2)));
    let w3 = Wrap([a, c], (1, 2));
    println!("{} {}", w1 == w2, w1 == w3);
    let s1: &[Pt] = &[a, b, c];
    let s2: &[Pt] = &[a, b, c];
    let s3: &[Pt] = &[a, b];
    let e: &[Pt] = &[];
    println!("{} {} {} {}", s1 == s2, s1 == s3, e == &s3[..0], &s1[1..] == &s2[..2]);
    let t1 = [(1u8, 1000u32), (2, 2000)];
    let t2 = [(1u8, 1000u32), (2, black_box(2000))];
    println!("{}", t1 == t2);
}
