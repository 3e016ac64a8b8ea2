// Assigning or borrowing `&mut` needs a mutable place, as rustc's borrow checker says.
struct P { a: u32, t: (u8, u8) }
static LIMIT: u32 = 10;
static mut COUNT: u32 = 0;

impl P {
    fn bump(&mut self) { self.a += 1; }
    fn peek(&self) -> u32 { self.a }
}

fn through_shared(p: &P) { p.a += 1; }
fn through_shared_method(p: &P) { p.bump(); }
fn through_mut(p: &mut P) { p.a += 1; p.t.0 = 2; p.bump(); }
fn through_const(p: *const u32) { unsafe { *p = 1; } }
fn through_raw_mut(p: *mut u32) { unsafe { *p = 1; } }
fn argument(n: u32) -> u32 { n = 5; n }

fn main() {
    let x = 5;
    x = 6;
    let later;
    later = 7;
    let v = [1, 2, 3];
    v[0] = 9;
    let p = P { a: 1, t: (0, 0) };
    p.a = 3;
    p.t.1 += 1;
    p.bump();
    let m = &mut p;
    let r = &p;
    r.a = 4;
    LIMIT = 11;
    unsafe { COUNT += 1; }
    let mut q = P { a: 0, t: (0, 0) };
    q.bump();
    through_mut(&mut q);
    println!("{} {} {:?} {} {} {} {}", x, later, v, m.a, p.peek(), q.a, argument(1));
}
