package dev.rivet.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden-file checks shared by every module's text-in, text-out tests. Run the tests with
 * {@code -Dbless=true} to rewrite expectations from the current output (then review the diff).
 */
public final class Golden {
    private Golden() {}

    public static boolean blessing() {
        return Boolean.getBoolean("bless");
    }

    /** Compares {@code actual} with the file's contents, or writes the file when blessing. */
    public static void check(Path expected, String actual) {
        try {
            if (blessing()) {
                Files.writeString(expected, actual);
                return;
            }
            if (!Files.exists(expected)) fail(expected + " does not exist; run the tests with -Dbless=true to create it");
            assertEquals(Files.readString(expected), actual, "output differs from " + expected + " (-Dbless=true to update)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code dir} whose names end with {@code suffix}, sorted. */
    public static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sibling file with another extension: a.ir -> a.expected. */
    public static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + extension);
    }
}
