package dev.rivet.cli;

import dev.rivet.runtime.RuntimeSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Source lines by file name and line number, for listings: the user's files from disk, the runtime's from the build. */
final class SourceLines {
    private final Map<String, List<String>> files = new HashMap<>();

    /** The text of a 1-based line, or null when the file cannot be read or is shorter. */
    String line(String file, int line) {
        List<String> lines = files.computeIfAbsent(file, SourceLines::read);
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    }

    private static List<String> read(String file) {
        Path p = Path.of(file);
        try {
            if (Files.isRegularFile(p)) return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
        Path root = Path.of(RuntimeSources.ROOT).toAbsolutePath().getParent();
        Path name = p.getFileName();
        if (name == null || !root.equals(p.toAbsolutePath().getParent())) return List.of();
        Optional<String> text = RuntimeSources.read(name.toString());
        return text.map(t -> t.lines().toList()).orElse(List.of());
    }
}
