package dev.rivet.cli;

import dev.rivet.boards.Board;
import dev.rivet.boards.BoardRegistry;
import dev.rivet.frontend.Frontend;
import dev.rivet.ir.TargetTriple;
import dev.rivet.linker.BoardScripts;
import dev.rivet.linker.LinkException;
import dev.rivet.linker.LinkedImage;
import dev.rivet.linker.Linker;
import dev.rivet.linker.ObjectFile;
import dev.rivet.linker.image.Rp2040Boot2;
import dev.rivet.linker.script.ScriptException;
import dev.rivet.linker.elf.RelocatableReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Building firmware: source to IR, IR to an object, object to a linked image for a board. */
public final class Firmware {
    /** The default board when neither --board nor --target is given (DESIGN.md). */
    static final String DEFAULT_BOARD = "lm3s6965evb";

    private Firmware() {}

    /** A linked program and what it was built for. */
    /** {@code trapPanics}: built with {@code panic = "trap"}, so a trap instruction is a panic. */
    public record Built(LinkedImage image, Board board, ObjectFile object, List<Frontend.TestCase> tests, boolean trapPanics) {
        public TargetTriple target() { return board.target(); }
    }

    /** The board for --board / --target (the generic virt machine), or the default board. */
    public static Board selectBoard(String board, String target) {
        if (board != null && target != null) {
            Board b = board(board);
            TargetTriple t = triple(target);
            if (b.target() != t)
                throw new UsageError("error: board `" + board + "` is " + b.target().triple() + ", not " + target);
            return b;
        }
        if (board != null) return board(board);
        if (target != null) return BoardRegistry.virt(triple(target));
        return board(DEFAULT_BOARD);
    }

    static TargetTriple triple(String target) {
        return TargetTriple.byTriple(target).orElseThrow(() -> new UsageError(
                "error: unknown target `" + target + "` (known: " + String.join(", ", TargetTriple.triples()) + ")"));
    }

    private static Board board(String name) {
        try {
            return BoardRegistry.builtin().get(name);
        } catch (IllegalArgumentException e) {
            throw new UsageError("error: " + e.getMessage());
        }
    }

    /**
     * Compiles and links {@code file} for {@code board}; returns null after printing the
     * diagnostics if the program has errors.
     */
    public static Built build(Path file, Board board, PrintWriter err) {
        return build(file, board, Frontend.Mode.PROGRAM, err);
    }

    /** A program linked with relocatable objects from other compilers (for the emulator, console semihosting). */
    public static Built build(Path file, List<Path> objects, Board board, PrintWriter err) {
        return build(Project.single(file).withObjects(objects), board, Frontend.Mode.PROGRAM, ConsoleDriver.SEMIHOSTING, true, err);
    }

    /** Compiles and links a program or its test harness; null (after printing diagnostics) on errors. */
    public static Built build(Path file, Board board, Frontend.Mode mode, PrintWriter err) {
        return build(file, board, mode, ConsoleDriver.SEMIHOSTING, true, err);
    }

    /** A single file, built for the emulator with the given console. */
    static Built build(Path file, Board board, Frontend.Mode mode, ConsoleDriver console, boolean emulated, PrintWriter err) {
        return build(Project.single(file), board, mode, console, emulated, err);
    }

    /**
     * The full form: a project (its root file, own linker script and objects), the console to
     * build in, and whether the image runs in the emulator (exit by semihosting).
     */
    static Built build(Project project, Board board, Frontend.Mode mode, ConsoleDriver console, boolean emulated, PrintWriter err) {
        return build(project, board, mode, console, emulated, null, false, err);
    }

    /** As above, printing the IR (or with {@code machineDump}, the machine code) after pass {@code dumpAfter} to stdout. */
    static Built build(Project project, Board board, Frontend.Mode mode, ConsoleDriver console, boolean emulated, String dumpAfter,
                       boolean machineDump, PrintWriter err) {
        TargetTriple target = board.target();
        Path file = project.root();
        Frontend.Output out = Compiler.compile(file, target, mode, board, console, emulated, project.trapPanics(),
                machineDump ? null : dumpAfter, System.out, false);
        if (out.module() == null) {
            err.print(out.diagnostics().render());
            err.flush();
            return null;
        }
        ObjectFile obj = Compiler.codegen(out.module(), target, file.getFileName().toString(),
                machineDump && dumpAfter != null ? Set.of(dumpAfter) : Set.of(), System.out);
        try {
            List<ObjectFile> objects = new ArrayList<>(List.of(obj));
            for (Path o : project.objects()) objects.add(readObject(o, target));
            if (board.boot().image() == dev.rivet.boards.Boot.ImageRule.RP2040_BOOT2) objects.add(Rp2040Boot2.object());
            LinkedImage image = Linker.link(objects, BoardScripts.load(board, project.script(), project.dir()), Linker.Options.DEFAULT);
            return new Built(image, board, obj, out.tests(), project.trapPanics());
        } catch (LinkException | ScriptException e) {
            throw new UserError("error: linking failed: " + e.getMessage());
        }
    }

    /** A relocatable object from another compiler or assembler, checked against the target's architecture. */
    private static ObjectFile readObject(Path path, TargetTriple target) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UserError("error: cannot read object " + path + ": " + e.getMessage());
        }
        ObjectFile o = RelocatableReader.read(path.toString(), bytes);
        ObjectFile.Machine want = target.arch() == TargetTriple.Arch.ARM ? ObjectFile.Machine.ARM : ObjectFile.Machine.RISCV;
        if (o.machine != want)
            throw new UserError("error: " + path + " is " + o.machine + " code, but the target is " + target.triple());
        return o;
    }
}
