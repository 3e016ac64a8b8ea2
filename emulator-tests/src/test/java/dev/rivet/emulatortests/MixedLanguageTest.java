package dev.rivet.emulatortests;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.boards.BoardRegistry;
import dev.rivet.cli.EmulatorRunner;
import dev.rivet.cli.Firmware;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rust and C in one firmware: a C file compiled by GNU gcc (a test-only dependency) calls into
 * Rust and is called from it, shares data both ways and uses 64-bit helpers from rivet's
 * runtime; rivet links the gcc object and the program runs in the emulator on boards of each
 * architecture.
 */
class MixedLanguageTest {
    static final Path DIR = Path.of("src/test/resources/mixed");

    record Case(String board, String gcc, List<String> flags) {}

    static final List<Case> CASES = List.of(
            new Case("lm3s6965evb", "arm-none-eabi-gcc", List.of("-mcpu=cortex-m3", "-mthumb")),
            new Case("pico", "arm-none-eabi-gcc", List.of("-mcpu=cortex-m0plus", "-mthumb")),
            new Case("esp32c3-devkitm", "riscv64-unknown-elf-gcc", List.of("-march=rv32imc", "-mabi=ilp32")),
            new Case("longan-nano", "riscv64-unknown-elf-gcc", List.of("-march=rv32imac", "-mabi=ilp32")),
            new Case("ch32v003-evt", "riscv64-unknown-elf-gcc", List.of("-march=rv32ec", "-mabi=ilp32e")));

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> cCallsRustAndRustCallsC() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.board(), () -> {
            Path obj = tmp.resolve(c.board() + "-checksum.o");
            List<String> cmd = new ArrayList<>(List.of(c.gcc(), "-ffreestanding", "-Os", "-c"));
            cmd.addAll(c.flags());
            cmd.addAll(List.of(DIR.resolve("checksum.c").toString(), "-o", obj.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String gccOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, gccOut);

            StringWriter diag = new StringWriter();
            PrintWriter err = new PrintWriter(diag);
            Firmware.Built fw = Firmware.build(DIR.resolve("main.rs"), List.of(obj), BoardRegistry.builtin().get(c.board()), err);
            assertNotNull(fw, diag::toString);
            ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
            int status = EmulatorRunner.run(fw, 50_000_000L, stdout, stderr, err);
            err.flush();
            assertEquals(Files.readString(DIR.resolve("main.expected")), stdout.toString(StandardCharsets.UTF_8), () -> diag + stderr.toString());
            assertEquals(0, status, () -> diag + stderr.toString());
        }));
    }
}
