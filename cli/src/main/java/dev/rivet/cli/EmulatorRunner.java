package dev.rivet.cli;

import dev.rivet.boards.Boot;
import dev.rivet.emulator.Machine;
import dev.rivet.emulator.RunResult;
import dev.rivet.linker.LinkedImage;
import java.io.OutputStream;
import java.io.PrintWriter;

/** Runs a linked image on its board in the emulator, as the board's boot ROM would start it. */
public final class EmulatorRunner {
    private EmulatorRunner() {}

    /** The program's exit status; faults are reported on {@code err} with the function they hit. */
    public static int run(Firmware.Built fw, long maxInstructions, OutputStream stdout, OutputStream stderr, PrintWriter err) {
        try (Machine m = new Machine(fw.board(), stdout, stderr)) {
            load(m, fw.image());
            RunResult r = m.run(maxInstructions);
            if (r instanceof RunResult.Faulted f) {
                err.print(f.fault().describe(pc -> symbolize(fw.image(), pc)));
                err.flush();
            }
            return r.exitStatus();
        }
    }

    /** Writes every loaded section at its load address and resets the core. */
    static void load(Machine m, LinkedImage image) {
        for (LinkedImage.OutputSection s : image.sections())
            if (s.loaded()) m.load(s.lma(), s.data());
        if (m.board().boot().image() == Boot.ImageRule.ESP32_IMAGE) m.resetTo(image.entry()); // the ROM jumps to the image's entry
        else m.reset();
    }

    static String symbolize(LinkedImage image, long pc) {
        LinkedImage.LinkedSymbol s = image.functionAt(pc);
        if (s == null) return "";
        return String.format("%s+0x%x", s.name(), (pc & ~1L) - (s.value() & ~1L));
    }
}
