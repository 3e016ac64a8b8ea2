package dev.rivet.emulatortests;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.boards.Board;
import dev.rivet.boards.BoardRegistry;
import dev.rivet.cli.EmulatorRunner;
import dev.rivet.cli.Firmware;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance program, compiled by rivet for one real board per target and run in the
 * emulator as that board's boot ROM would start it: stdout and exit status must equal rustc's.
 */
class EmulatorConformanceTest {
    /** One board per target: thumbv6m, thumbv7m, thumbv7em, rv32imc, rv32imac, rv32ec, and rv32i on its virt machine. */
    static final List<String> BOARDS = List.of("pico", "lm3s6965evb", "blackpill-f411", "esp32c3-devkitm", "hifive1-revb",
            "ch32v003-evt", "virt-riscv32i-unknown-none-elf");

    /**
     * Programs whose data needs more than the CH32V003's 2 KiB of RAM (a kilobyte-sized array on
     * the stack). On that board they must stop with a memory fault; on rv32ec they are checked on
     * the virt machine instead.
     */
    static final Set<String> TOO_BIG_FOR_2K = Set.of("bench_rle");

    @TestFactory
    Stream<DynamicContainer> programsRunOnEveryTarget() {
        return BOARDS.stream().map(name -> {
            Board board = board(name);
            return DynamicContainer.dynamicContainer(name + " (" + board.target().triple() + ")",
                    Programs.all().stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
                        if (board.name().equals("ch32v003-evt") && TOO_BIG_FOR_2K.contains(p.name())) {
                            overflows(board, p);
                            run(BoardRegistry.virt(board.target()), p);
                        } else {
                            run(board, p);
                        }
                    })));
        });
    }

    private static Board board(String name) {
        return BoardRegistry.builtin().find(name).orElseThrow();
    }

    /** The program runs out of RAM on {@code board}: a bad-access fault (status 3), not a quiet success. */
    static void overflows(Board board, Programs.Program p) {
        StringWriter diag = new StringWriter();
        PrintWriter err = new PrintWriter(diag);
        Firmware.Built fw = Firmware.build(p.source(), board, err);
        assertNotNull(fw, diag::toString);
        int status = EmulatorRunner.run(fw, 500_000_000L, new ByteArrayOutputStream(), new ByteArrayOutputStream(), err);
        err.flush();
        assertEquals(3, status, () -> p.name() + " should overflow the stack on " + board.name() + "\n" + diag);
        assertTrue(diag.toString().contains("bad memory access"), diag::toString);
    }

    static void run(Board board, Programs.Program p) {
        StringWriter diag = new StringWriter();
        PrintWriter err = new PrintWriter(diag);
        Firmware.Built fw = Firmware.build(p.source(), board, err);
        assertNotNull(fw, diag::toString);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        int status = EmulatorRunner.run(fw, 500_000_000L, stdout, stderr, err);
        err.flush();
        assertEquals(p.expectedStdout(), stdout.toString(StandardCharsets.UTF_8), () -> "stdout of " + p.name() + "\n" + diag + stderr);
        assertEquals(p.expectedStatus(), status, () -> "exit status of " + p.name() + "; stderr:\n" + stderr + diag);
        if (p.expectedStatus() == 101) assertTrue(stderr.toString(StandardCharsets.UTF_8).startsWith("panicked at "), stderr::toString);
        p.checkStderr(stderr.toString(StandardCharsets.UTF_8));
    }
}
