package dev.rivet.cli;

import dev.rivet.frontend.Frontend;
import dev.rivet.ir.Printer;
import dev.rivet.ir.TargetTriple;
import dev.rivet.linker.ObjectFile;
import dev.rivet.linker.elf.Elf;
import dev.rivet.linker.elf.ExecutableWriter;
import dev.rivet.linker.elf.RelocatableWriter;
import java.util.Set;
import dev.rivet.ir.pass.PassManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivet build}: compile a program. */
@Command(name = "build", description = {"Compile a Rust program.",
    "Today the output is rivet's optimised IR (--emit ir); machine code comes with the back ends."})
final class BuildCommand implements Callable<Integer> {
    enum Emit { ir, obj, elf }

    @Parameters(paramLabel = "PATH", description = "the program's root .rs file, or a project directory with rivet.toml")
    Path file;

    @Option(names = "--emit", paramLabel = "KIND", description = "what to write: ${COMPLETION-CANDIDATES}")
    Emit emit;

    @Option(names = "--target", paramLabel = "TRIPLE", description = "target triple (see `rivet boards`)")
    String target;

    @Option(names = "--board", paramLabel = "BOARD", description = "board to build for (default: " + Firmware.DEFAULT_BOARD + ")")
    String board;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "write here instead of standard output")
    Path output;

    @Option(names = "--dump-after", paramLabel = "PASS",
            description = "print the IR after each run of an optimisation pass (globaldce, sroa, mem2reg, sccp, combine, gvn, simplifycfg, dce, inline), or the machine code after isel or regalloc (with --emit obj)")
    String dumpAfter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        java.util.List<String> machinePasses = dev.rivet.codegen.CodeGenerator.PASSES.stream().map(p -> p[0]).toList();
        if (dumpAfter != null && !PassManager.passNames().contains(dumpAfter) && !machinePasses.contains(dumpAfter))
            throw new UsageError("error: unknown pass `" + dumpAfter + "` (known: " + String.join(", ", PassManager.passNames().stream().sorted().toList())
                    + ", " + String.join(", ", machinePasses) + ")");
        boolean machineDump = dumpAfter != null && machinePasses.contains(dumpAfter);
        Project project = Project.resolve(file);
        file = project.root();
        if (emit == null || emit == Emit.elf) {
            Firmware.Built fw = Firmware.build(file, Firmware.selectBoard(board != null || target != null ? board : project.board(), target), err);
            if (fw == null) return Main.EXIT_FAILURE;
            Path to = output != null ? output : Path.of(Compiler.crateName(file) + ".elf");
            Files.write(to, ExecutableWriter.write(fw.image(), elfFlags(fw.target())));
            return Main.EXIT_OK;
        }
        TargetTriple triple = target == null ? null : TargetTriple.byTriple(target)
                .orElseThrow(() -> new UsageError("error: unknown target `" + target + "` (known: " + String.join(", ", TargetTriple.triples()) + ")"));
        if (emit == Emit.obj && triple == null) throw new UsageError("error: --emit obj needs --target");
        Frontend.Output out = Compiler.compile(file, triple, machineDump ? null : dumpAfter, System.out, false);
        if (out.module() == null) {
            err.print(out.diagnostics().render());
            err.flush();
            return Main.EXIT_FAILURE;
        }
        if (emit == Emit.obj) {
            ObjectFile obj = Compiler.codegen(out.module(), triple, file.getFileName().toString(),
                    machineDump ? Set.of(dumpAfter) : Set.of(), System.out);
            byte[] bytes = RelocatableWriter.write(obj, elfFlags(triple));
            Path to = output != null ? output : Path.of(Compiler.crateName(file) + ".o");
            Files.write(to, bytes);
            return Main.EXIT_OK;
        }
        String text = Printer.print(out.module());
        if (output != null) Files.writeString(output, text);
        else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return Main.EXIT_OK;
    }

    /** e_flags: ARM EABI 5; RISC-V compressed and RV32E bits. */
    static int elfFlags(TargetTriple t) {
        if (t.arch() == TargetTriple.Arch.ARM) return Elf.EF_ARM_EABI5;
        return (t.has(TargetTriple.Feature.COMPRESSED) ? Elf.EF_RISCV_RVC : 0) | (t.has(TargetTriple.Feature.REDUCED_REGS) ? Elf.EF_RISCV_RVE : 0);
    }
}
