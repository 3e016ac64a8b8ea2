package dev.rivet.frontend.resolve;

import dev.rivet.frontend.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the files {@code mod name;} refers to. Tests substitute an in-memory map. */
@FunctionalInterface
public interface SourceLoader {
    Optional<SourceFile> load(Path path);

    /** Loads from the file system; the file's name is the path as given (relative stays relative). */
    static SourceLoader fileSystem() {
        return path -> {
            if (!Files.isRegularFile(path)) return Optional.empty();
            try {
                return Optional.of(new SourceFile(path.toString(), Files.readString(path)));
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }
}
