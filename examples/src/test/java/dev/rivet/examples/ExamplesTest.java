package dev.rivet.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example projects, built and run through the rivet jar exactly as README.md tells users
 * to: hello and unit-tests on one board per target, each blinky on its own board with its GPIO
 * writes traced, and a copy of unit-tests with one broken test.
 */
class ExamplesTest {
    /** thumbv6m, thumbv7m, thumbv7em, rv32imc, rv32imac, rv32ec. */
    static final List<String> ONE_BOARD_PER_TARGET = List.of("pico", "lm3s6965evb", "microbit-v2", "esp32c3-devkitm", "longan-nano",
            "ch32v003-evt");

    @TestFactory
    Stream<DynamicTest> helloPrintsTheSameOnEveryTarget() throws IOException {
        String expected = Files.readString(Path.of("hello/expected-output.txt"));
        return ONE_BOARD_PER_TARGET.stream().map(board -> DynamicTest.dynamicTest(board, () -> {
            Rivet r = Rivet.run("run", "--board", board, "hello");
            assertEquals(0, r.status(), r::describe);
            assertEquals(expected, r.out(), r::describe);
        }));
    }

    @Test
    void helloRunsOnTheDefaultBoardFromItsManifest() throws Exception {
        Rivet r = Rivet.run("run", "hello");
        assertEquals(0, r.status(), r::describe);
        assertEquals(Files.readString(Path.of("hello/expected-output.txt")), r.out());
    }

    @TestFactory
    Stream<DynamicTest> unitTestsPassOnEveryTarget() {
        return ONE_BOARD_PER_TARGET.stream().map(board -> DynamicTest.dynamicTest(board, () -> {
            Rivet r = Rivet.run("test", "--board", board, "unit-tests");
            assertEquals(0, r.status(), r::describe);
            assertTrue(r.out().startsWith("\nrunning 8 tests\ntest tests::slow_exhaustive_isqrt ... ignored\n"), r::describe);
            assertTrue(r.out().contains("test tests::ring_pop_when_empty_panics - should panic ... ok\n"), r::describe);
            assertTrue(r.out().contains("\ntest result: ok. 7 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in "),
                    r::describe);
        }));
    }

    /** A copy of unit-tests with one assertion broken reports exactly that test and exits 101. */
    @Test
    void aBrokenTestIsReportedAndFailsTheRun(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("unit-tests");
        Files.createDirectories(copy.resolve("src"));
        Files.copy(Path.of("unit-tests/rivet.toml"), copy.resolve("rivet.toml"));
        String lib = Files.readString(Path.of("unit-tests/src/lib.rs"));
        String broken = lib.replace("assert_eq!(adc_to_millivolts(2048), 1650);", "assert_eq!(adc_to_millivolts(2048), 1651);");
        assertNotEquals(lib, broken, "the line to break is in lib.rs");
        Files.writeString(copy.resolve("src/lib.rs"), broken);
        int line = lineOf(broken, "1651");
        Path junit = tmp.resolve("results.xml");

        Rivet r = Rivet.run("test", "--junit", junit.toString(), copy.toString());
        assertEquals(101, r.status(), r::describe);
        assertTrue(r.out().contains("test tests::adc_scales_and_clamps ... FAILED\n"), r::describe);
        String failure = "---- tests::adc_scales_and_clamps stdout ----\npanicked at " + copy.resolve("src/lib.rs") + ":" + line + ":9:\n"
                + "assertion `left == right` failed\n  left: 1650\n right: 1651\n";
        assertTrue(r.out().contains(failure), r::describe);
        assertTrue(r.out().contains("\nfailures:\n    tests::adc_scales_and_clamps\n\ntest result: FAILED. 6 passed; 1 failed; 1 ignored;"),
                r::describe);
        String xml = Files.readString(junit);
        assertTrue(xml.contains("tests=\"8\"") && xml.contains("failures=\"1\""), xml);
    }

    @TestFactory
    Stream<DynamicTest> blinkyTogglesTheLedRegister() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("."))) {
            List<Path> blinkies = dirs.filter(d -> d.getFileName().toString().startsWith("blinky-")).sorted(Comparator.naturalOrder()).toList();
            assertTrue(blinkies.size() >= 4, "blinky examples: " + blinkies);
            return blinkies.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> checkBlinky(dir)));
        }
    }

    private static void checkBlinky(Path dir) throws Exception {
        String main = Files.readString(dir.resolve("src/main.rs"));
        long out = constant(main, "LED_OUT"), pin = constant(main, "LED_PIN");
        Rivet r = Rivet.run("run", "--trace-mmio", dir.toString());
        assertEquals(0, r.status(), r::describe);
        assertEquals("LED on\nLED off\n".repeat(3), r.out(), r::describe);
        // every write to the output register, in order: the pin's bit must alternate, 6 times
        Matcher m = Pattern.compile("mmio write 0x" + String.format("%08x", out) + " \\(4 bytes\\) <- 0x([0-9a-f]{8})").matcher(r.err());
        StringBuilder levels = new StringBuilder();
        while (m.find()) levels.append((Long.parseLong(m.group(1), 16) >> pin & 1) == 1 ? '1' : '0');
        boolean activeLow = main.contains("ACTIVE_LOW: bool = true");
        String expected = (activeLow ? "01" : "10").repeat(3);
        assertTrue(levels.toString().endsWith(expected), () -> "LED pin levels " + levels + ", expected to end with " + expected + "\n"
                + r.describe());
    }

    private static long constant(String source, String name) {
        Matcher m = Pattern.compile("const " + name + ": u32 = (0x[0-9A-Fa-f]+|\\d+);").matcher(source);
        assertTrue(m.find(), name + " in blinky source");
        return Long.decode(m.group(1));
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) if (lines[k].contains(needle)) return k + 1;
        throw new AssertionError(needle + " not found");
    }
}
