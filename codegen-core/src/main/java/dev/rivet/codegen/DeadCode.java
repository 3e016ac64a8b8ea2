package dev.rivet.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes pure instructions whose results nobody reads, and then what only they read. Lowering
 * leaves such instructions where it builds a value in general form and a later, more specific
 * rule needs only part of it (the known-zero half of a 64-bit value, a constant's unused word).
 * Cost: linear (reads counted once, each dead instruction's operands released once).
 */
public final class DeadCode {
    private DeadCode() {}

    public static void run(MFunction f) {
        Map<Integer, Integer> reads = new HashMap<>();
        Map<Integer, List<MInst>> definers = new HashMap<>();
        for (MBlock b : f.blocks)
            for (MInst i : b.insts) {
                dev.rivet.ir.Work.add(1);
                i.regs(new MInst.RegVisitor() {
                    @Override public void use(Reg r) { if (r instanceof Reg.Virtual v) reads.merge(v.id(), 1, Integer::sum); }

                    @Override public void def(Reg r) {
                        if (r instanceof Reg.Virtual v) definers.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(i);
                    }
                });
            }
        java.util.Set<MInst> dead = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Deque<Integer> unread = new ArrayDeque<>();
        for (int v : definers.keySet()) if (!reads.containsKey(v)) unread.add(v);
        while (!unread.isEmpty()) {
            for (MInst i : definers.getOrDefault(unread.poll(), List.of())) {
                if (dead.contains(i) || !i.isPure() || resultIsRead(i, reads)) continue;
                dead.add(i);
                i.regs(new MInst.RegVisitor() {
                    @Override public void use(Reg r) {
                        if (r instanceof Reg.Virtual v && reads.merge(v.id(), -1, Integer::sum) == 0) unread.add(v.id());
                    }

                    @Override public void def(Reg r) { }
                });
            }
        }
        if (dead.isEmpty()) return;
        for (MBlock b : f.blocks) b.insts.removeIf(dead::contains);
    }

    /** True if some result of {@code i} is read somewhere, or is a physical register (always observable). */
    private static boolean resultIsRead(MInst i, Map<Integer, Integer> reads) {
        for (Reg r : i.defs()) if (!(r instanceof Reg.Virtual v) || reads.getOrDefault(v.id(), 0) > 0) return true;
        return false;
    }
}
