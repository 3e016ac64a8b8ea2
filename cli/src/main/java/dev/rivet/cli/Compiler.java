package dev.rivet.cli;

import dev.rivet.frontend.Frontend;
import dev.rivet.frontend.SourceFile;
import dev.rivet.frontend.resolve.SourceLoader;
import dev.rivet.runtime.RuntimeSources;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The compile pipeline as the commands use it: a Rust file plus the runtime library, to IR. */
public final class Compiler {
    private Compiler() {}

    /** Reads the program's root file; a missing file is a user error with exit status 1. */
    public static SourceFile readRoot(Path file) {
        try {
            return new SourceFile(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UserError("error: couldn't read `" + file + "`: No such file or directory (os error 2)");
        } catch (IOException e) {
            throw new UserError("error: couldn't read `" + file + "`: " + e.getMessage());
        }
    }

    /** The runtime crate: its files come from the runtime module's resources. */
    static Frontend.CrateInput runtimeCrate() {
        Path root = Path.of(RuntimeSources.ROOT);
        SourceLoader loader = path -> {
            Path name = path.getFileName();
            if (name == null || !path.toAbsolutePath().getParent().equals(root.toAbsolutePath().getParent())) return Optional.empty();
            return RuntimeSources.read(name.toString())
                    .map(text -> new SourceFile(root.resolveSibling(name).toString(), text));
        };
        String text = RuntimeSources.read("lib.rs").orElseThrow(() -> new IllegalStateException("runtime library missing from the build"));
        return new Frontend.CrateInput("rivet_rt", "rt.", new SourceFile(RuntimeSources.ROOT, text), root, loader);
    }

    /** Compiles {@code file} and the runtime to optimised IR. */
    public static Frontend.Output compile(Path file, String dumpAfter, PrintStream dump, boolean verify) {
        SourceFile root = readRoot(file);
        String name = crateName(file);
        Frontend.CrateInput program = new Frontend.CrateInput(name, "", root, file, SourceLoader.fileSystem());
        return Frontend.compile(List.of(program, runtimeCrate()), dumpAfter, dump, verify);
    }

    /** rustc's crate name for a file: its stem with '-' as '_'. */
    static String crateName(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".rs")) n = n.substring(0, n.length() - 3);
        return n.replace('-', '_');
    }
}
