package dev.rivet.cli;

import dev.rivet.boards.Board;
import dev.rivet.boards.InitStep;
import dev.rivet.boards.Led;
import java.util.Locale;

/**
 * The files {@code rivet new} writes: rivet.toml and a src/main.rs that prints, blinks the
 * board's LED through its GPIO registers when the board has one (a fixed number of times, so
 * that it also ends in the emulator), and carries one {@code #[test]}.
 */
final class ProjectTemplate {
    private ProjectTemplate() {}

    static String manifest(String name, Board board) {
        return "[package]\nname = \"" + name + "\"\nboard = \"" + board.name() + "\"\n";
    }

    static String main(String name, Board board) {
        StringBuilder s = new StringBuilder();
        s.append("// ").append(name).append(": firmware for ").append(board.description()).append(".\n");
        s.append("// Build with `rivet build`, run in the emulator with `rivet run`, test with `rivet test`.\n\n");
        board.led().ifPresentOrElse(led -> blinky(s, led), () -> hello(s, board));
        s.append("""

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
                """);
        return s.toString();
    }

    private static void hello(StringBuilder s, Board board) {
        s.append("fn main() {\n    println!(\"hello from ").append(board.name()).append("\");\n    for i in 0..toggles() {\n")
                .append("        println!(\"tick {}\", i);\n    }\n}\n");
    }

    private static void blinky(StringBuilder s, Led led) {
        s.append("/// The LED, ").append(led.name()).append(": its GPIO output register and pin.\n");
        s.append(String.format(Locale.ROOT, "const LED_OUT: u32 = 0x%08X;%nconst LED_PIN: u32 = %d;%nconst ACTIVE_LOW: bool = %b;%n%n",
                led.outputAddress(), led.pin(), led.activeLow()));
        s.append("""
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
                """);
        for (InitStep step : led.init()) {
            switch (step) {
                case InitStep.Write w -> s.append(String.format(Locale.ROOT, "    write_reg(0x%08X, 0x%08X, 0x%08X); // %s%n", w.address(),
                        w.value(), w.mask().orElse(0xFFFF_FFFFL), w.note()));
                case InitStep.Wait w -> s.append(String.format(Locale.ROOT, "    wait_reg(0x%08X, 0x%08X, 0x%08X); // %s%n", w.address(),
                        w.mask(), w.value(), w.note()));
            }
        }
        s.append("""
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
                """);
    }
}
