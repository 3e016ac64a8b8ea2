package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault reports name the function and source line of the PC and give a backtrace through the
 * calls, recovered from the unwind rows the back ends record: on every ISA variant, and through
 * a flash alias (ch32v003 runs its flash at address 0).
 */
class FaultReportTest {
    private static final String[] PLACES = FaultPrograms.PLACES;

    @TempDir
    static Path tmp;

    private static Path program(String name) throws IOException {
        return FaultPrograms.copy(tmp, name);
    }

    private static void assertFrame(String report, int n, String function, String location) {
        String fn = function == null ? "\\S+" : Pattern.quote(function);
        Pattern frame = Pattern.compile("(?m)^    #" + n + " 0x[0-9a-f]{8} in " + fn + "\\+0x[0-9a-f]+ at \\S*/" + location + "$");
        assertTrue(frame.matcher(report).find(), "frame #" + n + " in " + function + " at " + location + " in\n" + report);
    }

    @TestFactory
    Stream<DynamicTest> badStoreNamesTheLineAndTheCallers() {
        return Stream.of(PLACES).map(place -> DynamicTest.dynamicTest(place, () -> {
            CliRunner r = CliRunner.run("run", place, program("oob.rs").toString());
            assertEquals(3, r.status(), r.err());
            assertTrue(r.err().contains("fault: bad memory access: write of unmapped address"), r.err());
            assertTrue(Pattern.compile("(?m)^  pc: +0x[0-9a-f]{8} in poke\\+0x[0-9a-f]+ at \\S*/oob.rs:3:14$").matcher(r.err()).find(), r.err());
            assertFrame(r.err(), 0, "poke", "oob.rs:3:14");
            assertFrame(r.err(), 1, "middle", "oob.rs:8:5");
            assertFrame(r.err(), 2, null, "oob.rs:14:5"); // main, inlined into the start-up code
            assertFalse(r.err().contains("#3 "), r.err());
        }));
    }

    @TestFactory
    Stream<DynamicTest> hangNamesTheLoopAndTheCallers() {
        return Stream.of(PLACES).map(place -> DynamicTest.dynamicTest(place, () -> {
            CliRunner r = CliRunner.run("run", place, "--max-insns=5000", program("spin.rs").toString());
            assertEquals(124, r.status(), r.err());
            // the loop may stop inside a runtime routine it calls (rv32ec multiplies with __mulsi3): one frame more
            int k = r.err().contains("#0 0x") && !r.err().matches("(?s).*#0 0x[0-9a-f]{8} in spin\\+.*") ? 1 : 0;
            assertFrame(r.err(), k, "spin", "spin.rs:[56]:\\d+");
            assertFrame(r.err(), k + 1, "outer", "spin.rs:13:13");
            assertFrame(r.err(), k + 2, null, "spin.rs:18:13");
        }));
    }

    /** The RISC-V start-up code sets gp to the linker script's __global_pointer$ (the fault report shows the register). */
    @org.junit.jupiter.api.Test
    void riscvStartupSetsTheGlobalPointer() throws Exception {
        Path map = tmp.resolve("gp");
        CliRunner built = CliRunner.run("build", "--board=hifive1-revb", "--emit=map", "-o", map.toString(), program("oob.rs").toString());
        assertEquals(0, built.status(), built.err());
        var symbol = Pattern.compile("(?m)^\\s+0x([0-9a-f]{8}) __global_pointer\\$$").matcher(Files.readString(tmp.resolve("gp.map")));
        assertTrue(symbol.find(), "__global_pointer$ in the map");
        CliRunner r = CliRunner.run("run", "--board=hifive1-revb", program("oob.rs").toString());
        assertTrue(r.err().contains(" gp=" + symbol.group(1) + " "), "gp=" + symbol.group(1) + " in\n" + r.err());
    }
}
