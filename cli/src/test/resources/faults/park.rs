#![no_std]
#![no_main]

use cortex_m_rt::entry;

static mut COUNT: u32 = 0;

#[entry]
fn main() -> ! {
    for i in 0..5 {
        unsafe { COUNT += i; }
    }
    println!("count {}", unsafe { COUNT });
    loop {}
}
