package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linker's identical code folding on real firmware, on one board of each ISA: equal
 * functions that are only called share one copy (the map says so, and both names give its
 * address), and functions whose address is taken keep their own. That folded firmware still
 * prints what rustc's build prints is the conformance program identical_code's job, on every target.
 */
class IdenticalCodeTest {
    static final String PROGRAM = """
            #[inline(never)]
            fn scale_a(x: u32) -> u32 { (x << 3) ^ (x >> 2) }
            #[inline(never)]
            fn scale_b(x: u32) -> u32 { (x << 3) ^ (x >> 2) }
            #[inline(never)]
            fn apply_a(x: u32) -> u32 { scale_a(x) + scale_a(x + 1) }
            #[inline(never)]
            fn apply_b(x: u32) -> u32 { scale_b(x) + scale_b(x + 1) }
            fn step_one(x: u32) -> u32 { x.rotate_left(5) ^ 0x55 }
            fn step_two(x: u32) -> u32 { x.rotate_left(5) ^ 0x55 }
            fn run(f: fn(u32) -> u32, x: u32) -> u32 { f(f(x)) }

            fn main() {
                println!("{} {} {}", apply_a(1000), apply_b(1000), scale_b(9));
                let table: [fn(u32) -> u32; 2] = [step_one, step_two];
                println!("{} {}", run(table[0], 1), run(table[1], 2));
            }
            """;

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> foldsOnlyWhatNoOneCanTellApart() {
        return Stream.of("pico", "esp32c3-devkitm").map(board -> DynamicTest.dynamicTest(board, () -> check(board)));
    }

    private void check(String board) throws IOException {
        Path src = tmp.resolve("twins.rs");
        Files.writeString(src, PROGRAM);
        Path base = tmp.resolve(board).resolve("twins");
        CliRunner build = CliRunner.run("build", "--board", board, "--emit", "map", "-o", base.toString(), src.toString());
        assertEquals(0, build.status(), build.err());
        String map = Files.readString(Path.of(base + ".map"));
        assertTrue(map.contains(" .text.scale_b twins.rs -> .text.scale_a twins.rs\n"), map);
        assertTrue(map.contains(" .text.apply_b twins.rs -> .text.apply_a twins.rs\n"), map);
        assertFalse(map.contains(".text.step_two twins.rs ->"), "step_two's address is taken: " + map);
        assertEquals(address(map, "scale_a"), address(map, "scale_b"), map);
        assertEquals(address(map, "apply_a"), address(map, "apply_b"), map);
        assertNotEquals(address(map, "step_one"), address(map, "step_two"), map);

        CliRunner size = CliRunner.run("size", "--all", "--board", board, src.toString());
        assertEquals(0, size.status(), size.err());
        assertTrue(Pattern.compile("(?m)code  \\S*scale_a = \\S*scale_b$").matcher(size.out()).find(), "one row for shared code: " + size.out());
    }

    /** The address the map gives a symbol whose name ends in {@code name} (mangled or not). */
    private static String address(String map, String name) {
        Matcher m = Pattern.compile("(?m)^ +(0x[0-9a-f]+) (\\S*" + Pattern.quote(name) + ")$").matcher(map);
        assertTrue(m.find(), "no symbol " + name + " in the map");
        return m.group(1);
    }
}
