package dev.rivet.emulatortests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance programs: {@code programs/NAME.rs} with the stdout rustc's build prints in
 * {@code NAME.expected} and, for a non-zero exit, the status in {@code NAME.status}
 * (regenerate both with {@code expect-from-rustc.sh}).
 */
final class Programs {
    static final Path DIR = Path.of("src/test/resources/programs");

    record Program(Path source, String expectedStdout, int expectedStatus) {
        String name() { return source.getFileName().toString().replaceFirst("\\.rs$", ""); }

        @Override
        public String toString() { return name(); }
    }

    private Programs() {}

    static List<Program> all() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".rs")).sorted().map(Programs::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Program load(Path rs) {
        try {
            Path expected = rs.resolveSibling(rs.getFileName().toString().replaceFirst("\\.rs$", ".expected"));
            Path status = rs.resolveSibling(rs.getFileName().toString().replaceFirst("\\.rs$", ".status"));
            int code = Files.exists(status) ? Integer.parseInt(Files.readString(status).trim()) : 0;
            return new Program(rs, Files.readString(expected), code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
