package dev.rivet.emulatortests;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.boards.Board;
import dev.rivet.boards.BoardRegistry;
import dev.rivet.cli.Compiler;
import dev.rivet.cli.Firmware;
import dev.rivet.linker.elf.ExecutableWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second emulator as an oracle: the ELF files rivet builds for lm3s6965evb and hifive1-revb,
 * with the semihosting console, run in QEMU (a test-only dependency) and must print what
 * rustc's build prints and end with the same status, as they do in Unicorn.
 */
class QemuCrossCheckTest {
    /** Board, and the QEMU command line that models it (the ELF path is appended). */
    record Machine(String board, List<String> qemu) {}

    static final List<Machine> MACHINES = List.of(
            new Machine("lm3s6965evb", List.of("qemu-system-arm", "-M", "lm3s6965evb", "-nographic", "-monitor", "none", "-serial", "none",
                    "-semihosting-config", "enable=on,target=native", "-kernel")),
            new Machine("hifive1-revb", List.of("qemu-system-riscv32", "-M", "sifive_e,revb=true", "-bios", "none", "-nographic", "-monitor",
                    "none", "-serial", "none", "-semihosting-config", "enable=on,target=native", "-kernel")));

    /** What QEMU itself says on stderr about the machine, not the program's output. */
    static final List<String> QEMU_NOISE = List.of("Timer with period zero, disabling");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> programsBehaveAlikeInQemu() {
        return MACHINES.stream().flatMap(m -> Programs.all().stream().map(p -> DynamicTest.dynamicTest(m.board() + " " + p.name(), () -> {
            Board board = BoardRegistry.builtin().get(m.board());
            StringWriter diag = new StringWriter();
            Firmware.Built fw = Firmware.build(p.source(), board, new PrintWriter(diag, true));
            assertNotNull(fw, diag::toString);
            Path elf = tmp.resolve(m.board() + "-" + p.name() + ".elf");
            Files.write(elf, ExecutableWriter.write(fw.image(), Compiler.elfFlags(board.target())));
            Result r = qemu(m, elf);
            assertEquals(p.expectedStdout(), r.stdout(), () -> "stdout of " + p.name() + " in QEMU; stderr:\n" + r.stderr());
            assertEquals(p.expectedStatus(), r.status(), () -> "exit status of " + p.name() + " in QEMU; stderr:\n" + r.stderr());
            if (p.expectedStatus() == 101) assertTrue(r.stderr().startsWith("panicked at "), r::stderr);
        })));
    }

    /**
     * On hardware (here QEMU, which vectors traps as the core does; Unicorn stops before), the
     * RISC-V runtime's trap vector names the exception and where it happened, then exits 134.
     */
    @TestFactory
    Stream<DynamicTest> riscvTrapVectorReportsTheException() {
        Machine m = MACHINES.get(1);
        record Case(String program, String mcause, String mtval, String function) {}
        return Stream.of(new Case("store_fault", "0x00000007", "70000000", "poke"),
                        new Case("illegal", "0x00000002", "[0-9a-f]{8}", "read_missing_csr"))
                .map(c -> DynamicTest.dynamicTest(c.program(), () -> {
                    Board board = BoardRegistry.builtin().get(m.board());
                    StringWriter diag = new StringWriter();
                    Path source = Path.of("src/test/resources/traps/" + c.program() + ".rs");
                    Firmware.Built fw = Firmware.build(source, board, new PrintWriter(diag, true));
                    assertNotNull(fw, diag::toString);
                    Path elf = tmp.resolve("trap-" + c.program() + ".elf");
                    Files.write(elf, ExecutableWriter.write(fw.image(), Compiler.elfFlags(board.target())));
                    Result r = qemu(m, elf);
                    assertEquals("start\n", r.stdout(), r::stderr);
                    assertEquals(134, r.status(), r::stderr);
                    java.util.regex.Matcher report = java.util.regex.Pattern.compile(
                            "^\\nunhandled trap: mcause " + c.mcause() + ", mepc 0x([0-9a-f]{8}), mtval 0x" + c.mtval() + "\\n$").matcher(r.stderr());
                    assertTrue(report.matches(), r.stderr());
                    if (c.function() != null) {
                        var at = fw.image().functionAt(Long.parseLong(report.group(1), 16));
                        assertEquals(c.function(), at == null ? null : at.name(), "mepc names the faulting function");
                    }
                }));
    }

    record Result(String stdout, String stderr, int status) {}

    static Result qemu(Machine m, Path elf) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(m.qemu());
        cmd.add(elf.toString());
        Process proc = new ProcessBuilder(cmd).start();
        proc.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(proc.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(proc.getErrorStream()));
        if (!proc.waitFor(120, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in 120 s");
        }
        String stderr = err.get().lines().filter(l -> !QEMU_NOISE.contains(l)).map(l -> l + "\n").collect(Collectors.joining());
        return new Result(out.get(), stderr, proc.exitValue());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
