package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rivet build --emit asm}: functions with sizes, source lines, instructions, relocations by symbol. */
class AsmListingTest {
    @TempDir
    Path tmp;

    private Path program() throws Exception {
        Path p = tmp.resolve("oob.rs");
        try (InputStream in = getClass().getResourceAsStream("/faults/oob.rs")) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static void assertLine(String listing, String regex) {
        assertTrue(Pattern.compile("(?m)^" + regex + "$").matcher(listing).find(), "no line /" + regex + "/ in\n" + listing);
    }

    @Test
    void thumbListing() throws Exception {
        CliRunner r = CliRunner.run("build", "--emit", "asm", "--target", "thumbv7m-none-eabi", program().toString());
        assertEquals(0, r.status(), r.err());
        String l = r.out();
        assertLine(l, "\\t\\.section\\t\\.text\\.poke");
        assertLine(l, "poke: +; 4 bytes");
        assertLine(l, "; \\S*oob\\.rs:3:14: unsafe \\{ core::ptr::write_volatile\\(p as \\*mut u32, v\\); \\}");
        assertLine(l, " +0:\\t6001 +\\tstr\\tr1, \\[r0, #0\\]");
        assertLine(l, " +[0-9a-f]+:\\tf7ff fffe\\s+\\tbl\\tpoke +; R_ARM_THM_CALL poke-4");
        assertLine(l, " +[0-9a-f]+:\\t +\\t\\.word\\t0x00000000 +; R_ARM_ABS32 str\\.\\d+");
        assertLine(l, "str\\.\\d+: +; 6 bytes, read-only");
    }

    @Test
    void riscvListingShowsCompressedForms() throws Exception {
        Path out = tmp.resolve("oob.s");
        CliRunner r = CliRunner.run("build", "--emit", "asm", "--target", "riscv32imc-unknown-none-elf", "-o", out.toString(),
                program().toString());
        assertEquals(0, r.status(), r.err());
        String l = Files.readString(out);
        assertLine(l, " +0:\\tc10c +\\tc\\.sw\\ta1,0\\(a0\\)");
        assertLine(l, " +[0-9a-f]+:\\t000000ef +\\tjal\\tra,poke +; R_RISCV_JAL poke, R_RISCV_RELAX");
        assertLine(l, " +[0-9a-f]+:\\t8082 +\\tc\\.jr\\tra");
    }

    @Test
    void aBoardBuildsWithItsConsoleLikeTheFirmware() throws Exception {
        CliRunner uart = CliRunner.run("build", "--emit", "asm", "--board", "ch32v003-evt", program().toString());
        assertEquals(0, uart.status(), uart.err());
        assertLine(uart.out(), "\\t\\.section\\t\\.text\\.rt\\.uart\\.write_reg");
        CliRunner semihosting = CliRunner.run("build", "--emit", "asm", "--target", "riscv32ec-unknown-none-elf", program().toString());
        assertEquals(0, semihosting.status(), semihosting.err());
        assertFalse(semihosting.out().contains("rt.uart"), "a bare target has no UART: semihosting");
        assertTrue(semihosting.out().contains("ebreak"), "the semihosting call sequence");
    }

    @Test
    void asmNeedsATarget() throws Exception {
        CliRunner r = CliRunner.run("build", "--emit", "asm", program().toString());
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("--emit obj and asm need --target or --board"), r.err());
    }
}
