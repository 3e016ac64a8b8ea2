package dev.rivet.cli;

import dev.rivet.boards.Boot;
import dev.rivet.emulator.FaultKind;
import dev.rivet.emulator.Machine;
import dev.rivet.emulator.RunResult;
import dev.rivet.emulator.Unwinder;
import dev.rivet.linker.LinkedImage;
import dev.rivet.linker.Section;
import java.io.OutputStream;
import java.io.PrintWriter;

/** Runs a linked image on its board in the emulator, as the board's boot ROM would start it. */
public final class EmulatorRunner {
    private EmulatorRunner() {}

    /**
     * @param budget    instructions before the run stops as hung
     * @param traceMmio print every peripheral register access
     * @param stats     print executed instructions and the peak stack depth afterwards
     */
    record Options(long budget, boolean traceMmio, boolean stats) {}

    /** The program's exit status; faults are reported on {@code err} with the function they hit. */
    public static int run(Firmware.Built fw, long maxInstructions, OutputStream stdout, OutputStream stderr, PrintWriter err) {
        return run(fw, new Options(maxInstructions, false, false), stdout, stderr, err);
    }

    static int run(Firmware.Built fw, Options o, OutputStream stdout, OutputStream stderr, PrintWriter err) {
        try (Machine m = new Machine(fw.board(), stdout, stderr)) {
            m.unwindWith(unwindRows(fw));
            long panic = panicEntry(fw);
            if (panic >= 0) m.panicEntry(panic);
            if (o.traceMmio()) m.traceMmio((write, address, size, value) -> {
                err.printf("mmio %s 0x%08x (%d bytes) %s 0x%0" + (2 * size) + "x%n", write ? "write" : "read ", address, size,
                        write ? "<-" : "->", value);
                err.flush();
            });
            StackProbe probe = o.stats() ? StackProbe.paint(m, fw.image()) : null;
            load(m, fw.image());
            RunResult r = m.run(o.budget());
            if (r instanceof RunResult.Faulted f && fw.trapPanics() && f.fault().kind() == FaultKind.UNDEFINED_INSTRUCTION) {
                // panic = "trap": the trap instruction is the panic; the line table still knows where it is
                Section.Line line = fw.image().lineAt(fw.board().linkAddress(f.fault().pc()));
                err.printf("panicked at %s:%n(panic = \"trap\": the image keeps no message)%n",
                        line != null ? line.location() : symbolize(fw, f.fault().pc()));
                err.flush();
                return 101;
            }
            if (r instanceof RunResult.Faulted f) {
                err.print(f.fault().describe(pc -> symbolize(fw, pc)));
                err.flush();
            }
            if (r instanceof RunResult.Parked p) {
                String at = symbolize(fw, p.address());
                err.printf("note: the program parked in an endless loop at %s; the run ends here (exit status %d)%n",
                        at.isEmpty() ? String.format("0x%08x", p.address()) : at, r.exitStatus());
                err.flush();
            }
            if (o.stats()) {
                err.printf("executed %d instructions%n", r.instructions());
                if (probe != null) err.printf("peak stack depth %d bytes (of %d available)%n", probe.peak(m), probe.size());
                err.flush();
            }
            return r.exitStatus();
        }
    }

    /** The address of the runtime's panic entry, {@code __rivet_panic_begin}, or -1 (see {@link Machine#panicEntry}). */
    static long panicEntry(Firmware.Built fw) {
        LinkedImage.LinkedSymbol s = fw.image().symbol("__rivet_panic_begin");
        return s == null ? -1 : s.value() & ~1L; // cores run at link addresses (the reset vector holds them)
    }

    /** Stack painting: the stack area is filled with a pattern before the run; the lowest changed byte marks the peak. */
    record StackProbe(long bottom, long top) {
        static final byte PAINT = (byte) 0xA5;

        static StackProbe paint(Machine m, LinkedImage image) {
            LinkedImage.LinkedSymbol top = image.symbol("_stack_start"), bottom = image.symbol("__ebss");
            if (top == null || bottom == null || top.value() <= bottom.value()) return null;
            StackProbe p = new StackProbe(bottom.value(), top.value());
            byte[] fill = new byte[(int) p.size()];
            java.util.Arrays.fill(fill, PAINT);
            m.load(p.bottom(), fill);
            return p;
        }

        long size() { return top - bottom; }

        long peak(Machine m) {
            byte[] now = m.peek(bottom, (int) size());
            for (int i = 0; i < now.length; i++) if (now[i] != PAINT) return size() - i;
            return 0;
        }
    }

    /** Writes every loaded section at its load address and resets the core. */
    static void load(Machine m, LinkedImage image) {
        for (LinkedImage.OutputSection s : image.sections())
            if (s.loaded()) m.load(s.lma(), s.data());
        if (m.board().boot().image() == Boot.ImageRule.ESP32_IMAGE) m.resetTo(image.entry()); // the ROM jumps to the image's entry
        else m.reset();
    }

    /** "function+0xOFFSET at file:line:col" (the line where the compiler recorded one), or "". */
    static String symbolize(Firmware.Built fw, long address) {
        LinkedImage image = fw.image();
        long pc = fw.board().linkAddress(address);
        LinkedImage.LinkedSymbol s = image.functionAt(pc);
        if (s == null) return "";
        String at = String.format("%s+0x%x", s.name(), (pc & ~1L) - (s.value() & ~1L));
        Section.Line line = image.lineAt(pc);
        return line == null ? at : at + " at " + line.location();
    }

    /** The unwind rows rivet's back ends recorded, for backtraces. */
    static Unwinder.Table unwindRows(Firmware.Built fw) {
        return pc -> {
            Section.Frame f = fw.image().frameAt(fw.board().linkAddress(pc));
            return f == null ? null : new Unwinder.CallFrame(f.cfa(), f.ra());
        };
    }
}
