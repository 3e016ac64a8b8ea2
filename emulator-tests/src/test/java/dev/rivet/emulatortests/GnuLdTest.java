package dev.rivet.emulatortests;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.boards.Board;
import dev.rivet.boards.BoardRegistry;
import dev.rivet.cli.EmulatorRunner;
import dev.rivet.cli.Firmware;
import dev.rivet.linker.BoardScripts;
import dev.rivet.linker.LinkedImage;
import dev.rivet.linker.elf.ExecutableReader;
import dev.rivet.linker.elf.RelocatableWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * rivet's relocatable objects are standard: GNU ld (a test-only oracle) links them with
 * rivet's shipped script and the board's memory.x, and the firmware it makes behaves in the
 * emulator exactly as rivet's own link does.
 */
class GnuLdTest {
    static final List<String> PROGRAMS = List.of("bench_crc32", "control_more", "wide_math", "panic_bounds");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> gnuLinkedFirmwareBehavesTheSame() {
        return Stream.of("lm3s6965evb", "hifive1-revb").flatMap(boardName -> Programs.all().stream()
                .filter(p -> PROGRAMS.contains(p.name()))
                .map(p -> DynamicTest.dynamicTest(boardName + " " + p.name(), () -> {
                    Board board = BoardRegistry.builtin().get(boardName);
                    StringWriter diag = new StringWriter();
                    PrintWriter err = new PrintWriter(diag);
                    Firmware.Built ours = Firmware.build(p.source(), board, err);
                    assertNotNull(ours, diag::toString);
                    Path dir = tmp.resolve(boardName + "-" + p.name());
                    Files.createDirectories(dir);
                    Path obj = dir.resolve("program.o");
                    Files.write(obj, RelocatableWriter.write(ours.object(), dev.rivet.cli.Compiler.elfFlags(board.target())));
                    String script = BoardScripts.scriptName(board);
                    Files.writeString(dir.resolve(script), BoardScripts.resource(script));
                    Files.writeString(dir.resolve("memory.x"), BoardScripts.memoryX(board));
                    String ld = board.target().arch() == dev.rivet.ir.TargetTriple.Arch.ARM ? "arm-none-eabi-ld" : "riscv64-unknown-elf-ld";
                    List<String> cmd = ld.startsWith("riscv")
                            ? List.of(ld, "-m", "elf32lriscv", "--gc-sections", "-T", script, "-o", "gnu.elf", "program.o")
                            : List.of(ld, "--gc-sections", "-T", script, "-o", "gnu.elf", "program.o");
                    Process proc = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
                    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(proc.waitFor(60, TimeUnit.SECONDS) && proc.exitValue() == 0, String.join(" ", cmd) + "\n" + out);

                    LinkedImage gnu = ExecutableReader.read("gnu.elf", Files.readAllBytes(dir.resolve("gnu.elf")));
                    ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
                    int status = EmulatorRunner.run(new Firmware.Built(gnu, board, null, List.of(), false), 500_000_000L, stdout, stderr, err);
                    err.flush();
                    assertEquals(p.expectedStdout(), stdout.toString(StandardCharsets.UTF_8), () -> diag + stderr.toString());
                    assertEquals(p.expectedStatus(), status, () -> diag + stderr.toString());
                })));
    }
}
