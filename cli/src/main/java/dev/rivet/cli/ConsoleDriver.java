package dev.rivet.cli;

import dev.rivet.boards.Board;
import dev.rivet.boards.Console;
import dev.rivet.boards.InitStep;
import dev.rivet.boards.RegisterCondition;
import java.util.Locale;

/**
 * Where a program's console output goes, and the runtime's UART driver, written from the
 * board file's register description (set-up steps, data register, ready and done conditions).
 */
enum ConsoleDriver {
    SEMIHOSTING, UART, NONE;

    static ConsoleDriver parse(String s) {
        return switch (s) {
            case "semihosting" -> SEMIHOSTING;
            case "uart" -> UART;
            case "none" -> NONE;
            default -> throw new UsageError("error: unknown console `" + s + "` (semihosting, uart or none)");
        };
    }

    /** What a build for the real board uses unless told otherwise: its UART, else nothing. */
    static ConsoleDriver forHardware(Board board) {
        return board.console() instanceof Console.Uart ? UART : NONE;
    }

    /** The runtime configuration for this console; {@code emulated}: a debugger (the emulator) serves semihosting exit. */
    String[] cfg(boolean emulated) {
        return switch (this) {
            case SEMIHOSTING -> new String[0];
            case UART -> emulated ? new String[] {"rivet_console_uart"} : new String[] {"rivet_console_uart", "rivet_exit_park"};
            case NONE -> emulated ? new String[] {"rivet_console_none"} : new String[] {"rivet_console_none", "rivet_exit_park"};
        };
    }

    /** The source of the runtime's {@code uart.rs} for {@code board}. */
    static String uartSource(Board board) {
        if (!(board.console() instanceof Console.Uart u))
            throw new UserError("error: board `" + board.name() + "` has no UART console (it has " + board.console().getClass().getSimpleName()
                    .toLowerCase(Locale.ROOT) + "); use --console semihosting");
        StringBuilder s = new StringBuilder();
        s.append("//! Console on ").append(board.name()).append("'s ").append(u.peripheral()).append(" (").append(u.pins())
                .append(", ").append(u.baud()).append(" baud), written by rivet from its board file.\n\n");
        s.append("use core::ptr::{read_volatile, write_volatile};\n\n");
        s.append("fn wait(address: u32, mask: u32, value: u32) {\n    while unsafe { read_volatile(address as *const u32) } & mask != value {}\n}\n\n");
        s.append("fn write_reg(address: u32, value: u32, mask: u32) {\n    let reg = address as *mut u32;\n    unsafe {\n")
                .append("        let old = if mask == 0xffff_ffff { 0 } else { read_volatile(reg) };\n")
                .append("        write_volatile(reg, (old & !mask) | value);\n    }\n}\n\n");
        s.append("pub fn init() {\n");
        for (InitStep step : u.init()) {
            switch (step) {
                case InitStep.Write w -> s.append(String.format(Locale.ROOT, "    write_reg(0x%08X, 0x%08X, 0x%08X); // %s%n", w.address(),
                        w.value(), w.mask().orElse(0xFFFF_FFFFL), w.note()));
                case InitStep.Wait w -> s.append(String.format(Locale.ROOT, "    wait(0x%08X, 0x%08X, 0x%08X); // %s%n", w.address(), w.mask(),
                        w.value(), w.note()));
            }
        }
        s.append("}\n\npub fn write(ptr: *const u8, len: usize) {\n    let mut i = 0;\n    while i < len {\n");
        RegisterCondition r = u.txReady();
        s.append(String.format(Locale.ROOT, "        wait(0x%08X, 0x%08X, 0x%08X);%n", u.base() + r.offset(), r.mask(), r.value()));
        s.append(String.format(Locale.ROOT, "        unsafe { write_volatile(0x%08X as *mut u32, *ptr.add(i) as u32) };%n", u.txDataAddress()));
        u.txDone().ifPresent(d -> {
            s.append(String.format(Locale.ROOT, "        wait(0x%08X, 0x%08X, 0x%08X);%n", u.base() + d.offset(), d.mask(), d.value()));
            s.append(String.format(Locale.ROOT, "        unsafe { write_volatile(0x%08X as *mut u32, 0) };%n", u.base() + d.offset()));
        });
        s.append("        i += 1;\n    }\n}\n");
        return s.toString();
    }
}
