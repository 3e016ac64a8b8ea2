package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Cfg;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import dev.rivet.ir.Param;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CFG clean-up, repeated to a fixed point: delete unreachable blocks; turn branches whose
 * targets are equal, or whose condition is constant, into jumps; thread jumps through blocks
 * that only jump on, and edges past branches they decide ({@link BranchThreading}); merge a
 * block into its single predecessor when that predecessor jumps only to it.
 */
public final class SimplifyCfg implements Pass {
    @Override
    public String name() { return "simplifycfg"; }

    @Override
    public void run(Module m) {
        for (Function f : m.functions()) if (!f.isDeclaration()) run(f);
    }

    public static void run(Function f) {
        simplify(f);
        if (DemotingThreading.run(f)) simplify(f);
        f.renumber();
    }

    private static void simplify(Function f) {
        boolean changed = true;
        // threading rounds are bounded: a loop of branches that decide each other would thread forever
        for (int threadingRounds = 0; changed; threadingRounds++) {
            changed = removeUnreachable(f);
            for (Block b : f.blocks()) changed |= simplifyTerminator(b);
            changed |= threadJumps(f);
            if (threadingRounds < 8) changed |= BranchThreading.run(f);
            changed |= mergeBlocks(f, threadingRounds >= 8 && !changed);
        }
    }

    /** Deletes blocks the entry cannot reach. */
    public static boolean removeUnreachable(Function f) {
        Cfg cfg = new Cfg(f);
        boolean changed = f.blocks().removeIf(b -> !cfg.isReachable(b));
        if (changed) f.renumber();
        return changed;
    }

    private static boolean simplifyTerminator(Block b) {
        Inst t = b.terminator();
        if (t == null) return false;
        if (t.op == Op.BR && t.arg(0) instanceof Inst c && c.isConst()) {
            toJump(t, t.targets.get((c.imm & 1) != 0 ? 0 : 1));
            return true;
        }
        if (t.op == Op.SWITCH && t.arg(0) instanceof Inst c && c.isConst()) {
            int chosen = 0;
            for (int k = 0; k < t.cases.length; k++) if (t.cases[k] == c.imm) chosen = k + 1;
            toJump(t, t.targets.get(chosen));
            return true;
        }
        if ((t.op == Op.BR || t.op == Op.SWITCH) && allSame(t.targets)) {
            toJump(t, t.targets.getFirst());
            return true;
        }
        return false;
    }

    private static boolean allSame(List<Target> ts) {
        Target first = ts.getFirst();
        for (Target t : ts) if (t.block != first.block || !t.args.equals(first.args)) return false;
        return true;
    }

    private static void toJump(Inst t, Target keep) {
        Target k = keep.copy();
        t.op = Op.JMP;
        t.args.clear();
        t.targets.clear();
        t.targets.add(k);
        t.cases = new long[0];
    }

    /**
     * A block that consists of a single jump is skipped: its predecessors jump straight to its
     * target, with its parameters replaced by what each predecessor passed. Values the jump
     * passes that are not its parameters dominate the block, hence each predecessor too.
     */
    private static boolean threadJumps(Function f) {
        boolean changed = false;
        Map<Value, Integer> uses = Cfg.useCounts(f);
        record Edge(Block from, Inst branch, int k) {}
        Map<Block, List<Edge>> into = new java.util.IdentityHashMap<>();
        for (Block p : f.blocks())
            for (Inst i : p.insts())
                for (int k = 0; k < i.targets.size(); k++) into.computeIfAbsent(i.targets.get(k).block, x -> new ArrayList<>()).add(new Edge(p, i, k));
        for (Block b : f.blocks()) {
            if (b == f.entry() || b.insts().size() != 1 || b.terminator().op != Op.JMP) continue;
            Target out = b.terminator().targets.getFirst();
            if (out.block == b || !paramsOnlyForwarded(b, out, uses)) continue;
            // each edge is redirected on its own, so the order they are met in does not matter
            for (Edge e : into.getOrDefault(b, List.of())) {
                Target in = e.branch().targets.get(e.k());
                if (in.block != b || e.from() == b) continue;
                Map<Value, Value> subst = new HashMap<>();
                for (int j = 0; j < b.params().size(); j++) subst.put(b.params().get(j), in.args.get(j));
                List<Value> args = new ArrayList<>();
                for (Value v : out.args) args.add(subst.getOrDefault(v, v));
                e.branch().targets.set(e.k(), new Target(out.block, args));
                into.computeIfAbsent(out.block, x -> new ArrayList<>()).add(e);
                changed = true;
            }
        }
        return changed;
    }

    /** True if the block's parameters are used nowhere but in its own jump's arguments. */
    private static boolean paramsOnlyForwarded(Block b, Target out, Map<Value, Integer> uses) {
        for (Param p : b.params()) {
            int inJump = 0;
            for (Value v : out.args) if (v == p) inJump++;
            if (uses.getOrDefault(p, 0) != inJump) return false;
        }
        return true;
    }

    /**
     * Appends a block to its only predecessor when that predecessor's only edge leads to it:
     * the first such block in block order, and, with {@code batch} (nothing else changed this
     * round), the ones after it too, up to and including the first merge that could give the
     * other steps work (a block with parameters, which get replaced by values; a jump appended
     * to a jump). Merging a block changes no other block's eligibility before it in the order,
     * so continuing the walk meets them as restarting it would.
     */
    private static boolean mergeBlocks(Function f, boolean batch) {
        Cfg cfg = new Cfg(f);
        Map<Block, Block> host = new java.util.IdentityHashMap<>(); // a merged block -> the block it went into
        for (Block b : new ArrayList<>(f.blocks())) {
            if (b == f.entry() || host.containsKey(b)) continue;
            List<Block> preds = cfg.predecessors(b);
            if (preds.size() != 1) continue;
            Block p = preds.getFirst();
            while (host.containsKey(p)) p = host.get(p);
            Inst jump = p.terminator();
            if (p == b || jump.op != Op.JMP) continue;
            boolean quiet = b.params().isEmpty() && !(p.insts().size() == 1 && b.insts().size() == 1 && b.terminator().op == Op.JMP);
            Target in = jump.targets.getFirst();
            for (int j = 0; j < b.params().size(); j++) {
                Param param = b.params().get(j);
                f.replaceAllUses(param, in.args.get(j));
            }
            p.absorb(b);
            host.put(b, p);
            if (!batch || !quiet) break;
        }
        if (host.isEmpty()) return false;
        f.blocks().removeIf(host::containsKey);
        f.renumber();
        return true;
    }

    /** A constant instruction placed at the start of {@code b}. */
    static Inst constantAt(Block b, Type t, long v) {
        return b.insert(0, Inst.constant(t, v));
    }
}
