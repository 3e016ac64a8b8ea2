package dev.rivet.linker;

import static org.junit.jupiter.api.Assertions.*;

import dev.rivet.linker.elf.RelocatableReader;
import dev.rivet.linker.image.FlatBinary;
import dev.rivet.linker.image.LoadedBytes;
import dev.rivet.linker.script.ScriptParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Objects and a script in, layout out. Each directory under {@code link/} holds assembly
 * sources (assembled by GNU as, so the ELF reader sees what GNU tools write), a linker
 * script and {@code expected.txt}: section addresses, sizes and bytes, and symbol values.
 * The same objects linked by GNU ld with the same script must give the same symbol values
 * and, through objcopy, the same binary (GNU ld does not fold identical code, so that link is
 * compared with rivet's without folding). -Dbless=true rewrites expected.txt.
 */
class LinkGoldenTest {
    static final Path CASES = Path.of("src/test/resources/link");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.sorted().toList().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
        }
    }

    private static void check(Path dir) throws Exception {
        GnuTools gnu = GnuTools.forTarget(Files.readString(dir.resolve("target")).strip());
        Path tmp = Files.createTempDirectory("link-" + dir.getFileName());
        List<Path> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path s : files.filter(f -> f.toString().endsWith(".s")).sorted().toList()) objects.add(gnu.assemble(s, tmp));
        }
        Path expectedError = dir.resolve("expected-error.txt");
        if (Files.exists(expectedError)) {
            LinkException e = assertThrows(LinkException.class, () -> link(objects, dir.resolve("script.ld")));
            if (Boolean.getBoolean("bless")) Files.writeString(expectedError, e.getMessage() + "\n");
            assertEquals(Files.readString(expectedError), e.getMessage() + "\n", "error of " + dir);
            assertThrows(IllegalStateException.class, () -> gnu.link(objects, dir.resolve("script.ld"), tmp), "GNU ld must refuse it too");
            return;
        }
        LinkedImage image = link(objects, dir.resolve("script.ld"));
        String actual = render(image);
        Path expected = dir.resolve("expected.txt");
        if (Boolean.getBoolean("bless")) Files.writeString(expected, actual);
        assertEquals(Files.readString(expected), actual, "layout of " + dir);

        // GNU ld does not fold identical code: compare it with rivet's link without folding
        image = link(objects, dir.resolve("script.ld"), new Linker.Options(true, true, false));
        Path gnuElf = gnu.link(objects, dir.resolve("script.ld"), tmp);
        Map<String, Long> gnuSymbols = nm(gnu, gnuElf);
        for (Map.Entry<String, Long> e : gnuSymbols.entrySet()) {
            LinkedImage.LinkedSymbol ours = image.symbol(e.getKey());
            assertNotNull(ours, "GNU ld defines " + e.getKey() + "; rivet does not");
            assertEquals(e.getValue(), ours.value() & ~1L, "value of " + e.getKey() + " (GNU ld vs rivet)");
        }
        assertArrayEquals(gnu.binary(gnuElf, tmp), FlatBinary.write(LoadedBytes.of(image)), "objcopy -O binary of GNU ld's link vs rivet's");
    }

    static LinkedImage link(List<Path> objects, Path script) throws IOException {
        return link(objects, script, Linker.Options.DEFAULT);
    }

    static LinkedImage link(List<Path> objects, Path script, Linker.Options options) throws IOException {
        List<ObjectFile> in = new ArrayList<>();
        for (Path o : objects) in.add(RelocatableReader.read(o.getFileName().toString(), Files.readAllBytes(o)));
        var parsed = ScriptParser.parse(new ScriptParser.Source(script.getFileName().toString(), Files.readString(script)), name -> null);
        return Linker.link(in, parsed, options);
    }

    /** Sections with their addresses and bytes, then the symbols a reader of the map cares about. */
    static String render(LinkedImage image) {
        StringBuilder sb = new StringBuilder(String.format("entry 0x%08x%n", image.entry()));
        for (LinkedImage.OutputSection s : image.sections()) {
            sb.append(String.format("section %-10s vma 0x%08x lma 0x%08x size 0x%x%s%n", s.name(), s.vma(), s.lma(), s.size(),
                    s.loaded() ? "" : " (no contents)"));
            if (s.loaded())
                for (int k = 0; k < s.data().length; k += 16)
                    sb.append("  ").append(HexFormat.of().formatHex(s.data(), k, Math.min(s.data().length, k + 16))).append('\n');
        }
        image.symbols().stream().filter(s -> !s.name().contains("@") && !s.name().startsWith("."))
                .sorted(Comparator.comparing(LinkedImage.LinkedSymbol::name))
                .forEach(s -> sb.append(String.format("symbol %-12s 0x%08x%s%n", s.name(), s.value(), s.function() ? " function" : "")));
        for (LinkedImage.Folded f : image.folded()) sb.append("folded ").append(f.section()).append(" into ").append(f.intoSection()).append('\n');
        return sb.toString();
    }

    /** Symbol values from GNU nm, without local labels and mapping symbols. */
    private static Map<String, Long> nm(GnuTools gnu, Path elf) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (String line : gnu.run(List.of(gnu.prefix() + "nm", elf.toString())).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3 || f[2].startsWith("$") || f[2].startsWith(".L")) continue;
            out.put(f[2], Long.parseLong(f[0], 16) & ~1L);
        }
        return out;
    }
}
