package dev.rivet.cli;

import dev.rivet.boards.Board;
import dev.rivet.linker.LinkedImage;
import dev.rivet.linker.SizeReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivet size}: where the firmware's bytes go. */
@Command(name = "size", description = {"Build a program and show its size.",
    "Flash and RAM against the board's capacity, per output section and per function. --from SYM counts only what SYM needs (its code and read-only data),",
    "listing library routines (runtime, memcpy, division helpers) separately, as the benchmark tables do."})
final class SizeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "the program's root .rs file, or a project directory with rivet.toml")
    Path file;

    @Mixin
    PanicOption panic;

    @Option(names = "--board", paramLabel = "BOARD", description = "board to build for (default: " + Firmware.DEFAULT_BOARD + ")")
    String board;

    @Option(names = "--target", paramLabel = "TRIPLE", description = "build for the generic virt machine of this target")
    String target;

    @Option(names = "--from", paramLabel = "SYMBOL", description = "count only what SYMBOL needs")
    String from;

    @Option(names = "--all", description = "list every symbol, not only the 20 largest")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Project project = Project.resolve(file).withPanic(panic.strategy);
        Board b = Firmware.selectBoard(board != null || target != null ? board : project.board(), target);
        Firmware.Built fw = Firmware.build(project, b, dev.rivet.frontend.Frontend.Mode.PROGRAM, ConsoleDriver.forHardware(b), false, err);
        if (fw == null) return Main.EXIT_FAILURE;
        if (from != null) {
            SizeReport.Closure c = SizeReport.closure(List.of(fw.object()), from, SizeCommand::isLibrary, fw.image());
            out.printf("%s on %s: %d bytes (.text %d + .rodata %d)%n", from, b.target().triple(), c.ownText() + c.ownRodata(),
                    c.ownText(), c.ownRodata());
            for (Map.Entry<String, Long> e : c.library().entrySet()) out.printf("  library: %-28s %6d%n", e.getKey(), e.getValue());
            out.flush();
            return Main.EXIT_OK;
        }
        LinkedImage image = fw.image();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SECTION", "ADDRESS", "LOAD", "SIZE"});
        for (LinkedImage.OutputSection s : image.sections())
            if (s.size() > 0) rows.add(new String[] {s.name(), hex(s.vma()), hex(s.lma()), Long.toString(s.size())});
        out.print(TextTable.render(rows, 3));
        SizeReport.Use use = SizeReport.use(image, b);
        out.printf("flash: %d of %d bytes (%.1f%%)%n", use.flash(), b.flashSize(), percent(use.flash(), b.flashSize()));
        out.printf("RAM:   %d of %d bytes (%.1f%%) for static data; the stack takes the rest%n", use.ram(), b.ramSize(),
                percent(use.ram(), b.ramSize()));
        List<LinkedImage.LinkedSymbol> syms = SizeReport.bySize(image);
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"SIZE", "KIND", "SYMBOL"});
        for (LinkedImage.LinkedSymbol s : all ? syms : syms.subList(0, Math.min(20, syms.size())))
            table.add(new String[] {Long.toString(s.size()), s.function() ? "code" : "data", s.name()});
        out.println();
        out.print(TextTable.render(table, 0));
        out.flush();
        return Main.EXIT_OK;
    }

    /**
     * Routines a C toolchain would take from its libraries: rivet's runtime crate and the helpers.
     * The shared save/restore routines are not among them: the back end outlines them from the
     * program's own prologues only where that makes the program smaller, so they count with it.
     */
    static boolean isLibrary(String name) {
        if (name.startsWith("__rivet_save_") || name.startsWith("__rivet_restore_")) return false;
        return name.startsWith("rt.") || name.startsWith("__") || name.startsWith("mem");
    }

    private static String hex(long v) { return String.format("0x%08x", v); }

    private static double percent(long used, long of) { return of == 0 ? 0 : 100.0 * used / of; }
}
