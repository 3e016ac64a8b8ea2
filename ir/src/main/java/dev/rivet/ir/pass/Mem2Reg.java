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
        Cfg cfg = null;
        for (Slot s : new ArrayList<>(f.slots())) {
            Type t = promotableType(s, addrs.getOrDefault(s, List.of()), users);
            if (t == null) continue;
            if (cfg == null) cfg = new Cfg(f);
            promote(f, cfg, s, t, addrs.getOrDefault(s, List.of()));
        }
        f.renumber();
    }

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

    private static void promote(Function f, Cfg cfg, Slot slot, Type type, List<Inst> addrs) {
        Set<Value> addresses = Collections.newSetFromMap(new IdentityHashMap<>());
        addresses.addAll(addrs);
        // Blocks that store to the slot, and the join points that need a parameter.
        Set<Block> defBlocks = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block b : cfg.reversePostorder())
            for (Inst i : b.insts()) if (i.op == Op.STORE && addresses.contains(i.arg(1))) defBlocks.add(b);
        Map<Block, Set<Block>> df = cfg.frontiers();
        Map<Block, Param> joins = new IdentityHashMap<>();
        Deque<Block> work = new ArrayDeque<>(defBlocks);
        while (!work.isEmpty()) {
            Block b = work.pop();
            for (Block d : df.getOrDefault(b, Set.of())) {
                if (joins.containsKey(d)) continue;
                joins.put(d, d.addParam(type));
                work.add(d);
            }
        }
        Inst undef = f.entry().insert(0, Inst.constant(type, 0));
        rename(f, cfg, addresses, joins, undef);
        for (Inst a : addrs) a.block().remove(a);
        f.slots().remove(slot);
    }

    /**
     * Walks the dominator tree carrying the slot's current value. The loads' uses are rewritten
     * in one pass at the end (each load's replacement is final when it is recorded).
     */
    private static void rename(Function f, Cfg cfg, Set<Value> addresses, Map<Block, Param> joins, Value undef) {
        Map<Value, Value> replaced = new IdentityHashMap<>();
        Map<Block, List<Block>> kids = cfg.dominatorTree();
        record Visit(Block block, Value incoming) {}
        Deque<Visit> stack = new ArrayDeque<>();
        stack.push(new Visit(f.entry(), undef));
        while (!stack.isEmpty()) {
            Visit v = stack.pop();
            Block b = v.block();
            Value current = joins.containsKey(b) ? joins.get(b) : v.incoming();
            for (Inst i : new ArrayList<>(b.insts())) {
                if (i.op == Op.LOAD && addresses.contains(i.arg(0))) {
                    replaced.put(i, current);
                    b.remove(i);
                } else if (i.op == Op.STORE && addresses.contains(i.arg(1))) {
                    current = replaced.getOrDefault(i.arg(0), i.arg(0));
                    b.remove(i);
                }
            }
            for (Target t : b.terminator().targets) if (joins.containsKey(t.block)) t.args.add(current);
            for (Block kid : kids.get(b)) stack.push(new Visit(kid, current));
        }
        if (replaced.isEmpty()) return;
        for (Inst i : f.instructions()) {
            i.args.replaceAll(v -> replaced.getOrDefault(v, v));
            for (Target t : i.targets) t.args.replaceAll(v -> replaced.getOrDefault(v, v));
        }
    }
}
