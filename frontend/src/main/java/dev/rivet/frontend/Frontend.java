package dev.rivet.frontend;

import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.check.Sema;
import dev.rivet.frontend.resolve.Crate;
import dev.rivet.frontend.resolve.CrateBuilder;
import dev.rivet.frontend.resolve.ModuleScope;
import dev.rivet.frontend.resolve.SourceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The front end's entry point: parse the user's crate (and the runtime crate, when given),
 * resolve names, check types, and — unless errors were found — lower everything to one IR
 * module.
 */
public final class Frontend {
    /** A crate to compile: its root file, the path used to find its {@code mod} files, and how to read them. */
    public record CrateInput(String name, String symbolPrefix, SourceFile root, Path rootPath, SourceLoader loader) {}

    /** What the front end produced: the analysis (for tests and tools) and the diagnostics. */
    public record Analysis(Sema sema, List<Crate> crates, Diagnostics diagnostics) {}

    private Frontend() {}

    /** Parses, resolves and type-checks. */
    public static Analysis analyse(List<CrateInput> inputs) {
        Diagnostics diags = new Diagnostics();
        Map<Block, ModuleScope> blockScopes = CrateBuilder.newBlockScopes();
        List<Crate> crates = new ArrayList<>();
        for (CrateInput in : inputs)
            crates.add(CrateBuilder.build(in.name(), in.symbolPrefix(), in.root(), in.rootPath(), in.loader(), diags, blockScopes));
        Sema sema = new Sema(crates, blockScopes, diags);
        sema.analyse();
        return new Analysis(sema, crates, diags);
    }
}
