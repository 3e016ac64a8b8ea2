package dev.rivet.cli;

import dev.rivet.frontend.Frontend;
import dev.rivet.ir.interp.Interpreter;
import dev.rivet.ir.interp.InterpreterError;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivet run}: build a program and run it. */
@Command(name = "run", description = {"Build a program and run it.",
    "Runs in the emulator on --board (default " + Firmware.DEFAULT_BOARD + ") or on the generic machine for --target;",
    "with --interpret the optimised IR runs in rivet's IR interpreter. The exit status is the program's."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "the program's root .rs file, a project directory with rivet.toml, or an .elf executable to run as it is")
    Path file;

    @Parameters(index = "1..*", paramLabel = "OBJECT", description = "ELF relocatable objects to link with the program")
    java.util.List<Path> objects = new java.util.ArrayList<>();

    @Option(names = "--interpret", description = "run the IR in the interpreter instead of the emulator")
    boolean interpret;

    @Mixin
    PanicOption panic;

    @Option(names = "--board", paramLabel = "BOARD", description = "board to emulate (default: " + Firmware.DEFAULT_BOARD + ")")
    String board;

    @Option(names = "--target", paramLabel = "TRIPLE", description = "run on the generic virt machine for this target")
    String target;

    @Option(names = "--console", paramLabel = "KIND", defaultValue = "semihosting",
            description = "where the program's output goes: semihosting (default), uart (the board's UART, as on hardware) or none")
    String console;

    @Option(names = "--trace-mmio", description = "print every peripheral register access (GPIO, UART, clocks) to stderr")
    boolean traceMmio;

    @Option(names = "--stats", description = "print executed instructions and the peak stack depth after the run")
    boolean stats;

    @Option(names = "--max-insns", paramLabel = "N", defaultValue = "2000000000",
            description = "stop after N executed instructions (default ${DEFAULT-VALUE})")
    long maxInstructions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (file.toString().endsWith(".elf")) return runElf(err);
        Project project = Project.resolve(file).withObjects(objects).withPanic(panic.strategy);
        file = project.root();
        if (!interpret) {
            dev.rivet.boards.Board b = Firmware.selectBoard(board != null || target != null ? board : project.board(), target);
            Firmware.Built fw = Firmware.build(project, b, dev.rivet.frontend.Frontend.Mode.PROGRAM, ConsoleDriver.parse(console), true, err);
            if (fw == null) return Main.EXIT_FAILURE;
            EmulatorRunner.Options o = new EmulatorRunner.Options(maxInstructions, traceMmio, stats);
            return EmulatorRunner.run(fw, o, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), err);
        }
        Frontend.Output out = Compiler.compile(file, null, Frontend.Mode.PROGRAM, null, ConsoleDriver.SEMIHOSTING, true,
                project.trapPanics(), null, null, false);
        if (out.module() == null) {
            err.print(out.diagnostics().render());
            err.flush();
            return Main.EXIT_FAILURE;
        }
        return interpret(out, project.trapPanics(), err);
    }

    /** An executable linked elsewhere (GNU ld, or an earlier `rivet build`), run on the board. */
    private int runElf(PrintWriter err) throws java.io.IOException {
        if (interpret || !objects.isEmpty()) throw new UsageError("error: an .elf file runs as it is: no --interpret, no extra objects");
        dev.rivet.boards.Board b = Firmware.selectBoard(board, target);
        dev.rivet.linker.LinkedImage image;
        try {
            image = dev.rivet.linker.elf.ExecutableReader.read(file.toString(), java.nio.file.Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("error: " + file + ": no such file");
        } catch (dev.rivet.linker.LinkException e) {
            throw new UserError("error: " + e.getMessage());
        }
        boolean arm = b.target().arch() == dev.rivet.ir.TargetTriple.Arch.ARM;
        if (arm != (image.machine() == dev.rivet.linker.ObjectFile.Machine.ARM))
            throw new UserError("error: " + file + " is " + image.machine() + " code; board " + b.name() + " is " + b.target().triple());
        Firmware.Built fw = new Firmware.Built(image, b, null, java.util.List.of(), false);
        EmulatorRunner.Options o = new EmulatorRunner.Options(maxInstructions, traceMmio, stats);
        return EmulatorRunner.run(fw, o, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), err);
    }

    /** {@code trapPanics}: built with panic = "trap", so reaching a trap is the program panicking. */
    private int interpret(Frontend.Output out, boolean trapPanics, PrintWriter err) throws InterruptedException {
        int[] status = new int[1];
        // Deep recursion in the program is deep recursion in the interpreter: give it a big stack.
        Thread t = new Thread(null, () -> {
            try {
                Interpreter.Result r = new Interpreter(out.module(), new FileOutputStream(FileDescriptor.out),
                        new FileOutputStream(FileDescriptor.err), maxInstructions).run("main");
                status[0] = r.status();
                if (r.parkedIn() != null) {
                    err.printf("note: the program parked in an endless loop in %s; the run ends here (exit status %d)%n",
                            r.parkedIn(), r.status());
                    err.flush();
                }
            } catch (InterpreterError e) {
                if (trapPanics && e.getMessage().startsWith("reached a trap")) {
                    err.println("panicked (panic = \"trap\": the program keeps no message or location)");
                    err.flush();
                    status[0] = 101;
                    return;
                }
                err.println("error: the program faulted in the interpreter: " + e.getMessage());
                err.flush();
                status[0] = e.getMessage().startsWith("instruction budget") ? 124 : 3;
            }
        }, "interpreter", 1L << 30);
        t.start();
        t.join();
        return status[0];
    }
}
