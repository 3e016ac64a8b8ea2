package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code panic = "trap"} (or {@code --panic=trap}): panics compile to a trap instruction; the
 * emulator reports one as a panic (status 101) at the source line the line table gives, and
 * the code is smaller than with messages.
 */
class PanicTrapTest {
    private static final String[] PLACES = FaultPrograms.PLACES;

    @TempDir
    static Path tmp;

    private static Path program() throws IOException {
        return FaultPrograms.copy(tmp, "trap_panic.rs");
    }

    @TestFactory
    Stream<DynamicTest> trapIsReportedAsAPanicAtItsLine() {
        return Stream.of(PLACES).map(place -> DynamicTest.dynamicTest(place, () -> {
            CliRunner r = CliRunner.run("run", "--panic=trap", place, program().toString());
            assertEquals(101, r.status(), r.err());
            assertTrue(Pattern.compile("(?m)^panicked at \\S*trap_panic.rs:2:5:$").matcher(r.err()).find(), r.err());
            assertTrue(r.err().contains("(panic = \"trap\": the image keeps no message)"), r.err());
        }));
    }

    @Test
    void interpreterReportsTheTrapAsAPanic() throws Exception {
        CliRunner r = CliRunner.run("run", "--panic=trap", "--interpret", program().toString());
        assertEquals(101, r.status(), r.err());
        assertTrue(r.err().startsWith("panicked"), r.err());
    }

    @Test
    void trapCodeIsSmaller() throws Exception {
        assertTrue(bytes("--panic=trap") + 20 < bytes("--panic=report"), "trap panics drop the messages and locations");
    }

    private static int bytes(String panic) throws IOException {
        CliRunner r = CliRunner.run("size", panic, "--target=thumbv7m-none-eabi", "--from=main", program().toString());
        assertEquals(0, r.status(), r.err());
        Matcher m = Pattern.compile(": (\\d+) bytes").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void manifestChoosesTheStrategyAndRejectsUnknownOnes() throws Exception {
        Path dir = tmp.resolve("proj");
        Files.createDirectories(dir.resolve("src"));
        Files.copy(program(), dir.resolve("src/main.rs"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("rivet.toml"), "[package]\nname = \"proj\"\npanic = \"trap\"\n");
        CliRunner r = CliRunner.run("run", dir.toString());
        assertEquals(101, r.status(), r.err());
        assertTrue(r.err().contains("(panic = \"trap\""), r.err());
        Files.writeString(dir.resolve("rivet.toml"), "[package]\nname = \"proj\"\npanic = \"halt\"\n");
        r = CliRunner.run("run", dir.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("rivet.toml:3:1: unknown panic strategy `halt` (known: report, trap)"), r.err());
    }
}
