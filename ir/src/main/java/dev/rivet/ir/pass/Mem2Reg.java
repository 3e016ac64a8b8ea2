package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Cfg;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import dev.rivet.ir.Param;
import dev.rivet.ir.Slot;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Promotes stack slots to SSA values. A slot qualifies when its address is used only as the
 * pointer of non-volatile loads and stores of one type that fills the slot. Joins get block
 * parameters at the iterated dominance frontier of the stores (Cytron et al.); a renaming walk
 * over the dominator tree then replaces loads with the reaching value. A load with no store
 * before it reads an uninitialised slot, which Rust never does; it becomes zero.
 *
 * <p>Cost: O(n + the dominance frontiers' size + the joins placed), for all slots together:
 * one walk finds the stores, the frontiers are computed once, and one walk of the dominator
 * tree renames every slot.
 */
public final class Mem2Reg implements Pass {
    @Override
    public String name() { return "mem2reg"; }

    @Override
    public void run(Module m) {
        for (Function f : m.functions()) if (!f.isDeclaration()) run(f);
    }

    public static void run(Function f) {
        SimplifyCfg.removeUnreachable(f);
        Map<Slot, List<Inst>> addrs = slotAddresses(f);
        AddressUsers users = new AddressUsers(f);
        List<Promoted> promoted = new ArrayList<>();
        for (Slot s : f.slots()) {
            Type t = promotableType(s, addrs.getOrDefault(s, List.of()), users);
            if (t != null) promoted.add(new Promoted(s, t, addrs.getOrDefault(s, List.of()), promoted.size()));
        }
        if (!promoted.isEmpty()) promote(f, new Cfg(f), promoted);
        f.renumber();
    }

    /** A slot being promoted: its type, its addresses, and its position among the promoted slots. */
    private record Promoted(Slot slot, Type type, List<Inst> addrs, int index) {}

    static Map<Slot, List<Inst>> slotAddresses(Function f) {
        Map<Slot, List<Inst>> m = new IdentityHashMap<>();
        for (Inst i : f.instructions()) if (i.op == Op.SLOTADDR) m.computeIfAbsent(i.slot, k -> new ArrayList<>()).add(i);
        return m;
    }

    /**
     * The instructions that use each slot address, found in one walk of the function (promoting
     * one slot removes only its own loads and stores, so the others' users stay valid), and the
     * addresses passed as block arguments.
     */
    private static final class AddressUsers {
        final Map<Value, List<Inst>> users = new IdentityHashMap<>();
        final Set<Value> passed = Collections.newSetFromMap(new IdentityHashMap<>());

        AddressUsers(Function f) {
            for (Inst i : f.instructions()) {
                for (Value a : i.args)
                    if (a instanceof Inst ai && ai.op == Op.SLOTADDR) {
                        List<Inst> list = users.computeIfAbsent(a, k -> new ArrayList<>());
                        if (list.isEmpty() || list.getLast() != i) list.add(i);
                    }
                for (Target t : i.targets) for (Value v : t.args) if (v instanceof Inst vi && vi.op == Op.SLOTADDR) passed.add(v);
            }
        }
    }

    /** The single scalar type the slot is accessed as, or null if it cannot be promoted. */
    private static Type promotableType(Slot s, List<Inst> addrs, AddressUsers users) {
        Type type = null;
        for (Inst addr : addrs) {
            if (users.passed.contains(addr)) return null;
            for (Inst i : users.users.getOrDefault(addr, List.of()))
                for (int k = 0; k < i.args.size(); k++) {
                    if (i.arg(k) != addr) continue;
                    Type accessed;
                    if (i.op == Op.LOAD && !i.isVolatile) accessed = i.type;
                    else if (i.op == Op.STORE && !i.isVolatile && k == 1) accessed = i.arg(0).type();
                    else return null;
                    if (type != null && type != accessed) return null;
                    type = accessed;
                }
        }
        if (type == null) type = Type.I8; // never accessed: promote to nothing
        return type.bytes() == s.size || addrs.isEmpty() ? type : null;
    }

    /**
     * Promotes every slot at once: the joins of each (in slot order, so that a block's new
     * parameters are ordered by slot), then one renaming walk for all of them.
     */
    private static void promote(Function f, Cfg cfg, List<Promoted> promoted) {
        Map<Value, Promoted> addresses = new IdentityHashMap<>();
        for (Promoted p : promoted) for (Inst a : p.addrs()) addresses.put(a, p);
        // Blocks that store to each slot, found in one walk.
        List<List<Block>> defBlocks = new ArrayList<>();
        for (int k = 0; k < promoted.size(); k++) defBlocks.add(new ArrayList<>());
        for (Block b : cfg.reversePostorder())
            for (Inst i : b.insts()) {
                Promoted p = i.op == Op.STORE ? addresses.get(i.arg(1)) : null;
                if (p == null) continue;
                List<Block> defs = defBlocks.get(p.index());
                if (defs.isEmpty() || defs.getLast() != b) defs.add(b);
            }
        Map<Block, Set<Block>> df = cfg.frontiers();
        Map<Block, List<Join>> joins = new IdentityHashMap<>();
        for (Promoted p : promoted) placeJoins(p, defBlocks.get(p.index()), df, joins);
        Value[] undef = new Value[promoted.size()];
        undefinedValues(f.entry(), promoted, undef);
        rename(f, cfg, addresses, joins, undef);
        Set<Inst> dead = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Promoted p : promoted) dead.addAll(p.addrs());
        for (Block b : f.blocks()) b.removeIf(dead::contains);
        Set<Slot> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Promoted p : promoted) gone.add(p.slot());
        f.slots().removeIf(gone::contains);
    }

    /**
     * A zero per slot at the top of the entry block, the last slot's first (as inserting each
     * in turn at the top would leave them), all with the location of the block's first
     * instruction; placed in one rebuild of the block.
     */
    private static void undefinedValues(Block entry, List<Promoted> promoted, Value[] undef) {
        List<Inst> insts = entry.insts();
        dev.rivet.ir.SourceLoc loc = insts.isEmpty() ? null : insts.getFirst().loc;
        List<Inst> out = new ArrayList<>(promoted.size() + insts.size());
        for (int k = promoted.size() - 1; k >= 0; k--) {
            Inst zero = Inst.constant(promoted.get(k).type(), 0);
            zero.loc = loc;
            undef[k] = zero;
            out.add(zero);
        }
        out.addAll(insts);
        entry.setInsts(out);
    }

    /** A parameter a join block gets for a promoted slot. */
    private record Join(Promoted slot, Param param) {}

    /** Gives the iterated dominance frontier of the slot's stores a parameter each (Cytron et al.). */
    private static void placeJoins(Promoted p, List<Block> defBlocks, Map<Block, Set<Block>> df, Map<Block, List<Join>> joins) {
        Set<Block> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Block> work = new ArrayDeque<>(defBlocks);
        while (!work.isEmpty()) {
            Block b = work.pop();
            for (Block d : df.getOrDefault(b, Set.of())) {
                if (!placed.add(d)) continue;
                joins.computeIfAbsent(d, k -> new ArrayList<>()).add(new Join(p, d.addParam(p.type())));
                work.add(d);
            }
        }
    }

    /**
     * Walks the dominator tree carrying each slot's current value. The loads' uses are
     * rewritten in one pass at the end, following chains (a load stored to another slot).
     */
    private static void rename(Function f, Cfg cfg, Map<Value, Promoted> addresses, Map<Block, List<Join>> joins, Value[] undef) {
        Map<Value, Value> replaced = new IdentityHashMap<>();
        Map<Block, List<Block>> kids = cfg.dominatorTree();
        record Visit(Block block, Value[] incoming) {}
        Deque<Visit> stack = new ArrayDeque<>();
        stack.push(new Visit(f.entry(), undef));
        while (!stack.isEmpty()) {
            Visit v = stack.pop();
            Block b = v.block();
            Value[] current = v.incoming().clone();
            for (Join j : joins.getOrDefault(b, List.of())) current[j.slot().index()] = j.param();
            b.removeIf(i -> {
                Promoted p = i.op == Op.LOAD ? addresses.get(i.arg(0)) : i.op == Op.STORE ? addresses.get(i.arg(1)) : null;
                if (p == null) return false;
                if (i.op == Op.LOAD) replaced.put(i, current[p.index()]);
                else current[p.index()] = resolve(replaced, i.arg(0));
                return true;
            });
            for (Target t : b.terminator().targets)
                for (Join j : joins.getOrDefault(t.block, List.of())) t.args.add(current[j.slot().index()]);
            List<Block> children = kids.get(b);
            for (Block kid : children) stack.push(new Visit(kid, current));
        }
        if (replaced.isEmpty()) return;
        for (Block b : f.blocks())
            for (Inst i : b.insts()) {
                i.args.replaceAll(v -> resolve(replaced, v));
                for (Target t : i.targets) t.args.replaceAll(v -> resolve(replaced, v));
            }
    }

    /** What a value finally is: a load replaced by the slot's value, which may itself be a replaced load. */
    private static Value resolve(Map<Value, Value> replaced, Value v) {
        Value r = v;
        for (Value next = replaced.get(r); next != null; next = replaced.get(r)) r = next;
        return r;
    }
}
