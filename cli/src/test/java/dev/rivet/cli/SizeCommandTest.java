package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rivet size}: flash and RAM use add up from the output sections the table lists. */
class SizeCommandTest {
    @TempDir
    Path tmp;

    private String hello() throws Exception {
        Path p = tmp.resolve("hello.rs");
        Files.writeString(p, "static TABLE: [u32; 3] = [1, 2, 3];\nfn main() { println!(\"{}\", TABLE[2]); }\n");
        return p.toString();
    }

    /** The sum of the SIZE column of the section table. */
    private static long sectionTotal(String out) {
        long total = 0;
        Matcher m = Pattern.compile("(?m)^\\.\\S+\\s+0x\\p{XDigit}+\\s+0x\\p{XDigit}+\\s+(\\d+)$").matcher(out);
        while (m.find()) total += Long.parseLong(m.group(1));
        return total;
    }

    private static long flash(String out) {
        Matcher m = Pattern.compile("(?m)^flash: (\\d+) of").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    @Test
    void flashOnACortexMBoardIsWhatItsSectionsHold() throws Exception {
        CliRunner r = CliRunner.run("size", "--board", "lm3s6965evb", hello());
        assertEquals(0, r.status(), r.err());
        assertTrue(flash(r.out()) > 0);
        assertEquals(sectionTotal(r.out()), flash(r.out()), r.out());
    }

    @Test
    void anEsp32c3ImageRunsFromRamButIsStoredInFlash() throws Exception {
        CliRunner r = CliRunner.run("size", "--board", "esp32c3-devkitm", hello());
        assertEquals(0, r.status(), r.err());
        assertEquals(sectionTotal(r.out()), flash(r.out()), "the ROM copies the image from flash into RAM:\n" + r.out());
    }
}
