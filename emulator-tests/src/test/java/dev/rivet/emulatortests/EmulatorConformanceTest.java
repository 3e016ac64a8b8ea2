package dev.rivet.emulatortests;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.boards.Board;
import dev.rivet.cli.EmulatorRunner;
import dev.rivet.cli.Firmware;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance program, compiled by rivet for one real board per target and run in the
 * emulator as that board's boot ROM would start it: stdout and exit status must equal rustc's.
 */
class EmulatorConformanceTest {
    /** One board per target: thumbv6m, thumbv7m, thumbv7em. */
    static final List<String> BOARDS = List.of("pico", "lm3s6965evb", "blackpill-f411");

    @TestFactory
    Stream<DynamicContainer> programsRunOnEveryTarget() {
        return BOARDS.stream().map(name -> {
            Board board = Firmware.selectBoard(name, null);
            return DynamicContainer.dynamicContainer(name + " (" + board.target().triple() + ")",
                    Programs.all().stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> run(board, p))));
        });
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
    }
}
