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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * gdb-multiarch (the oracle) loads rivet's ELF files without a warning, finds functions by
 * name, disassembles them for the right architecture, and maps a source line to an address
 * inside the function that holds it and back.
 */
class GdbLoadTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> gdbLoadsTheElf() {
        return Stream.of("lm3s6965evb", "pico", "hifive1-revb", "esp32c3-devkitm").map(boardName -> DynamicTest.dynamicTest(boardName, () -> {
            Board board = BoardRegistry.builtin().get(boardName);
            boolean arm = board.target().arch() == dev.rivet.ir.TargetTriple.Arch.ARM;
            Programs.Program sort = Programs.all().stream().filter(p -> p.name().equals("bench_sort")).findFirst().orElseThrow();
            StringWriter diag = new StringWriter();
            Firmware.Built fw = Firmware.build(sort.source(), board, new PrintWriter(diag, true));
            assertNotNull(fw, diag::toString);
            Path elf = tmp.resolve(boardName + ".elf");
            Files.write(elf, ExecutableWriter.write(fw.image(), Compiler.elfFlags(board.target())));

            String out = gdb(elf, "info line bench_sort.rs:25", "x/1i quicksort");
            Matcher line = Pattern.compile("Line 25 of \"\\S*bench_sort\\.rs\" starts at address (0x[0-9a-f]+) <quicksort\\+\\d+>").matcher(out);
            assertTrue(line.find(), out);
            // a RISC-V prologue makes the frame itself or calls the shared save routine
            boolean prologue = arm ? out.contains("push\t{") || out.contains("push {")
                    : out.contains("sp,sp,-") || Pattern.compile("jal\\s+t0,\\s*0x[0-9a-f]+ <__rivet_save_\\d+>").matcher(out).find();
            assertTrue(prologue,
                    "the prologue, disassembled for " + (arm ? "Thumb" : "RISC-V") + ":\n" + out);
            String back = gdb(elf, "info line *" + line.group(1));
            assertTrue(back.contains("Line 25 of \"") && back.contains("bench_sort.rs\""), back);
        }));
    }

    /** Runs gdb-multiarch in batch mode on {@code elf}; fails on a non-zero exit or any warning or error it prints. */
    private static String gdb(Path elf, String... commands) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("gdb-multiarch", "-nx", "-batch"));
        for (String c : commands) argv.addAll(List.of("-ex", c));
        argv.add(elf.toString());
        Process proc = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "gdb-multiarch did not finish");
        assertEquals(0, proc.exitValue(), out);
        assertFalse(out.toLowerCase().contains("warning") || out.contains("Error") || out.contains("error:"), out);
        return out;
    }
}
