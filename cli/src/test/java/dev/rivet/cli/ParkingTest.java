package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Firmware ends in {@code loop {}}: `rivet run` stops when the program parks in a branch to
 * itself, with status 0, or 101 when the loop is a {@code #[panic_handler]}'s, and says where.
 * The instruction budget is far above what the programs need, so a missed park fails as 124.
 * (The programs' own output goes to the process's stdout, which CliRunner does not capture.)
 */
class ParkingTest {
    private static final String[] PLACES = FaultPrograms.PLACES;

    @TempDir
    static Path tmp;

    private static Path program(String name) throws IOException {
        return FaultPrograms.copy(tmp, name);
    }

    @TestFactory
    Stream<DynamicTest> entryThatLoopsForeverEndsTheRun() {
        return Stream.of(PLACES).map(place -> DynamicTest.dynamicTest(place, () -> {
            CliRunner r = CliRunner.run("run", place, "--max-insns=50000000", program("park.rs").toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(Pattern.compile("note: the program parked in an endless loop at \\S+\\+0x[0-9a-f]+ at \\S*park.rs:14:\\d+; "
                    + "the run ends here \\(exit status 0\\)").matcher(r.err()).find(), r.err());
        }));
    }

    @TestFactory
    Stream<DynamicTest> panicHandlerThatLoopsIsAPanic() {
        return Stream.of(PLACES).map(place -> DynamicTest.dynamicTest(place, () -> {
            CliRunner r = CliRunner.run("run", place, "--max-insns=50000000", program("park_panic.rs").toString());
            assertEquals(101, r.status(), r.err());
            assertTrue(r.err().contains("the run ends here (exit status 101)"), r.err());
        }));
    }
}
