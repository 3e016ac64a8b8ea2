package dev.rivet.ir.pass;

import dev.rivet.ir.Module;
import dev.rivet.ir.Printer;
import dev.rivet.ir.Verifier;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * Runs the pass list. The list is data: each entry says which pass runs and why it sits where
 * it does. The same pass may run more than once; --dump-after=NAME prints the IR after every run
 * of that pass.
 */
public final class PassManager {
    /** One entry of the pass list. */
    public record Entry(Pass pass, String why) {}

    /** rivet's optimisation pipeline. {@code roots} are the symbols global DCE must keep. */
    public static List<Entry> standard(Set<String> roots) {
        GlobalDce gdce = new GlobalDce(roots);
        return List.of(
                new Entry(gdce, "drop what the program never references before spending time on it"),
                new Entry(new Sroa(), "split aggregates in stack slots into one slot per scalar field"),
                new Entry(new Mem2Reg(), "turn scalar stack slots into SSA values"),
                new Entry(new Dce(), "drop the parameters mem2reg left unused, so that simplifycfg can thread what they carried"),
                new Entry(new Sccp(), "propagate constants and prune branches they decide"),
                new Entry(new Combine(), "simplify identities, turn multiplications by powers of two into shifts"),
                new Entry(new Gvn(), "reuse dominating computations; a branch's condition is known in what it guards"),
                new Entry(new Ranges(), "decide comparisons from value ranges (bounds checks of loop counters)"),
                new Entry(new Sccp(), "fold the branches gvn and ranges made constant"),
                new Entry(new SimplifyCfg(), "merge and thread the blocks pruning left behind"),
                new Entry(new Dce(), "remove computations nothing uses, including block parameters"),
                new Entry(new Inline(), "inline where it shrinks the program: single call sites and tiny bodies"),
                new Entry(new Sroa(), "inlining exposes aggregates passed by pointer to slots again"),
                new Entry(new Mem2Reg(), "promote the slots the second SROA produced"),
                new Entry(new Sccp(), "constants flow into inlined bodies"),
                new Entry(new Combine(), "simplify what inlining and constants exposed"),
                new Entry(new Gvn(), "checks repeated across inlined calls fold away"),
                new Entry(new Ranges(), "ranges flow into inlined bodies"),
                new Entry(new Sccp(), "fold the branches gvn and ranges made constant"),
                new Entry(new SimplifyCfg(), "clean up after inlining and pruning"),
                new Entry(new Combine(), "simplify what merged and threaded blocks put side by side"),
                new Entry(new Dce(), "final sweep of dead values"),
                new Entry(gdce, "functions that were inlined everywhere are now unreferenced"));
    }

    /** Names accepted by --dump-after: every pass of the standard list. */
    public static Set<String> passNames() {
        Set<String> names = new java.util.TreeSet<>();
        for (Entry e : standard(Set.of())) names.add(e.pass().name());
        return names;
    }

    /**
     * Runs {@code passes} over {@code m}.
     *
     * @param verify    check the IR after every pass (tests do)
     * @param dumpAfter pass name whose output is printed to {@code dump}, or null
     */
    public static void run(Module m, List<Entry> passes, boolean verify, String dumpAfter, PrintStream dump) {
        int n = 0;
        for (Entry e : passes) {
            e.pass().run(m);
            if (verify) {
                List<String> errors = Verifier.check(m);
                if (!errors.isEmpty())
                    throw new IllegalStateException("pass " + e.pass().name() + " broke the IR:\n  " + String.join("\n  ", errors)
                            + "\n" + Printer.print(m));
            }
            if (e.pass().name().equals(dumpAfter)) {
                dump.println("; after " + dumpAfter + " (run " + ++n + ")");
                dump.print(Printer.print(m));
            }
        }
    }
}
