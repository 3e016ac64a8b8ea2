// blinky_longan_nano: firmware for Sipeed Longan Nano, GD32VF103CBT6.
// Build with `rivet build`, run in the emulator with `rivet run`, test with `rivet test`.

/// The LED, PC13 (red): its GPIO output register and pin.
const LED_OUT: u32 = 0x4001100C;
const LED_PIN: u32 = 13;
const ACTIVE_LOW: bool = true;

/// Writes the bits of `mask` in a register to `value`, keeping the others.
fn write_reg(address: u32, value: u32, mask: u32) {
    let reg = address as *mut u32;
    unsafe {
        let old = if mask == 0xffff_ffff { 0 } else { core::ptr::read_volatile(reg) };
        core::ptr::write_volatile(reg, (old & !mask) | value);
    }
}

/// Waits until the bits of `mask` in a register read `value`.
fn wait_reg(address: u32, mask: u32, value: u32) {
    while unsafe { core::ptr::read_volatile(address as *const u32) } & mask != value {}
}

fn led_init() {
    write_reg(0x40021018, 0x00000010, 0x00000010); // RCU_APB2EN: PCEN
    write_reg(0x40011004, 0x00200000, 0x00F00000); // GPIOC_CTL1: PC13 push-pull output, 2 MHz
}

fn led_set(on: bool) {
    let level = on != ACTIVE_LOW;
    write_reg(LED_OUT, if level { 1 << LED_PIN } else { 0 }, 1 << LED_PIN);
}

fn delay(n: u32) {
    for i in 0..n {
        core::hint::black_box(i);
    }
}

fn main() {
    led_init();
    let mut on = false;
    for _ in 0..toggles() {
        on = !on;
        led_set(on);
        println!("LED {}", if on { "on" } else { "off" });
        delay(1000);
    }
}

/// How many times the LED changes state before the program ends.
fn toggles() -> u32 {
    6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blinks_an_even_number_of_times() {
        assert_eq!(toggles() % 2, 0);
    }
}
