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

    /** What to build: a program entered at {@code main}, or the test harness around the {@code #[test]} functions. */
    public enum Mode { PROGRAM, TEST }

    /**
     * A {@code #[test]} function: its path as cargo prints it ({@code tests::adds}), its IR
     * symbol, and its attributes.
     *
     * @param expected the text a {@code #[should_panic(expected = "...")]} panic must contain, or null
     * @param ignore   the reason of {@code #[ignore]} ("" without one), or null when not ignored
     */
    public record TestCase(String name, String symbol, boolean shouldPanic, String expected, String ignore) {}

    /** The result of compiling to IR: the module (null when there were errors), the diagnostics, the tests (test mode). */
    public record Output(dev.rivet.ir.Module module, Diagnostics diagnostics, List<TestCase> tests) {
        public Output(dev.rivet.ir.Module module, Diagnostics diagnostics) {
            this(module, diagnostics, List.of());
        }
    }

    /** The cfg option of {@code panic = "trap"}: every panic becomes a trap instruction, with no message or location. */
    public static final String PANIC_TRAP_CFG = "rivet_panic_trap";

    private Frontend() {}

    public static Output compile(List<CrateInput> inputs, String dumpAfter, java.io.PrintStream dump, boolean verify) {
        return compile(inputs, Mode.PROGRAM, dumpAfter, dump, verify);
    }

    /**
     * Compiles to optimised IR. The first crate is the program. Its entry is {@code main} at the
     * crate root, a {@code #[entry]} function, or a {@code #[no_mangle] extern "C" fn main}; in
     * test mode a generated harness calls the test chosen at run time instead.
     *
     * @param dumpAfter pass whose output goes to {@code dump} (null for none)
     * @param verify    run the IR verifier after every pass
     */
    public static Output compile(List<CrateInput> inputs, Mode mode, String dumpAfter, java.io.PrintStream dump, boolean verify) {
        Analysis a = analyse(inputs);
        Diagnostics diags = a.diagnostics();
        Crate program = a.crates().getFirst();
        if (mode == Mode.PROGRAM && !diags.hasErrors()) checkEntry(program, diags);
        List<TestCase> tests = mode == Mode.TEST ? TestHarness.cases(program, diags) : List.of();
        if (diags.hasErrors()) return new Output(null, diags, tests);
        boolean trapPanics = inputs.getFirst().cfg().options().contains(PANIC_TRAP_CFG);
        dev.rivet.ir.Module module = dev.rivet.frontend.lower.Lowering.lower(a.sema(), trapPanics);
        if (mode == Mode.TEST) TestHarness.build(module, tests);
        if (verify) dev.rivet.ir.Verifier.verify(module);
        String root = mode == Mode.TEST ? TestHarness.ENTRY : "main";
        dev.rivet.ir.pass.PassManager.run(module, dev.rivet.ir.pass.PassManager.standard(java.util.Set.of(root)),
                verify, dumpAfter, dump);
        return new Output(module, diags, tests);
    }

    /** The program has exactly one entry. */
    private static void checkEntry(Crate program, Diagnostics diags) {
        dev.rivet.frontend.resolve.Def main = program.root.values.get("main");
        // `#[entry] fn main() -> !` is the usual cortex-m-rt spelling: the entry may itself be named main.
        boolean rootMain = main instanceof dev.rivet.frontend.resolve.Def.Fn f && f.fn().symbol.equals("main") && f.fn() != program.entry;
        boolean exportedMain = program.functions.stream().anyMatch(f -> f.symbol.equals("main") && f != program.entry);
        if (program.entry != null && (rootMain || exportedMain)) {
            diags.error(program.entry.ast.nameSpan(), "`#[entry]` function and a `main` function: the program has two entry points");
            return;
        }
        if (program.entry == null && !rootMain && !exportedMain)
            diags.add(new Diagnostic(Diagnostic.Severity.ERROR, "`main` function not found in crate `" + program.name + "`",
                    null, "", "consider adding a `main` function to `" + program.root.file.name() + "`"));
    }

    /** Parses, resolves and type-checks. */
    public static Analysis analyse(List<CrateInput> inputs) {
        Diagnostics diags = new Diagnostics();
        Map<Block, ModuleScope> blockScopes = CrateBuilder.newBlockScopes();
        List<Crate> crates = new ArrayList<>();
        Map<String, Map<String, dev.rivet.frontend.parse.MacroDef>> macros = new java.util.HashMap<>();
        for (CrateInput in : inputs) {
            dev.rivet.frontend.parse.Cfg cfg = in.cfg();
            // The runtime's panic path hands over to a user's #[panic_handler] when there is one.
            if (!crates.isEmpty() && crates.getFirst().panicHandler != null) cfg = cfg.with("rivet_user_panic_handler");
            Crate c = CrateBuilder.build(in.name(), in.symbolPrefix(), in.root(), in.rootPath(), in.loader(), cfg, diags, blockScopes, macros);
            crates.add(c);
            macros.put(c.name, c.macros);
        }
        Sema sema = new Sema(crates, blockScopes, diags);
        sema.analyse();
        return new Analysis(sema, crates, diags);
    }
}
