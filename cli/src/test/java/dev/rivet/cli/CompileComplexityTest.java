package dev.rivet.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rivet.codegen.CodeGenerator;
import dev.rivet.frontend.Frontend;
import dev.rivet.frontend.SourceFile;
import dev.rivet.frontend.parse.Cfg;
import dev.rivet.frontend.resolve.SourceLoader;
import dev.rivet.ir.Module;
import dev.rivet.ir.TargetTriple;
import dev.rivet.ir.Work;
import dev.rivet.ir.pass.PassManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the compiler's complexity without timing anything: every optimisation pass and the
 * machine passes count the work they do ({@link Work}: instructions and blocks visited,
 * dominance queries, intervals compared, interference edges...), and on generated programs of
 * size n and 2n the work each does beyond what the bare runtime costs must grow about twice,
 * not four times. The inputs are the shapes that were quadratic: a function of many lets (one
 * slot each), a long else-if chain (a deep dominator tree), a big match, and many modules whose
 * functions all inline into main (one huge function).
 */
class CompileComplexityTest {
    /** Doubling the input may cost at most this much more work (2 plus slack for n log n and small effects). */
    private static final double MAX_GROWTH = 2.5;
    /**
     * Known exceptions, each with its reason: sccp sweeps the blocks until nothing changes, and
     * code after a loop becomes executable only in the sweep after the loop's back edge is
     * taken, so k loops in sequence take about k sweeps (see Sccp's header).
     */
    private static final Map<String, Set<String>> KNOWN_SUPERLINEAR = Map.of("modules", Set.of("sccp"));

    @ParameterizedTest
    @ValueSource(strings = {"lets", "elseif", "match", "modules"})
    void workGrowsLinearly(String shape) {
        IntFunction<String> program = switch (shape) {
            case "lets" -> n -> BenchPrograms.lets(600 * n);
            case "elseif" -> n -> BenchPrograms.elseIfChain(150 * n);
            case "match" -> n -> BenchPrograms.bigMatch(150 * n);
            default -> n -> BenchPrograms.modules(500 * n);
        };
        Map<String, Long> base = work(BenchPrograms.lets(3)), small = work(program.apply(1)), large = work(program.apply(2));
        StringBuilder report = new StringBuilder();
        for (String stage : large.keySet()) {
            long b = base.getOrDefault(stage, 0L), s = small.getOrDefault(stage, 0L) - b, l = large.get(stage) - b;
            if (l < 2_000 || KNOWN_SUPERLINEAR.getOrDefault(shape, Set.of()).contains(stage)) continue; // too little to judge, or known
            double growth = (double) l / Math.max(1, s);
            report.append(String.format("%s: %d -> %d (x%.2f)%n", stage, s, l, growth));
            assertTrue(growth <= MAX_GROWTH, () -> shape + ": " + stage + " grew x" + String.format("%.2f", growth)
                    + " on twice the input\n" + report);
        }
    }

    /** Work per optimisation pass (summed over its runs) and for code generation, for one program. */
    private static Map<String, Long> work(String source) {
        Cfg cfg = Cfg.forTarget("arm", false, Set.of());
        for (String c : ConsoleDriver.SEMIHOSTING.cfg(true)) cfg = cfg.with(c);
        Frontend.CrateInput program = new Frontend.CrateInput("bench", "", new SourceFile("bench.rs", source), Path.of("bench.rs"),
                SourceLoader.fileSystem(), cfg);
        Frontend.Analysis a = Frontend.analyse(List.of(program, Compiler.runtimeCrate(cfg, Map.of())));
        assertTrue(!a.diagnostics().hasErrors(), () -> a.diagnostics().render());
        Module m = dev.rivet.frontend.lower.Lowering.lower(a.sema(), false);
        Map<String, Long> work = new TreeMap<>();
        for (PassManager.Entry e : PassManager.standard(Set.of("main"))) {
            Work.start();
            e.pass().run(m);
            work.merge(e.pass().name(), Work.stop(), Long::sum);
        }
        // a pass name that matches none keeps code generation on this thread, where the count is exact
        CodeGenerator cg = new CodeGenerator(Compiler.backend(TargetTriple.byTriple("thumbv7m-none-eabi").orElseThrow()),
                Set.of("(counting)"), (pass, text) -> { });
        Work.start();
        cg.generate(m, "bench");
        work.put("codegen", Work.stop());
        return work;
    }
}
