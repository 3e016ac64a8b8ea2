package dev.rivet.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The runtime library's Rust sources, shipped as resources of this module. The crate root is
 * {@code lib.rs}; {@code mod name;} resolves to {@code name.rs} next to it.
 */
public final class RuntimeSources {
    /** The name the crate root has in diagnostics and panic locations. */
    public static final String ROOT = "rivet-runtime/lib.rs";
    private static final String DIR = "/dev/rivet/runtime/";

    private RuntimeSources() {}

    /** The text of {@code name} (e.g. "lib.rs", "fmt.rs"), if the runtime has such a file. */
    public static Optional<String> read(String name) {
        try (InputStream in = RuntimeSources.class.getResourceAsStream(DIR + name)) {
            if (in == null) return Optional.empty();
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
