package dev.rivet.frontend;

import dev.rivet.frontend.ast.Attribute;
import dev.rivet.frontend.lex.Token;
import dev.rivet.frontend.resolve.Crate;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.ir.Block;
import dev.rivet.ir.Function;
import dev.rivet.ir.Global;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The test build: the {@code #[test]} functions, and a generated entry that runs the one whose
 * index the test runner writes into {@link #INDEX} (a word in flash, read with a volatile load)
 * before it resets the emulated core. One image serves every test; each run starts fresh.
 */
public final class TestHarness {
    /** The harness entry the runtime's start-up calls in test builds. */
    public static final String ENTRY = "__rivet_test_main";
    /** The word holding the index of the test to run. */
    public static final String INDEX = "__RIVET_TEST_INDEX";

    private TestHarness() {}

    /** The crate's tests, checked: no parameters, no return value. */
    static List<Frontend.TestCase> cases(Crate program, Diagnostics diags) {
        List<Frontend.TestCase> out = new ArrayList<>();
        for (FnInfo f : program.tests) {
            if (!f.ast.params().isEmpty() || f.ast.self() != dev.rivet.frontend.ast.Item.SelfKind.NONE)
                diags.error(f.ast.nameSpan(), "functions used as tests can not have any arguments");
            if (f.ast.ret() != null && !(f.ast.ret() instanceof dev.rivet.frontend.ast.TypeExpr.Tuple t && t.elements().isEmpty()))
                diags.unsupported(f.ast.ret().span(), "tests that return a value (tier 2: `Result`)");
            List<String> path = new ArrayList<>(f.scope.path());
            path.removeIf(segment -> segment.equals("{block}"));
            path.add(f.ast.name());
            Attribute sp = Attribute.find(f.ast.attrs(), "should_panic");
            Attribute ig = Attribute.find(f.ast.attrs(), "ignore");
            out.add(new Frontend.TestCase(String.join("::", path), f.symbol, sp != null, sp == null ? null : expected(sp),
                    ig == null ? null : ig.stringValue() == null ? "" : ig.stringValue()));
        }
        return out;
    }

    /** The text of {@code #[should_panic(expected = "...")]}, or null. */
    private static String expected(Attribute a) {
        List<Token> t = a.args();
        for (int i = 0; i + 2 < t.size(); i++)
            if (t.get(i).text().equals("expected") && t.get(i + 1).isPunct("=") && t.get(i + 2).value() instanceof String s) return s;
        return null;
    }

    /** Adds the index word and the entry that dispatches to test number INDEX. */
    static void build(Module m, List<Frontend.TestCase> tests) {
        Global index = new Global(INDEX, 4, false);
        index.items.add(new Global.Item.Int(Type.I32, 0xFFFF_FFFFL));
        index.exported = true;
        index.used = true;
        m.add(index);
        Function declared = m.function(ENTRY); // the runtime's start-up declares it
        if (declared != null && declared.isDeclaration()) m.remove(declared);
        Function f = new Function(ENTRY, List.of(), Type.VOID);
        f.exported = true;
        m.add(f);
        Block entry = f.addBlock();
        Inst addr = entry.add(Inst.symaddr(INDEX, 0));
        Inst which = entry.add(Inst.load(Type.I32, addr, true));
        Block none = f.addBlock();
        none.add(Inst.ret());
        Inst sw = new Inst(Op.SWITCH, Type.VOID, which);
        sw.targets.add(new Target(none, List.of()));
        sw.cases = new long[tests.size()];
        for (int k = 0; k < tests.size(); k++) {
            Block run = f.addBlock();
            run.add(Inst.call(tests.get(k).symbol(), Type.VOID, List.of()));
            run.add(Inst.ret());
            sw.cases[k] = k;
            sw.targets.add(new Target(run, List.of()));
        }
        entry.add(sw);
    }
}
