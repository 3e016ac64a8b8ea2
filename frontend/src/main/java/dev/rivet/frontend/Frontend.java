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
    public record CrateInput(String name, String symbolPrefix, SourceFile root, Path rootPath, SourceLoader loader,
                             dev.rivet.frontend.parse.Cfg cfg) {
        public CrateInput(String name, String symbolPrefix, SourceFile root, Path rootPath, SourceLoader loader) {
            this(name, symbolPrefix, root, rootPath, loader, dev.rivet.frontend.parse.Cfg.NONE);
        }
    }

    /** What the front end produced: the analysis (for tests and tools) and the diagnostics. */
    public record Analysis(Sema sema, List<Crate> crates, Diagnostics diagnostics) {}

    /** The result of compiling to IR: the module (null when there were errors) and the diagnostics. */
    public record Output(dev.rivet.ir.Module module, Diagnostics diagnostics) {}

    private Frontend() {}

    /**
     * Compiles to optimised IR. The first crate is the program; its {@code main} (at the crate
     * root) is the entry point and, with exported symbols, the root of dead-code elimination.
     *
     * @param dumpAfter pass whose output goes to {@code dump} (null for none)
     * @param verify    run the IR verifier after every pass
     */
    public static Output compile(List<CrateInput> inputs, String dumpAfter, java.io.PrintStream dump, boolean verify) {
        Analysis a = analyse(inputs);
        Diagnostics diags = a.diagnostics();
        Crate program = a.crates().getFirst();
        dev.rivet.frontend.resolve.Def main = program.root.values.get("main");
        if (!diags.hasErrors() && !(main instanceof dev.rivet.frontend.resolve.Def.Fn))
            diags.add(new Diagnostic(Diagnostic.Severity.ERROR, "`main` function not found in crate `" + program.name + "`",
                    null, "", "consider adding a `main` function to `" + program.root.file.name() + "`"));
        if (diags.hasErrors()) return new Output(null, diags);
        dev.rivet.ir.Module module = dev.rivet.frontend.lower.Lowering.lower(a.sema());
        if (verify) dev.rivet.ir.Verifier.verify(module);
        dev.rivet.ir.pass.PassManager.run(module, dev.rivet.ir.pass.PassManager.standard(java.util.Set.of("main")),
                verify, dumpAfter, dump);
        return new Output(module, diags);
    }


    /** Parses, resolves and type-checks. */
    public static Analysis analyse(List<CrateInput> inputs) {
        Diagnostics diags = new Diagnostics();
        Map<Block, ModuleScope> blockScopes = CrateBuilder.newBlockScopes();
        List<Crate> crates = new ArrayList<>();
        for (CrateInput in : inputs)
            crates.add(CrateBuilder.build(in.name(), in.symbolPrefix(), in.root(), in.rootPath(), in.loader(), in.cfg(), diags, blockScopes));
        Sema sema = new Sema(crates, blockScopes, diags);
        sema.analyse();
        return new Analysis(sema, crates, diags);
    }
}
