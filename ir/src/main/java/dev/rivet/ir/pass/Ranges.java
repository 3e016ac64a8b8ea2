package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Cfg;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import dev.rivet.ir.Param;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Value-range analysis: every integer value of at most 32 bits gets an unsigned interval, from
 * its definition (constants, masks, shifts, sums that cannot wrap), from the values flowing
 * into block parameters (iterated to a fixed point, widened after a few rounds), and from the
 * comparisons on the branches that lead to where it is used ({@code i < 64} in a loop body).
 * Comparisons the intervals decide become constants, so bounds checks of loop counters
 * against array lengths disappear once sccp and simplifycfg prune the dead branch.
 *
 * <p>Cost: O(n log n) per round, a bounded number of rounds. The blocks a comparison of v
 * constrains are listed once, in dominator-tree preorder, each with the nearest one that
 * dominates it; a use finds the deepest that dominates it by binary search, and the meet of
 * that one's facts with all those above is remembered until a parameter's range changes (the
 * facts depend on ranges), instead of walking the dominator tree from the use to the entry.
 */
public final class Ranges implements Pass {
    private static final int WIDEN_AFTER = 3;

    @Override
    public String name() { return "ranges"; }

    @Override
    public void run(Module m) {
        for (Function f : m.functions()) if (!f.isDeclaration()) run(f);
    }

    private Cfg cfg;
    private final Map<Param, ValueRange> params = new IdentityHashMap<>();
    private final Map<Param, Integer> growth = new IdentityHashMap<>();
    private final Map<Value, ValueRange> defs = new IdentityHashMap<>();
    /** For each value, the blocks entered from a two-way branch on a comparison of it (see {@link #edgeFact}). */
    private final Map<Value, Facts> constrained = new IdentityHashMap<>();
    /** Bumped whenever a parameter's range changes or a round starts: remembered meets of facts older than it are stale. */
    private int version;

    void run(Function f) {
        cfg = new Cfg(f);
        params.clear();
        growth.clear();
        constrained.clear();
        for (Block d : cfg.reversePostorder()) {
            Inst c = comparisonInto(d);
            if (c == null) continue;
            constrained.computeIfAbsent(c.arg(0), k -> new Facts()).blocks.add(d);
            if (c.arg(1) != c.arg(0)) constrained.computeIfAbsent(c.arg(1), k -> new Facts()).blocks.add(d);
        }
        for (Map.Entry<Value, Facts> e : constrained.entrySet()) e.getValue().link(e.getKey());
        for (Block b : f.blocks())
            for (Param p : b.params()) params.put(p, tracked(p.type()) && b != f.entry() ? ValueRange.empty(p.type()) : null);
        boolean changed = true;
        for (int round = 0; changed && round < 50; round++) {
            changed = false;
            defs.clear();
            version++;
            for (Block b : cfg.reversePostorder()) changed |= flowIntoParams(b);
        }
        defs.clear();
        version++;
        fold(f);
    }

    private static boolean tracked(Type t) { return t.isInt() && t != Type.I64 && t != Type.I1; }

    /** Joins the arguments of b's branches into their targets' parameters; true if any grew. */
    private boolean flowIntoParams(Block b) {
        Inst term = b.terminator();
        if (term == null) return false;
        boolean changed = false;
        for (Target t : term.targets)
            for (int k = 0; k < t.args.size(); k++) {
                Param p = t.block.params().get(k);
                ValueRange old = params.get(p);
                if (old == null) continue;
                ValueRange in = at(t.args.get(k), b);
                ValueRange joined = old.join(in);
                if (joined.equals(old)) continue;
                int n = growth.merge(p, 1, Integer::sum);
                if (n > WIDEN_AFTER && !old.isEmpty()) joined = new ValueRange(joined.lo() < old.lo() ? 0 : joined.lo(),
                        joined.hi() > old.hi() ? joined.max() : joined.hi(), joined.max());
                params.put(p, joined);
                version++;
                changed = true;
            }
        return changed;
    }

    /** Replaces every comparison the ranges decide by a constant. */
    private void fold(Function f) {
        Map<Value, Value> replaced = new IdentityHashMap<>();
        for (Block b : cfg.reversePostorder()) {
            List<Inst> out = new java.util.ArrayList<>();
            for (Inst i : b.insts()) {
                int v = i.op != Op.ICMP || !tracked(i.arg(0).type()) ? -1 : ValueRange.decide(i.cond, at(i.arg(0), b), at(i.arg(1), b));
                if (v >= 0) { // the constant goes just before the comparison, with its location
                    Inst c = Inst.constant(Type.I1, v);
                    c.loc = i.loc;
                    out.add(c);
                    replaced.put(i, c);
                }
                out.add(i);
            }
            if (out.size() != b.insts().size()) b.setInsts(out);
        }
        if (replaced.isEmpty()) return;
        for (Block b : f.blocks())
            for (Inst i : b.insts()) {
                i.args.replaceAll(v -> replaced.getOrDefault(v, v));
                for (Target t : i.targets) t.args.replaceAll(v -> replaced.getOrDefault(v, v));
            }
    }

    // ---- ranges ----

    /** The range of {@code v} where it is used in block {@code b}: its own range, narrowed by the branches that lead to b. */
    ValueRange at(Value v, Block b) {
        ValueRange r = def(v);
        if (r == null || !cfg.isReachable(b)) return r == null ? ValueRange.full(v.type()) : r;
        Facts facts = constrained.get(v);
        Block deepest = facts == null ? null : facts.deepestDominating(b);
        if (deepest == null) return r;
        ValueRange all = facts.meetFrom(deepest); // meets are intersections: in any order, the same
        return all == null ? r : r.meet(all);
    }

    /**
     * The blocks whose entry constrains one value, in dominator-tree preorder, each with the
     * nearest of them that dominates it (they form a tree), and the meet of the facts from each
     * up to the root of that tree, remembered for the current {@link #version}.
     */
    private final class Facts {
        final List<Block> blocks = new java.util.ArrayList<>();
        private int[] preorder;
        private final Map<Block, Block> up = new IdentityHashMap<>();
        private Value value;
        private final Map<Block, Optional<ValueRange>> meets = new IdentityHashMap<>();
        private int meetsVersion = -1;

        void link(Value v) {
            value = v;
            blocks.sort(java.util.Comparator.comparingInt(cfg::preorder));
            preorder = new int[blocks.size()];
            java.util.ArrayDeque<Block> open = new java.util.ArrayDeque<>();
            for (int k = 0; k < blocks.size(); k++) {
                Block d = blocks.get(k);
                preorder[k] = cfg.preorder(d);
                while (!open.isEmpty() && !cfg.dominates(open.peek(), d)) open.pop();
                if (!open.isEmpty()) up.put(d, open.peek());
                open.push(d);
            }
        }

        /** The deepest of the blocks that dominates b (b itself included), or null. */
        Block deepestDominating(Block b) {
            int at = cfg.preorder(b), lo = 0, hi = blocks.size() - 1, last = -1;
            while (lo <= hi) { // the last block at or before b in preorder
                int mid = (lo + hi) >>> 1;
                if (preorder[mid] <= at) {
                    last = mid;
                    lo = mid + 1;
                } else hi = mid - 1;
            }
            Block d = last < 0 ? null : blocks.get(last);
            while (d != null && !cfg.dominates(d, b)) d = up.get(d);
            return d;
        }

        /** The meet of the facts of d and of every block of the list that dominates it; null if none says anything. */
        ValueRange meetFrom(Block d) {
            if (meetsVersion != version) {
                meets.clear();
                meetsVersion = version;
            }
            List<Block> chain = new java.util.ArrayList<>();
            ValueRange above = null;
            for (Block x = d; x != null; x = up.get(x)) {
                Optional<ValueRange> known = meets.get(x);
                if (known != null) {
                    above = known.orElse(null);
                    break;
                }
                chain.add(x);
            }
            for (int k = chain.size() - 1; k >= 0; k--) {
                ValueRange edge = edgeFact(value, chain.get(k));
                if (edge != null) above = above == null ? edge : above.meet(edge);
                meets.put(chain.get(k), Optional.ofNullable(above));
            }
            return above;
        }
    }

    /** The comparison whose outcome entering {@code d} decides: d's only predecessor branches two ways on it. */
    private Inst comparisonInto(Block d) {
        List<Block> preds = cfg.predecessors(d);
        if (preds.size() != 1) return null;
        Inst br = preds.getFirst().terminator();
        if (br == null || br.op != Op.BR || br.targets.get(0).block == br.targets.get(1).block) return null;
        return br.arg(0) instanceof Inst c && c.op == Op.ICMP ? c : null;
    }

    /** What entering {@code d} from its only predecessor's two-way branch says about {@code v}. */
    private ValueRange edgeFact(Value v, Block d) {
        Inst c = comparisonInto(d);
        if (c == null) return null;
        Inst br = cfg.predecessors(d).getFirst().terminator();
        boolean taken = br.targets.get(0).block == d;
        Cond pred = taken ? c.cond : c.cond.negated();
        ValueRange self = def(v);
        if (self == null) return null;
        if (c.arg(0) == v) return self.constrain(pred, def(c.arg(1)) == null ? ValueRange.full(v.type()) : def(c.arg(1)));
        if (c.arg(1) == v) return self.constrain(pred.swapped(), def(c.arg(0)) == null ? ValueRange.full(v.type()) : def(c.arg(0)));
        return null;
    }

    /** The range a value has wherever it is defined (null for values not tracked). */
    private ValueRange def(Value v) {
        if (!tracked(v.type())) return null;
        if (v instanceof Param p) {
            ValueRange r = params.get(p);
            return r != null ? r : ValueRange.full(p.type());
        }
        ValueRange known = defs.get(v);
        if (known != null) return known;
        operandsFirst((Inst) v);
        ValueRange r = transfer((Inst) v);
        defs.put(v, r);
        return r;
    }

    /**
     * Computes the ranges of the operands {@link #transfer} will ask for, and of theirs,
     * deepest first with an explicit stack: a chain of thousands of dependent values must not
     * recurse that deep. Parameter ranges do not change meanwhile, so each range is what the
     * recursive computation would have found.
     */
    private void operandsFirst(Inst root) {
        Deque<Inst> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Inst top = stack.peek();
            boolean ready = true;
            for (int k : usedOperands(top)) {
                if (top.arg(k) instanceof Inst a && tracked(a.type) && !defs.containsKey(a)) {
                    stack.push(a);
                    ready = false;
                }
            }
            if (!ready) continue;
            stack.pop();
            if (top != root && !defs.containsKey(top)) defs.put(top, transfer(top));
        }
    }

    private static final int[] NONE = {}, FIRST = {0}, BOTH = {0, 1}, CHOICES = {1, 2};

    /** The operands whose ranges {@link #transfer} uses. */
    private static int[] usedOperands(Inst i) {
        return switch (i.op) {
            case ADD, SUB, MUL, AND, OR, XOR, UDIV, UREM -> BOTH;
            case SHL -> constant(i.arg(1)) != null ? FIRST : NONE;
            case LSHR, ASHR -> FIRST;
            case ZEXT, TRUNC, SEXT -> tracked(i.arg(0).type()) ? FIRST : NONE;
            case SELECT -> CHOICES;
            default -> NONE;
        };
    }

    private ValueRange operand(Inst i, int k) {
        ValueRange r = at(i.arg(k), i.block());
        return r != null ? r : ValueRange.full(i.arg(k).type());
    }

    private static Long constant(Value v) {
        return v instanceof Inst c && c.op == Op.CONST ? c.type.wrap(c.imm) : null;
    }

    private ValueRange transfer(Inst i) {
        Type t = i.type;
        ValueRange full = ValueRange.full(t);
        return switch (i.op) {
            case CONST -> ValueRange.of(t, i.imm);
            case ADD -> operand(i, 0).add(operand(i, 1));
            case SUB -> operand(i, 0).sub(operand(i, 1));
            case MUL -> operand(i, 0).mul(operand(i, 1));
            case AND -> operand(i, 0).and(operand(i, 1));
            case OR -> operand(i, 0).orXor(operand(i, 1), true);
            case XOR -> operand(i, 0).orXor(operand(i, 1), false);
            case SHL -> constant(i.arg(1)) != null ? operand(i, 0).shl(constant(i.arg(1)) % t.bits()) : full;
            case LSHR -> constant(i.arg(1)) != null ? operand(i, 0).lshr(constant(i.arg(1)) % t.bits())
                    : new ValueRange(0, operand(i, 0).hi(), t.mask());
            case ASHR -> operand(i, 0).nonNegative() && constant(i.arg(1)) != null ? operand(i, 0).lshr(constant(i.arg(1)) % t.bits()) : full;
            case UDIV -> operand(i, 0).udiv(operand(i, 1));
            case UREM -> operand(i, 0).urem(operand(i, 1));
            case ZEXT, TRUNC -> tracked(i.arg(0).type()) ? operand(i, 0).resize(t.mask())
                    : i.arg(0).type() == Type.I1 ? new ValueRange(0, 1, t.mask()) : full;
            case SEXT -> tracked(i.arg(0).type()) && operand(i, 0).nonNegative() ? operand(i, 0).resize(t.mask()) : full;
            case SELECT -> operand(i, 1).join(operand(i, 2));
            default -> full;
        };
    }
}
