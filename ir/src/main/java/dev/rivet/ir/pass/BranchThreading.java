package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Cfg;
import dev.rivet.ir.Fold;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.Param;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Threads an edge past a block whose branch it decides. {@code a || b} in a condition becomes a
 * block that branches on a parameter (true from the first test, the second test's result
 * otherwise); along the edge from the first test the branch is known, so that edge goes
 * straight to where the branch would lead. What is known on an edge: constants passed, and the
 * condition of the branch taken (true on its first target, false on its second), with
 * whatever folds from them.
 *
 * <p>Only blocks of a few foldable instructions whose values are used nowhere else are
 * threaded, so skipping them neither loses work nor breaks dominance; blocks whose parameters
 * are used elsewhere are {@link DemotingThreading}'s.
 *
 * <p>Cost: O(n) per call: a CFG, the values used outside their blocks, and for each edge into a
 * decision block an evaluation of at most a few instructions (bounded depth). SimplifyCfg calls
 * it in at most eight rounds.
 */
final class BranchThreading {
    private static final int MAX_INSTS = 6, MAX_DEPTH = 3;

    private BranchThreading() {}

    static boolean run(Function f) {
        boolean changed = false;
        Cfg cfg = new Cfg(f);
        // threading never makes a block's values escape it: what it passes on are constants or the edge's own arguments
        Set<Value> escaping = usedOutsideTheirBlock(f);
        for (Block b : f.blocks()) {
            if (b == f.entry() || !decisionBlock(b)) continue;
            hoistEscapingConstants(b, escaping);
            if (escapes(b, escaping)) continue;
            for (Block p : cfg.predecessors(b)) {
                if (p == b) continue;
                Inst t = p.terminator();
                for (int k = 0; k < t.targets.size(); k++)
                    if (t.targets.get(k).block == b) changed |= thread(p, k, b);
            }
        }
        return changed;
    }

    /** True if a parameter or instruction of {@code b} is used in another block. */
    private static boolean escapes(Block b, Set<Value> escaping) {
        return b.params().stream().anyMatch(escaping::contains) || b.insts().stream().anyMatch(escaping::contains);
    }

    /**
     * Moves the constants of {@code b} that other blocks use (gvn shares one constant among
     * every block it dominates) to the entry block, which dominates all their uses: what is
     * left in b is then private to it.
     */
    static void hoistEscapingConstants(Block b, Set<Value> escaping) {
        Block entry = b.function().entry();
        if (b == entry) return;
        for (Inst i : new ArrayList<>(b.insts())) {
            if (!i.isConst() || !escaping.contains(i)) continue;
            b.remove(i);
            entry.insert(0, i);
            escaping.remove(i);
        }
    }

    /** A short block of foldable computations ending in a two-way branch or a switch. */
    static boolean decisionBlock(Block b) {
        Inst t = b.terminator();
        if (t == null || (t.op != Op.BR && t.op != Op.SWITCH)) return false;
        int work = 0; // constants are free: inlining and sccp leave many, dead or shared
        for (Inst i : b.insts()) {
            if (i == t || i.isConst()) continue;
            if (!i.op.is(Op.Flag.FOLDABLE) || ++work > MAX_INSTS) return false;
        }
        return true;
    }

    /** Parameters and instructions used in a block other than their own. */
    static Set<Value> usedOutsideTheirBlock(Function f) {
        Set<Value> out = new HashSet<>();
        for (Block b : f.blocks())
            for (Inst i : b.insts()) {
                for (Value v : i.args) if (definedElsewhere(v, b)) out.add(v);
                for (Target tg : i.targets) for (Value v : tg.args) if (definedElsewhere(v, b)) out.add(v);
            }
        return out;
    }

    private static boolean definedElsewhere(Value v, Block b) {
        return v instanceof Param p ? p.block() != b : v instanceof Inst i && i.block() != b;
    }

    /** Redirects edge {@code k} of {@code p}'s terminator past {@code b} when the edge decides b's branch. */
    static boolean thread(Block p, int k, Block b) {
        Inst from = p.terminator();
        Target in = from.targets.get(k);
        Map<Value, Long> known = new HashMap<>();
        if (from.op == Op.BR && from.targets.get(0).block != from.targets.get(1).block) known.put(from.arg(0), k == 0 ? 1L : 0L);
        Map<Value, Long> env = new HashMap<>();
        Target out = decide(in, b, known, env);
        if (out == null || out.block == b) return false;
        List<Value> args = new ArrayList<>();
        for (Value v : out.args) {
            if (v instanceof Param param && param.block() == b) args.add(in.args.get(b.params().indexOf(param)));
            else if (v instanceof Inst i && i.block() == b) {
                if (!env.containsKey(i)) return false;
                args.add(p.insert(p.insts().size() - 1, Inst.constant(i.type, env.get(i))));
            } else args.add(v);
        }
        from.targets.set(k, new Target(out.block, args));
        return true;
    }

    /** True when the arguments edge {@code in} passes decide where {@code b} branches, with no other facts. */
    static boolean decidedByArguments(Target in, Block b) {
        Target out = decide(in, b, Map.of(), new HashMap<>());
        return out != null && out.block != b;
    }

    /**
     * Where {@code b} goes when entered through {@code in}, or null when that is not known.
     * {@code env} receives the values of b's parameters and instructions that fold.
     */
    private static Target decide(Target in, Block b, Map<Value, Long> known, Map<Value, Long> env) {
        for (int j = 0; j < b.params().size(); j++) {
            OptionalLong v = eval(in.args.get(j), known, MAX_DEPTH);
            if (v.isPresent()) env.put(b.params().get(j), v.getAsLong());
        }
        Inst br = b.terminator();
        for (Inst i : b.insts()) {
            if (i == br) break;
            OptionalLong v = evalWith(i, env, known);
            if (v.isPresent()) env.put(i, v.getAsLong());
        }
        OptionalLong cond = valueOf(br.arg(0), env, known);
        if (cond.isEmpty()) return null;
        if (br.op == Op.BR) return br.targets.get((cond.getAsLong() & 1) != 0 ? 0 : 1);
        Type t = br.arg(0).type();
        for (int c = 0; c < br.cases.length; c++)
            if (t.wrap(br.cases[c]) == t.wrap(cond.getAsLong())) return br.targets.get(c + 1);
        return br.targets.getFirst();
    }

    private static OptionalLong valueOf(Value v, Map<Value, Long> env, Map<Value, Long> known) {
        if (env.containsKey(v)) return OptionalLong.of(env.get(v));
        return eval(v, known, MAX_DEPTH);
    }

    private static OptionalLong evalWith(Inst i, Map<Value, Long> env, Map<Value, Long> known) {
        if (i.isConst()) return OptionalLong.of(i.imm);
        long[] a = new long[i.args.size()];
        for (int j = 0; j < a.length; j++) {
            OptionalLong v = valueOf(i.arg(j), env, known);
            if (v.isEmpty()) return OptionalLong.empty();
            a[j] = v.getAsLong();
        }
        return Fold.eval(i.op, i.type, a.length > 0 ? i.arg(0).type() : i.type, i.cond, a);
    }

    /** A value outside the threaded block: a constant, a fact of the edge, or folded from those. */
    private static OptionalLong eval(Value v, Map<Value, Long> known, int depth) {
        if (known.containsKey(v)) return OptionalLong.of(known.get(v));
        if (!(v instanceof Inst i)) return OptionalLong.empty();
        if (i.isConst()) return OptionalLong.of(i.imm);
        if (depth == 0 || !i.op.is(Op.Flag.FOLDABLE)) return OptionalLong.empty();
        long[] a = new long[i.args.size()];
        for (int j = 0; j < a.length; j++) {
            OptionalLong x = eval(i.arg(j), known, depth - 1);
            if (x.isEmpty()) return OptionalLong.empty();
            a[j] = x.getAsLong();
        }
        return Fold.eval(i.op, i.type, a.length > 0 ? i.arg(0).type() : i.type, i.cond, a);
    }
}
