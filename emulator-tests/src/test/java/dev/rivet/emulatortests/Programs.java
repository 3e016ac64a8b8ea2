package dev.rivet.emulatortests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance programs: {@code programs/NAME.rs} with the stdout rustc's build prints in
 * {@code NAME.expected} and, for a non-zero exit, the status in {@code NAME.status}, and for a
 * panic the report in {@code NAME.stderr} (regenerate them with {@code expect-from-rustc.sh}).
 */
final class Programs {
    static final Path DIR = Path.of("src/test/resources/programs");

    /** {@code expectedStderr}: rustc's panic report with the file named as {@code NAME.rs}, or null. */
    record Program(Path source, String expectedStdout, int expectedStatus, String expectedStderr) {
        String name() { return source.getFileName().toString().replaceFirst("\\.rs$", ""); }

        /** Checks a run's stderr against the recorded panic report, with the source path cut to the file name as rustc's was. */
        void checkStderr(String stderr) {
            if (expectedStderr == null) return;
            org.junit.jupiter.api.Assertions.assertEquals(expectedStderr, stderr.replace(source.toString(), source.getFileName().toString()),
                    "panic report of " + name());
        }

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
            Path stderr = rs.resolveSibling(rs.getFileName().toString().replaceFirst("\\.rs$", ".stderr"));
            int code = Files.exists(status) ? Integer.parseInt(Files.readString(status).trim()) : 0;
            return new Program(rs, Files.readString(expected), code, Files.exists(stderr) ? Files.readString(stderr) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
