// Raw pointers, volatile access, core::mem and core::ptr helpers.
use core::ptr;

struct Pair {
    a: u32,
    b: u32,
}

fn main() {
    let mut x: u32 = 5;
    let p: *mut u32 = &mut x;
    unsafe {
        *p += 1;
        ptr::write_volatile(p, ptr::read_volatile(p) * 10);
    }
    println!("x = {}", x);
    let arr = [10u16, 20, 30, 40];
    let base = arr.as_ptr();
    unsafe {
        println!("{} {}", *base.add(2), *base.offset(3));
    }
    let mut pair = Pair { a: 1, b: 2 };
    let pp: *mut Pair = &mut pair;
    unsafe {
        (*pp).a = 100;
        let rb = &(*pp).b;
        println!("{} {}", (*pp).a, *rb);
    }
    let mut m = 1;
    let mut n = 2;
    core::mem::swap(&mut m, &mut n);
    println!("{} {}", m, n);
    let old = core::mem::replace(&mut m, 9);
    println!("{} {}", old, m);
    println!("{} {} {}", core::mem::size_of::<u64>(), core::mem::size_of::<(u8, u32)>(), core::mem::size_of::<[u16; 3]>());
    let null: *const u8 = ptr::null();
    println!("{}", null.is_null());
    let addr = 0x4000_0000usize as *mut u32;
    println!("{}", addr as usize == 0x4000_0000);
}
