package dev.rivet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rivet.boards.TomlLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a command works on: a single {@code .rs} file, or a project directory whose
 * {@code rivet.toml} names the package, its default board and what else to link. The crate's
 * root is {@code src/main.rs} (or {@code src/lib.rs} for a library of tests).
 *
 * @param dir       the project directory, or null for a single file
 * @param board     the board rivet.toml names, or null
 * @param script    a linker script of the project's own, or null
 * @param objects   extra relocatable objects to link (C or assembly compiled by other tools)
 * @param trapPanics {@code panic = "trap"}: a panic executes a trap instruction at once, with no
 *                  message or location kept in the image (the smallest code)
 */
record Project(String name, Path root, Path dir, String board, Path script, List<Path> objects, boolean trapPanics) {
    /** {@code [package]}. */
    record Package(String name, String board, String linkerScript, List<String> objects, String panic) {}

    /** The TOML reader, made when a manifest is first read: a lone .rs file does not load Jackson at all. */
    private static final class Toml {
        static final ObjectMapper MAPPER = TomlMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** A lone .rs file: no manifest, nothing else to link. */
    static Project single(Path file) {
        return new Project(Compiler.crateName(file), file, null, null, null, List.of(), false);
    }

    /** This project with more objects to link (given on the command line). */
    Project withObjects(List<Path> more) {
        if (more.isEmpty()) return this;
        List<Path> all = new java.util.ArrayList<>(objects);
        all.addAll(more);
        return new Project(name, root, dir, board, script, List.copyOf(all), trapPanics);
    }

    /** This project with the panic strategy of {@code --panic} ("report" or "trap"), when given. */
    Project withPanic(String strategy) {
        if (strategy == null) return this;
        return new Project(name, root, dir, board, script, objects, parsePanic(strategy, "error: --panic"));
    }

    private static boolean parsePanic(String strategy, String where) {
        return switch (strategy) {
            case "report" -> false;
            case "trap" -> true;
            default -> throw new UserError(where + ": unknown panic strategy `" + strategy + "` (known: report, trap)");
        };
    }

    static Project resolve(Path path) {
        if (!Files.isDirectory(path)) return single(path);
        Path manifest = path.resolve("rivet.toml");
        if (!Files.isRegularFile(manifest))
            throw new UserError("error: could not find `rivet.toml` in `" + path + "` (create a project with `rivet new NAME`)");
        Package p = read(manifest);
        Path root = Files.isRegularFile(path.resolve("src/main.rs")) ? path.resolve("src/main.rs") : path.resolve("src/lib.rs");
        if (!Files.isRegularFile(root)) throw new UserError("error: `" + path + "` has neither src/main.rs nor src/lib.rs");
        List<Path> objects = p.objects() == null ? List.of() : p.objects().stream().map(path::resolve).collect(Collectors.toList());
        boolean trap = "trap".equals(p.panic()); // read() checked the value
        return new Project(p.name() != null ? p.name() : path.toAbsolutePath().getFileName().toString(), root, path, p.board(),
                p.linkerScript() == null ? null : path.resolve(p.linkerScript()), objects, trap);
    }

    private static Package read(Path manifest) {
        String text;
        try {
            text = Files.readString(manifest);
        } catch (IOException e) {
            throw new UserError("error: cannot read " + manifest + ": " + e.getMessage());
        }
        try {
            var tree = Toml.MAPPER.readTree(text);
            var pkg = tree.get("package");
            if (pkg == null) throw new UserError("error: " + manifest + ": missing [package] table");
            for (var it = tree.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("package")) throw new UserError(where(manifest, text, key) + ": unknown table `" + key + "`");
            }
            Package p = Toml.MAPPER.treeToValue(pkg, Package.class);
            if (p.panic() != null) parsePanic(p.panic(), where(manifest, text, "package.panic"));
            return p;
        } catch (UnrecognizedPropertyException e) {
            throw new UserError(where(manifest, text, "package." + e.getPropertyName()) + ": unknown field `" + e.getPropertyName()
                    + "` in [package] (known: name, board, linker_script, objects, panic)");
        } catch (JsonMappingException e) {
            String field = "package." + e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new UserError(where(manifest, text, field) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new UserError("error: " + manifest + (loc != null ? ":" + loc.getLineNr() + ":" + loc.getColumnNr() : "") + ": "
                    + e.getOriginalMessage());
        }
    }

    private static String where(Path manifest, String text, String field) {
        TomlLocator.Position p = new TomlLocator(text).find(field);
        return "error: " + manifest + (p != null ? ":" + p.line() + ":" + p.column() : "");
    }
}
