package dev.rivet.cli;

import dev.rivet.boards.Board;
import dev.rivet.boards.Boot;
import dev.rivet.boards.Console;
import dev.rivet.boards.Flashing;
import dev.rivet.boards.ImageFormat;
import dev.rivet.boards.InitStep;
import dev.rivet.boards.Led;
import dev.rivet.boards.MemoryRegion;
import dev.rivet.boards.PeripheralRange;
import java.util.List;
import java.util.stream.Collectors;

/** `rivet boards NAME`: everything the database knows about one board, as readable text. */
final class BoardPrinter {
    private BoardPrinter() {}

    static String describe(Board b) {
        StringBuilder sb = new StringBuilder();
        sb.append(b.name()).append(": ").append(b.description()).append("\n\n");
        line(sb, "chip", b.chip().name() + (b.chip().vendor().isEmpty() ? "" : " (" + b.chip().vendor() + ")"));
        line(sb, "core", b.core().id());
        line(sb, "target", b.target().triple());
        if (!b.chip().reference().isEmpty()) line(sb, "reference", b.chip().reference());
        line(sb, "flash", size(b.flashSize()));
        line(sb, "ram", size(b.ramSize()));
        sb.append("\nmemory:\n");
        for (MemoryRegion r : b.memory()) sb.append(region(r));
        if (!b.peripherals().isEmpty()) {
            sb.append("\nperipherals:\n");
            int width = b.peripherals().stream().mapToInt(p -> p.name().length()).max().orElse(0);
            for (PeripheralRange p : b.peripherals())
                sb.append(String.format("  %-" + width + "s  0x%08x  %10s%n", p.name(), p.origin(), size(p.length())));
        }
        sb.append("\nconsole:\n").append(console(b.console()));
        b.led().ifPresent(led -> sb.append("\nled:\n").append(led(led)));
        sb.append("\nboot:\n").append(boot(b.boot()));
        sb.append("\nflashing:\n").append(flashing(b.flashing()));
        line(sb, "images", "elf" + b.images().stream().map(ImageFormat::extension).map(e -> ", " + e).collect(Collectors.joining()));
        return sb.toString();
    }

    private static String region(MemoryRegion r) {
        StringBuilder s = new StringBuilder(String.format("  %-6s %-5s 0x%08x  %10s  %s", r.name(), r.kind().id(),
                r.origin(), size(r.length()), r.attributes()));
        if (!r.aliases().isEmpty())
            s.append("  also at ").append(r.aliases().stream().map(a -> String.format("0x%08x", a)).collect(Collectors.joining(", ")));
        r.viewOf().ifPresent(v -> s.append("  (view of ").append(v).append(')'));
        return s.append('\n').toString();
    }

    private static String console(Console c) {
        return switch (c) {
            case Console.Semihosting s -> "  semihosting only\n";
            case Console.Uart u -> {
                StringBuilder s = new StringBuilder();
                s.append(String.format("  %s at 0x%08x, %d baud, %s%n", u.peripheral(), u.base(), u.baud(), u.pins()));
                s.append(String.format("  transmit: write 0x%08x when (0x%08x & 0x%x) == 0x%x%n", u.txDataAddress(),
                        u.base() + u.txReady().offset(), u.txReady().mask(), u.txReady().value()));
                u.txDone().ifPresent(d -> s.append(String.format("  sent when (0x%08x & 0x%x) == 0x%x%n",
                        u.base() + d.offset(), d.mask(), d.value())));
                s.append(steps(u.init()));
                yield s.toString();
            }
        };
    }

    private static String led(Led l) {
        return String.format("  %s: pin %d of the port at 0x%08x, output register 0x%08x, active %s%n",
                l.name(), l.pin(), l.gpioBase(), l.outputAddress(), l.activeLow() ? "low" : "high") + steps(l.init());
    }

    private static String steps(List<InitStep> init) {
        StringBuilder s = new StringBuilder();
        if (!init.isEmpty()) s.append("  set-up:\n");
        for (InitStep step : init) {
            s.append(switch (step) {
                case InitStep.Write w -> w.mask().isPresent()
                        ? String.format("    0x%08x bits 0x%08x = 0x%08x", w.address(), w.mask().get(), w.value())
                        : String.format("    0x%08x = 0x%08x", w.address(), w.value());
                case InitStep.Wait w -> String.format("    wait until (0x%08x & 0x%08x) == 0x%08x", w.address(), w.mask(), w.value());
            });
            if (!step.note().isEmpty()) s.append("   ").append(step.note());
            s.append('\n');
        }
        return s.toString();
    }

    private static String boot(Boot boot) {
        String s = switch (boot) {
            case Boot.CortexM m -> String.format("  Cortex-M vector table at 0x%08x%n", m.vectorTable());
            case Boot.Riscv r -> String.format("  RISC-V reset at 0x%08x, traps via %s%n", r.resetAddress(), r.trap().id());
        };
        if (boot.image() != Boot.ImageRule.PLAIN) s += "  image rule: " + boot.image().id() + "\n";
        String notes = boot instanceof Boot.CortexM m ? m.notes() : ((Boot.Riscv) boot).notes();
        return notes.isEmpty() ? s : s + "  " + notes + "\n";
    }

    private static String flashing(Flashing f) {
        return switch (f) {
            case Flashing.Stm32Usart s -> String.format("  STM32 USART bootloader (AN3155), %d baud 8E1, product id 0x%03x, "
                    + "erase unit %s%n  to enter: %s%n", s.baud(), s.productId(), size(s.pageSize()), s.enter());
            case Flashing.EspRom e -> String.format("  Espressif ROM loader, %d baud, image at flash offset 0x%x%n  to enter: %s%n",
                    e.baud(), e.imageOffset(), e.enter());
            case Flashing.MassStorage m -> String.format("  copy the .%s file to the %s drive%s%n%s", m.image().extension(), m.volume(),
                    m.familyId() != 0 ? String.format(" (UF2 family 0x%08x)", m.familyId()) : "",
                    m.enter().isEmpty() ? "" : "  to enter: " + m.enter() + "\n");
            case Flashing.External x -> String.format("  not by rivet: use %s%n%s", x.tool(), x.hint().isEmpty() ? "" : "  " + x.hint() + "\n");
        };
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format("%-10s %s%n", key + ":", value));
    }

    /** "64 KiB", "2 MiB", "1000 B". */
    static String size(long bytes) {
        if (bytes % (1 << 20) == 0) return bytes / (1 << 20) + " MiB";
        if (bytes % 1024 == 0) return bytes / 1024 + " KiB";
        if (bytes > 10 * 1024) return String.format("%.1f KiB", bytes / 1024.0);
        return bytes + " B";
    }
}
