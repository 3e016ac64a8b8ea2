#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[riscv_rt::entry]
fn main() -> ! {
    println!("before");
    let v = core::hint::black_box(7u32);
    if v > 3 {
        panic!("too big: {}", v);
    }
    loop {}
}

#[panic_handler]
fn on_panic(_info: &PanicInfo) -> ! {
    println!("handler");
    loop {}
}
