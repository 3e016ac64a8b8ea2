#[inline(never)]
fn poke(p: u32, v: u32) {
    unsafe { core::ptr::write_volatile(p as *mut u32, v); }
}

#[inline(never)]
fn middle(p: u32) {
    poke(p, 1);
    poke(p + 4, 2);
}

fn main() {
    println!("start");
    middle(0x7000_0000);
    println!("end");
}
