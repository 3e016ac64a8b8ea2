// A static mut ring buffer driven through its methods, and read-modify-write of "registers" in
// RAM through volatile pointers from addr_of_mut! (imported by use).
use core::ptr::{read_volatile, write_volatile, addr_of_mut};
struct Fifo { buf: [u16; 8], head: u8, tail: u8 }
impl Fifo {
    const fn new() -> Fifo { Fifo { buf: [0; 8], head: 0, tail: 0 } }
    fn push(&mut self, v: u16) -> bool {
        let next = (self.head + 1) & 7;
        if next == self.tail { return false; }
        self.buf[self.head as usize] = v; self.head = next; true
    }
    fn pop(&mut self) -> Option_ { if self.head == self.tail { Option_::Empty } else { let v = self.buf[self.tail as usize]; self.tail = (self.tail + 1) & 7; Option_::Val(v) } }
}
enum Option_ { Empty, Val(u16) }
static mut FIFO: Fifo = Fifo { buf: [0; 8], head: 0, tail: 0 };
static mut REGS: [u32; 4] = [0; 4];
fn reg_set_bits(i: usize, mask: u32) {
    unsafe {
        let p = (addr_of_mut!(REGS) as *mut u32).add(i);
        let v = read_volatile(p);
        write_volatile(p, v | mask);
    }
}
fn main() {
    unsafe {
        for k in 0..10u16 { if !FIFO.push(k * 11) { print!("full@{} ", k); } }
        println!();
        while let Option_::Val(v) = FIFO.pop() { print!("{} ", v); }
        println!();
    }
    for i in 0..4 { reg_set_bits(i, 1 << i); reg_set_bits(i, 0x100); }
    let snapshot = unsafe { REGS };
    println!("{:x?}", snapshot);
    let total: u32 = { let mut t = 0; for r in snapshot { t += r; } t };
    println!("{:#x}", total);
}
