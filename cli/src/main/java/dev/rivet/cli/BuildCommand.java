package dev.rivet.cli;

import dev.rivet.boards.Board;
import dev.rivet.frontend.Frontend;
import dev.rivet.ir.Printer;
import dev.rivet.ir.TargetTriple;
import dev.rivet.ir.pass.PassManager;
import dev.rivet.linker.MapFile;
import dev.rivet.codegen.asm.Listing;
import dev.rivet.linker.ObjectFile;
import dev.rivet.linker.SizeReport;
import dev.rivet.linker.elf.ExecutableWriter;
import dev.rivet.linker.elf.RelocatableWriter;
import dev.rivet.linker.image.FirmwareImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivet build}: compile and link a program into the board's image files. */
@Command(name = "build", description = {"Compile and link a program into firmware images.",
    "Writes NAME.elf and the board's image files (.bin, .hex, .uf2; ESP boards: the ROM image as .bin) under",
    "target/BOARD/ next to the project (or the .rs file), or as OUT.* with -o OUT. Extra relocatable objects",
    "(.o from GNU gcc or as) given after PATH, or listed in rivet.toml, are linked in."})
final class BuildCommand implements Callable<Integer> {
    enum Emit { ir, obj, asm, elf, images, map }

    @Parameters(index = "0", paramLabel = "PATH", description = "the program's root .rs file, or a project directory with rivet.toml")
    Path file;

    @Parameters(index = "1..*", paramLabel = "OBJECT", description = "ELF relocatable objects to link with the program")
    List<Path> objects = new ArrayList<>();

    @Option(names = "--emit", paramLabel = "KIND", split = ",",
            description = "what to write (default: elf,images): ir (the optimised IR), obj (rivet's relocatable object), "
                    + "asm (an annotated assembly listing of that object), elf, images (the board's .bin/.hex/.uf2 or ESP image), map (the link map)")
    List<Emit> emit;

    @Option(names = "--target", paramLabel = "TRIPLE", description = "target triple (see `rivet boards`)")
    String target;

    @Mixin
    PanicOption panic;

    @Option(names = "--board", paramLabel = "BOARD", description = "board to build for (default: the project's, else " + Firmware.DEFAULT_BOARD + ")")
    String board;

    @Option(names = "--console", paramLabel = "KIND",
            description = "where println! goes: uart (default when the board has one), semihosting (needs a debugger or the emulator), none")
    String console;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "output path: files are PATH.elf, PATH.bin, …; for ir, obj and asm the file itself (ir, asm: standard output when absent)")
    Path output;

    @Option(names = "--dump-after", paramLabel = "PASS",
            description = "print the IR after each run of an optimisation pass (globaldce, sroa, mem2reg, sccp, combine, gvn, simplifycfg, dce, inline), or the machine code after isel, deadcode, coalesce, regalloc or layout (with --emit obj)")
    String dumpAfter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<String> machinePasses = dev.rivet.codegen.CodeGenerator.PASSES.stream().map(p -> p[0]).toList();
        if (dumpAfter != null && !PassManager.passNames().contains(dumpAfter) && !machinePasses.contains(dumpAfter))
            throw new UsageError("error: unknown pass `" + dumpAfter + "` (known: " + String.join(", ", PassManager.passNames().stream().sorted().toList())
                    + ", " + String.join(", ", machinePasses) + ")");
        Project project = Project.resolve(file).withObjects(objects).withPanic(panic.strategy);
        List<Emit> kinds = emit == null || emit.isEmpty() ? List.of(Emit.elf, Emit.images) : emit;
        boolean single = kinds.contains(Emit.ir) || kinds.contains(Emit.obj) || kinds.contains(Emit.asm);
        if (single && kinds.size() > 1) throw new UsageError("error: --emit ir, obj and asm cannot be combined with other kinds");
        if (kinds.contains(Emit.ir)) return emitIr(project, err);
        if (kinds.contains(Emit.obj) || kinds.contains(Emit.asm))
            return emitObject(project, machinePasses.contains(dumpAfter), kinds.contains(Emit.asm), err);
        return link(project, kinds, machinePasses.contains(dumpAfter), err);
    }

    private int link(Project project, List<Emit> kinds, boolean machineDump, PrintWriter err) throws IOException {
        Board b = Firmware.selectBoard(board != null || target != null ? board : project.board(), target);
        ConsoleDriver c = console != null ? ConsoleDriver.parse(console) : ConsoleDriver.forHardware(b);
        err.printf("   Compiling %s (%s) for %s (%s)%n", project.name(), project.root(), b.name(), b.target().triple());
        err.flush();
        Firmware.Built fw = Firmware.build(project, b, Frontend.Mode.PROGRAM, c, false, dumpAfter, machineDump, err);
        if (fw == null) return Main.EXIT_FAILURE;
        Map<Path, byte[]> files = new LinkedHashMap<>();
        Path base = outputBase(project, b);
        if (kinds.contains(Emit.elf)) files.put(with(base, ".elf"), ExecutableWriter.write(fw.image(), Compiler.elfFlags(fw.target())));
        if (kinds.contains(Emit.images)) {
            try {
                FirmwareImages.forBoard(fw.image(), b).forEach((suffix, bytes) -> files.put(with(base, suffix), bytes));
            } catch (IllegalArgumentException e) {
                throw new UserError("error: cannot write the images for " + b.name() + ": " + e.getMessage());
            }
        }
        if (kinds.contains(Emit.map)) files.put(with(base, ".map"), MapFile.write(fw.image()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            Path parent = f.getKey().toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(f.getKey(), f.getValue());
        }
        SizeReport.Use use = SizeReport.use(fw.image(), b);
        err.printf(Locale.ROOT, "    Finished flash %d of %d bytes (%.1f%%), RAM %d of %d bytes (%.1f%%) for static data%n", use.flash(),
                b.flashSize(), 100.0 * use.flash() / Math.max(1, b.flashSize()), use.ram(), b.ramSize(), 100.0 * use.ram() / Math.max(1, b.ramSize()));
        for (Path p : files.keySet()) err.printf("     Written %s (%d bytes)%n", p, files.get(p).length);
        err.flush();
        return Main.EXIT_OK;
    }

    /** -o PATH (an .elf suffix dropped), else target/BOARD/NAME beside the project or the file. */
    private Path outputBase(Project project, Board b) {
        if (output != null) {
            String name = output.getFileName().toString();
            return name.endsWith(".elf") ? output.resolveSibling(name.substring(0, name.length() - 4)) : output;
        }
        Path home = project.dir() != null ? project.dir() : project.root().toAbsolutePath().getParent();
        return home.resolve("target").resolve(b.name()).resolve(project.name());
    }

    private static Path with(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    private int emitIr(Project project, PrintWriter err) throws IOException {
        Frontend.Output out = Compiler.compile(project.root(), triple(), dumpAfter, System.out, false);
        if (out.module() == null) return diagnostics(out, err);
        String text = Printer.print(out.module());
        if (output != null) Files.writeString(output, text);
        else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return Main.EXIT_OK;
    }

    private int emitObject(Project project, boolean machineDump, boolean listing, PrintWriter err) throws IOException {
        if (target == null && board == null && project.board() == null) throw new UsageError("error: --emit obj and asm need --target or --board");
        Board b = Firmware.selectBoard(board != null || target != null ? board : project.board(), target);
        TargetTriple triple = b.target();
        // as the firmware would be built: the board's console unless --console says otherwise; a bare target, semihosting
        ConsoleDriver c = console != null ? ConsoleDriver.parse(console)
                : b.isVirtual() ? ConsoleDriver.SEMIHOSTING : ConsoleDriver.forHardware(b);
        Frontend.Output out = Compiler.compile(project.root(), triple, Frontend.Mode.PROGRAM, b, c, false, project.trapPanics(),
                machineDump ? null : dumpAfter,
                System.out, false);
        if (out.module() == null) return diagnostics(out, err);
        ObjectFile obj = Compiler.codegen(out.module(), triple, project.root().getFileName().toString(),
                machineDump ? Set.of(dumpAfter) : Set.of(), System.out);
        if (listing) {
            String text = Listing.of(obj, Compiler.backend(triple).disassembler(), triple.triple(), new SourceLines()::line);
            if (output != null) Files.writeString(output, text);
            else {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
            return Main.EXIT_OK;
        }
        Path to = output != null ? output : Path.of(project.name() + ".o");
        Files.write(to, RelocatableWriter.write(obj, Compiler.elfFlags(triple)));
        return Main.EXIT_OK;
    }

    private TargetTriple triple() {
        return target == null ? null : Firmware.triple(target);
    }

    private static int diagnostics(Frontend.Output out, PrintWriter err) {
        err.print(out.diagnostics().render());
        err.flush();
        return Main.EXIT_FAILURE;
    }
}
