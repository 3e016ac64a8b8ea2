extern "C" {
    fn fletcher16(data: *const u8, len: u32) -> u16;
    fn c_weighted(x: u32) -> u32;
    fn c_mul64(a: i64, b: i64) -> i64;
    static c_counter: u32;
}

static mut HOOK_CALLS: u32 = 0;

#[no_mangle]
pub extern "C" fn rust_block_hook(index: u32, sum: u32) -> u32 {
    unsafe { HOOK_CALLS += 1; }
    sum + index
}

fn main() {
    let data = [1u8, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    let f = unsafe { fletcher16(data.as_ptr(), data.len() as u32) };
    println!("fletcher16 = {:#06x}", f);
    println!("hook calls = {}", unsafe { HOOK_CALLS });
    for x in 0..4 {
        println!("c_weighted({}) = {}", x, unsafe { c_weighted(x) });
    }
    println!("c_counter = {}", unsafe { c_counter });
    println!("c_mul64 = {}", unsafe { c_mul64(-123456789, 1000) });
}
