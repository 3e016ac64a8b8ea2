package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Cfg;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Global value numbering over the dominator tree: a pure instruction that recomputes a value
 * available from a dominating block is replaced by it. Along the way, a block entered only by
 * one edge of a two-way branch knows the branch's condition, and with it the comparisons that
 * are its negation or have its operands swapped; those become constants there, so a bounds
 * check repeated after a loop test or an earlier check folds away (sccp and simplifycfg prune
 * the branches it leaves constant). Within a block, a load from an address already loaded or
 * stored since the last write to memory reuses that value.
 *
 * <p>Cost: O(n) expected: one walk of the dominator tree with hashed keys, scoped facts undone
 * on the way out, and one walk to rewrite the replaced values.
 */
public final class Gvn implements Pass {
    @Override
    public String name() { return "gvn"; }

    @Override
    public void run(Module m) {
        for (Function f : m.functions()) if (!f.isDeclaration()) run(f);
    }

    /** A pure computation: operation, type, operands (by identity) and immediate payload. */
    private record Key(Op op, Type type, List<Object> operands, long imm, Cond cond, String symbol, Object slot) {}

    /** Global replacements: an instruction and the dominating value that computes the same. */
    private final Map<Value, Value> replaced = new IdentityHashMap<>();
    /** Scoped facts: available computations, and values known to equal a constant in the current subtree. */
    private final Map<Key, Value> available = new HashMap<>();
    private final Map<Value, Value> known = new IdentityHashMap<>();

    /** How to undo one scoped fact when leaving a dominator subtree. */
    private record Undo(Map<Object, Value> map, Object key, Value previous) {}

    void run(Function f) {
        replaced.clear();
        available.clear();
        known.clear();
        Cfg cfg = new Cfg(f);
        Map<Block, List<Block>> tree = cfg.dominatorTree();
        record Scope(Block block, List<Undo> undo, boolean enter) {}
        Deque<Scope> work = new ArrayDeque<>();
        work.push(new Scope(f.entry(), new ArrayList<>(), true));
        while (!work.isEmpty()) {
            Scope s = work.pop();
            if (!s.enter()) {
                for (int k = s.undo().size() - 1; k >= 0; k--) {
                    Undo u = s.undo().get(k);
                    if (u.previous() == null) u.map().remove(u.key());
                    else u.map().put(u.key(), u.previous());
                }
                continue;
            }
            work.push(new Scope(s.block(), s.undo(), false));
            learnFromEdge(cfg, s.block(), s.undo());
            visit(s.block(), s.undo());
            List<Block> children = tree.getOrDefault(s.block(), List.of());
            for (int k = children.size() - 1; k >= 0; k--) work.push(new Scope(children.get(k), new ArrayList<>(), true));
        }
        if (replaced.isEmpty()) return;
        for (Block b : f.blocks())
            for (Inst i : b.insts()) {
                i.args.replaceAll(this::resolve);
                for (Target t : i.targets) t.args.replaceAll(this::resolve);
            }
    }

    private Value resolve(Value v) {
        Value r = v;
        while (replaced.containsKey(r)) r = replaced.get(r);
        return r;
    }

    /** The value as seen inside the current subtree: replacements, then known constants. */
    private Value local(Value v) {
        Value r = resolve(v);
        Value k = known.get(r);
        return k != null ? k : r;
    }

    @SuppressWarnings("unchecked")
    private static <K> void set(Map<K, Value> map, K key, Value v, List<Undo> undo) {
        undo.add(new Undo((Map<Object, Value>) map, key, map.put(key, v)));
    }

    private void visit(Block b, List<Undo> undo) {
        Map<Key, Value> memory = new HashMap<>(); // loads available in this block since the last write
        for (Inst i : b.insts()) {
            i.args.replaceAll(this::local);
            for (Target t : i.targets) t.args.replaceAll(this::local);
            if (i.op == Op.LOAD && !i.isVolatile) {
                Key k = new Key(Op.LOAD, i.type, List.of(i.arg(0)), 0, null, null, null);
                Value have = memory.get(k);
                if (have != null) replaced.put(i, have);
                else memory.put(k, i);
                continue;
            }
            if (i.op == Op.STORE && !i.isVolatile) {
                memory.clear(); // any store may alias; what it stored is known at its own address
                memory.put(new Key(Op.LOAD, i.arg(0).type(), List.of(i.arg(1)), 0, null, null, null), i.arg(0));
                continue;
            }
            if (i.op.is(Op.Flag.WRITES) || i.isVolatile) memory.clear();
            if (!i.op.isPure() || !i.hasResult() || isFoldableAddress(i)) continue;
            Key k = key(i);
            Value have = available.get(k);
            if (have != null && have != i) {
                replaced.put(i, have);
                continue;
            }
            set(available, k, i, undo);
        }
    }

    /**
     * If {@code b} is entered only by one edge of a two-way branch, the branch's condition has a
     * known value in b's subtree, and so do the comparisons it implies.
     */
    private void learnFromEdge(Cfg cfg, Block b, List<Undo> undo) {
        List<Block> preds = cfg.predecessors(b);
        if (preds.size() != 1) return;
        Inst br = preds.getFirst().terminator();
        if (br == null || br.op != Op.BR || br.targets.get(0).block == br.targets.get(1).block) return;
        boolean value = br.targets.get(0).block == b;
        Value c = resolve(br.arg(0));
        if (c instanceof Inst ci && ci.op == Op.CONST) return;
        Inst yes = b.insert(0, Inst.constant(Type.I1, value ? 1 : 0)), no = b.insert(1, Inst.constant(Type.I1, value ? 0 : 1));
        set(known, c, yes, undo);
        if (c instanceof Inst ci && ci.op == Op.ICMP) {
            Value x = ci.arg(0), y = ci.arg(1);
            set(available, key(ci), yes, undo);
            set(available, icmpKey(ci.cond.negated(), x, y), no, undo);
            set(available, icmpKey(ci.cond.swapped(), y, x), yes, undo);
            set(available, icmpKey(ci.cond.negated().swapped(), y, x), no, undo);
        }
    }

    /**
     * A constant offset from a pointer: loads and stores fold it into their addressing mode,
     * so sharing one copy would only keep a register busy.
     */
    private static boolean isFoldableAddress(Inst i) {
        return i.op == Op.PTRADD && i.arg(1) instanceof Inst c && c.op == Op.CONST;
    }

    private static Key icmpKey(Cond c, Value x, Value y) {
        return new Key(Op.ICMP, Type.I1, List.of(x, y), 0, c, null, null);
    }

    private static Key key(Inst i) {
        List<Object> ops = new ArrayList<>(i.args);
        if (i.op.is(Op.Flag.COMMUTATIVE) && ops.size() == 2 && System.identityHashCode(ops.get(0)) > System.identityHashCode(ops.get(1)))
            ops = List.of(ops.get(1), ops.get(0));
        return new Key(i.op, i.type, ops, i.op == Op.CONST ? i.type.wrap(i.imm) : i.imm, i.cond, i.symbol, i.slot);
    }
}
