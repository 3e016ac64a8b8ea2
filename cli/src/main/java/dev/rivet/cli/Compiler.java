package dev.rivet.cli;

import dev.rivet.codegen.Backend;
import dev.rivet.codegen.CodeGenerator;
import dev.rivet.codegen.riscv.RvBackend;
import dev.rivet.codegen.thumb.ThumbBackend;
import dev.rivet.frontend.Frontend;
import dev.rivet.frontend.parse.Cfg;
import dev.rivet.ir.Module;
import dev.rivet.ir.TargetTriple;
import dev.rivet.linker.ObjectFile;
import java.util.Set;
import dev.rivet.frontend.SourceFile;
import dev.rivet.frontend.resolve.SourceLoader;
import dev.rivet.runtime.RuntimeSources;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The compile pipeline as the commands use it: a Rust file plus the runtime library, to IR. */
public final class Compiler {
    private Compiler() {}

    /** Reads the program's root file; a missing file is a user error with exit status 1. */
    public static SourceFile readRoot(Path file) {
        try {
            return new SourceFile(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UserError("error: couldn't read `" + file + "`: No such file or directory (os error 2)");
        } catch (IOException e) {
            throw new UserError("error: couldn't read `" + file + "`: " + e.getMessage());
        }
    }

    /** The runtime crate: the runtime module's resources, plus generated files ({@code uart.rs} for a UART console). */
    static Frontend.CrateInput runtimeCrate(Cfg cfg, java.util.Map<String, String> generated) {
        Path root = Path.of(RuntimeSources.ROOT);
        SourceLoader loader = path -> {
            Path name = path.getFileName();
            if (name == null || !path.toAbsolutePath().getParent().equals(root.toAbsolutePath().getParent())) return Optional.empty();
            String made = generated.get(name.toString());
            if (made != null) return Optional.of(new SourceFile(root.resolveSibling(name).toString(), made));
            return RuntimeSources.read(name.toString())
                    .map(text -> new SourceFile(root.resolveSibling(name).toString(), text));
        };
        String text = RuntimeSources.read("lib.rs").orElseThrow(() -> new IllegalStateException("runtime library missing from the build"));
        return new Frontend.CrateInput("rivet_rt", "rt.", new SourceFile(RuntimeSources.ROOT, text), root, loader, cfg);
    }

    /** RIVET_VERIFY_IR=1 runs the IR verifier after every pass (for bug reports; tests always do). */
    private static final boolean VERIFY_FROM_ENV = "1".equals(System.getenv("RIVET_VERIFY_IR"));

    /** Compiles {@code file} and the runtime to optimised IR, target-neutral (for the interpreter). */
    public static Frontend.Output compile(Path file, String dumpAfter, PrintStream dump, boolean verify) {
        return compile(file, null, dumpAfter, dump, verify);
    }

    /** Compiles {@code file} and the runtime to optimised IR, with {@code cfg} for {@code target} (null: none). */
    public static Frontend.Output compile(Path file, TargetTriple target, String dumpAfter, PrintStream dump, boolean verify) {
        return compile(file, target, Frontend.Mode.PROGRAM, dumpAfter, dump, verify);
    }

    /** Compiles {@code file} and the runtime, as a program or (test mode) as its test harness. */
    public static Frontend.Output compile(Path file, TargetTriple target, Frontend.Mode mode, String dumpAfter, PrintStream dump,
                                          boolean verify) {
        return compile(file, target, mode, null, ConsoleDriver.SEMIHOSTING, true, false, dumpAfter, dump, verify);
    }

    /**
     * The full form: {@code board} supplies the UART driver for {@code console}; {@code emulated}
     * builds exit through semihosting even when the console is not semihosting; {@code trapPanics}
     * compiles panics to a trap instruction.
     */
    static Frontend.Output compile(Path file, TargetTriple target, Frontend.Mode mode, dev.rivet.boards.Board board, ConsoleDriver console,
                                   boolean emulated, boolean trapPanics, String dumpAfter, PrintStream dump, boolean verify) {
        SourceFile root = readRoot(file);
        String name = crateName(file);
        boolean test = mode == Frontend.Mode.TEST;
        Cfg cfg = target == null ? (test ? Cfg.NONE.with("test") : Cfg.NONE)
                : Cfg.forTarget(target.arch() == TargetTriple.Arch.ARM ? "arm" : "riscv32", test, Set.of());
        java.util.Map<String, String> generated = new java.util.HashMap<>();
        for (String c : console.cfg(emulated)) cfg = cfg.with(c);
        if (trapPanics) cfg = cfg.with(Frontend.PANIC_TRAP_CFG);
        if (console == ConsoleDriver.UART) generated.put("uart.rs", ConsoleDriver.uartSource(board));
        Frontend.CrateInput program = new Frontend.CrateInput(name, "", root, file, SourceLoader.fileSystem(), cfg);
        return Frontend.compile(List.of(program, runtimeCrate(cfg, generated)), mode, dumpAfter, dump, verify || VERIFY_FROM_ENV);
    }

    /** ELF e_flags for the target: ARM EABI 5; RISC-V compressed and RV32E bits. */
    public static int elfFlags(TargetTriple t) {
        if (t.arch() == TargetTriple.Arch.ARM) return dev.rivet.linker.elf.Elf.EF_ARM_EABI5;
        return (t.has(TargetTriple.Feature.COMPRESSED) ? dev.rivet.linker.elf.Elf.EF_RISCV_RVC : 0)
                | (t.has(TargetTriple.Feature.REDUCED_REGS) ? dev.rivet.linker.elf.Elf.EF_RISCV_RVE : 0);
    }

    /** The back end for a target. */
    static Backend backend(TargetTriple target) {
        return switch (target.arch()) {
            case ARM -> new ThumbBackend(target);
            case RISCV32 -> new RvBackend(target);
        };
    }

    /** Compiles IR to a relocatable object. */
    static ObjectFile codegen(Module m, TargetTriple target, String name, Set<String> dumpAfter, PrintStream dump) {
        CodeGenerator cg = new CodeGenerator(backend(target), dumpAfter, (pass, text) -> dump.print("; after " + pass + "\n" + text));
        ObjectFile obj = cg.generate(m, name);
        obj.flags = elfFlags(target);
        return obj;
    }

    /** rustc's crate name for a file: its stem with '-' as '_'. */
    static String crateName(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".rs")) n = n.substring(0, n.length() - 3);
        return n.replace('-', '_');
    }
}
