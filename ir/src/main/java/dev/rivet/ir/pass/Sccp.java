package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Cfg;
import dev.rivet.ir.Fold;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import dev.rivet.ir.Param;
import dev.rivet.ir.Target;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Conditional constant propagation (Wegman and Zadeck's lattice: unknown, constant, varying)
 * over values and CFG edges together, so that a branch on a constant keeps the untaken side's
 * values from spoiling the join. The fixed point is found by sweeping the executable blocks in
 * reverse postorder until nothing changes, which is quick at firmware sizes. Then constant
 * values become {@code const} instructions, decided branches become jumps, and blocks never
 * found executable are deleted.
 *
 * <p>Cost: O(n) per sweep (each block's incoming edges are listed once beforehand); the rewrite
 * is one walk. The number of sweeps is not bounded by a constant: code after a loop becomes
 * executable only in the sweep after the loop's back edge was taken, so a function of k loops
 * in sequence (everything inlined into main) takes about k sweeps, O(n · k) in all. A worklist
 * solver (Wegman and Zadeck's SSA and CFG worklists) would be O(n); CompileComplexityTest
 * names this as the one known exception.
 */
public final class Sccp implements Pass {
    /** Lattice cell: {@code known == false} means unknown (top); {@code varying} is bottom. */
    private static final class Cell {
        boolean known;
        boolean varying;
        long value;
    }

    @Override
    public String name() { return "sccp"; }

    @Override
    public void run(Module m) {
        for (Function f : m.functions()) if (!f.isDeclaration()) run(f);
    }

    private final Map<Value, Cell> cells = new IdentityHashMap<>();
    private final Set<Block> executable = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Executable edges, as the targets (of a terminator) that are taken. */
    private final Set<Target> edges = Collections.newSetFromMap(new IdentityHashMap<>());

    public static void run(Function f) {
        new Sccp().solve(f);
    }

    /** The edges into each block, in the order of the blocks they leave. */
    private final Map<Block, List<Target>> incoming = new IdentityHashMap<>();

    private void solve(Function f) {
        List<Block> order = new Cfg(f).reversePostorder();
        for (Block p : f.blocks()) {
            Inst t = p.terminator();
            if (t != null) for (Target x : t.targets) incoming.computeIfAbsent(x.block, k -> new ArrayList<>()).add(x);
        }
        executable.add(f.entry());
        for (Param p : f.entry().params()) cell(p).varying = true;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : order) {
                if (!executable.contains(b)) continue;
                for (int k = 0; k < b.params().size(); k++) changed |= meetIncoming(b, k);
                for (Inst i : b.insts()) changed |= i.op.isTerminator() ? branch(i) : evaluate(i);
            }
        }
        rewrite(f);
    }

    private Cell cell(Value v) {
        return cells.computeIfAbsent(v, k -> new Cell());
    }

    /** Lowers {@code c} towards {@code v}'s lattice value; returns true if it moved. */
    private boolean lower(Cell c, Value v) {
        if (v instanceof Inst i && i.isConst()) return lowerTo(c, i.imm);
        Cell src = cell(v);
        if (src.varying) return setVarying(c);
        return src.known && lowerTo(c, src.value);
    }

    private static boolean lowerTo(Cell c, long value) {
        if (c.varying) return false;
        if (!c.known) {
            c.known = true;
            c.value = value;
            return true;
        }
        return c.value != value && setVarying(c);
    }

    private static boolean setVarying(Cell c) {
        if (c.varying) return false;
        c.varying = true;
        return true;
    }

    private boolean meetIncoming(Block b, int k) {
        Cell c = cell(b.params().get(k));
        boolean changed = false;
        for (Target t : incoming.getOrDefault(b, List.of())) if (edges.contains(t)) changed |= lower(c, t.args.get(k));
        return changed;
    }

    private boolean evaluate(Inst i) {
        if (!i.hasResult()) return false;
        Cell c = cell(i);
        if (c.varying) return false;
        if (i.op == Op.CONST) return lowerTo(c, i.imm);
        if (!i.op.is(Op.Flag.FOLDABLE)) return setVarying(c);
        long[] args = new long[i.args.size()];
        boolean anyVarying = false;
        for (int k = 0; k < args.length; k++) {
            Value a = i.arg(k);
            if (a instanceof Inst ai && ai.isConst()) {
                args[k] = ai.imm;
                continue;
            }
            Cell ac = cell(a);
            if (ac.varying) anyVarying = true;
            else if (!ac.known) return false; // wait for more information
            else args[k] = ac.value;
        }
        if (i.op == Op.SELECT) return select(i, c);
        if (anyVarying) return setVarying(c);
        OptionalLong r = Fold.eval(i.op, i.type, i.arg(0).type(), i.cond, args);
        return r.isPresent() ? lowerTo(c, r.getAsLong()) : setVarying(c);
    }

    /** A select with a known condition is its chosen operand, whatever the other is. */
    private boolean select(Inst i, Cell c) {
        Cell cond = constantOrCell(i.arg(0));
        if (cond.varying) {
            Cell a = constantOrCell(i.arg(1)), b = constantOrCell(i.arg(2));
            if (a.known && b.known && !a.varying && !b.varying && a.value == b.value) return lowerTo(c, a.value);
            return setVarying(c);
        }
        return lower(c, i.arg((cond.value & 1) != 0 ? 1 : 2));
    }

    private Cell constantOrCell(Value v) {
        if (v instanceof Inst i && i.isConst()) {
            Cell c = new Cell();
            c.known = true;
            c.value = i.imm;
            return c;
        }
        return cell(v);
    }

    private boolean branch(Inst t) {
        boolean changed = false;
        switch (t.op) {
            case BR -> {
                Cell c = constantOrCell(t.arg(0));
                if (c.varying) {
                    changed |= take(t.targets.get(0));
                    changed |= take(t.targets.get(1));
                } else if (c.known) {
                    changed |= take(t.targets.get((c.value & 1) != 0 ? 0 : 1));
                }
            }
            case SWITCH -> {
                Cell c = constantOrCell(t.arg(0));
                if (c.varying) {
                    for (Target x : t.targets) changed |= take(x);
                } else if (c.known) {
                    int chosen = 0;
                    for (int k = 0; k < t.cases.length; k++) if (t.cases[k] == t.arg(0).type().wrap(c.value)) chosen = k + 1;
                    changed |= take(t.targets.get(chosen));
                }
            }
            default -> { for (Target x : t.targets) changed |= take(x); }
        }
        return changed;
    }

    private boolean take(Target t) {
        boolean changed = edges.add(t);
        changed |= executable.add(t.block);
        return changed;
    }

    private void rewrite(Function f) {
        Map<Value, Value> constantParams = new IdentityHashMap<>();
        for (Block b : f.blocks()) {
            if (!executable.contains(b)) continue;
            // constant parameters become constants at the top, in parameter order, placed in one rebuild
            List<Inst> top = new ArrayList<>();
            for (Param p : b.params()) {
                Cell c = cells.get(p);
                if (c == null || !c.known || c.varying) continue;
                Inst k = Inst.constant(p.type(), c.value);
                constantParams.put(p, k);
                top.add(k);
            }
            if (!top.isEmpty()) {
                List<Inst> insts = b.insts();
                for (Inst k : top) k.loc = insts.isEmpty() ? null : insts.getFirst().loc;
                top.addAll(insts);
                b.setInsts(top);
            }
            for (Inst i : new ArrayList<>(b.insts())) {
                Cell c = cells.get(i);
                if (c == null || !c.known || c.varying || i.isConst() || !i.op.is(Op.Flag.FOLDABLE)) continue;
                i.op = Op.CONST;
                i.imm = i.type.wrap(c.value);
                i.args.clear();
                i.cond = null;
            }
            Inst t = b.terminator();
            if (t.op == Op.BR || t.op == Op.SWITCH) {
                List<Target> taken = t.targets.stream().filter(edges::contains).toList();
                if (taken.size() == 1 || (taken.size() > 1 && taken.stream().allMatch(x -> x == taken.getFirst()))) {
                    Target keep = taken.getFirst().copy();
                    t.op = Op.JMP;
                    t.args.clear();
                    t.targets.clear();
                    t.targets.add(keep);
                    t.cases = new long[0];
                }
            }
        }
        f.blocks().removeIf(b -> !executable.contains(b));
        if (!constantParams.isEmpty())
            for (Block b : f.blocks())
                for (Inst i : b.insts()) {
                    i.args.replaceAll(v -> constantParams.getOrDefault(v, v));
                    for (Target t : i.targets) t.args.replaceAll(v -> constantParams.getOrDefault(v, v));
                }
        f.renumber();
    }
}
