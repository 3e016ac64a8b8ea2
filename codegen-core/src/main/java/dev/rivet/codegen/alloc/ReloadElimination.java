package dev.rivet.codegen.alloc;

import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import dev.rivet.codegen.StackObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After allocation: spilling everywhere stores a value after its definition and reloads it
 * before each use, even when the register it was stored from still holds it. Within a block,
 * a reload of a slot whose value a register still holds is dropped (same register) or becomes
 * a register move; a block with a single predecessor continues from the state where that
 * predecessor branched to it. A register stops holding a slot's value when anything writes it,
 * or a call clobbers it. Spill slots are touched only by spill code, so nothing else changes
 * them. A spill store of a register that still holds the slot's value is dropped (a value
 * reloaded and stored back unchanged around a loop). Then a spill store overwritten before
 * anything reads the slot is dropped. Cost: walks of the instructions, plus a copy of the
 * state (what each register holds) per edge.
 */
final class ReloadElimination {
    /** A spill store or reload: the slot, and the register (virtual before allocation, physical after) it moves. */
    record SpillCode(boolean store, StackObject slot, Reg reg) {
        SpillCode withReg(int physical) { return new SpillCode(store, slot, Reg.phys(physical)); }

        int physical() { return ((Reg.Physical) reg).num(); }
    }

    private ReloadElimination() {}

    static void run(MFunction f, Map<MInst, SpillCode> spillCode, RegInfo regs) {
        if (spillCode.isEmpty()) return;
        Map<Integer, Integer> predecessors = new HashMap<>();
        for (MBlock b : f.blocks)
            for (MInst i : b.insts) for (int t : i.targets()) predecessors.merge(t, 1, Integer::sum);
        Map<Integer, Map<StackObject, Integer>> onEdge = new HashMap<>(); // block -> state where its one predecessor branches to it
        for (MBlock b : f.blocks) {
            // a block entered from one block already seen starts with what held where that one branched
            Map<StackObject, Integer> holder = new HashMap<>();
            if (predecessors.getOrDefault(b.id, 0) == 1 && onEdge.containsKey(b.id)) holder.putAll(onEdge.get(b.id));
            List<MInst> out = new ArrayList<>();
            for (MInst i : b.insts) {
                SpillCode sc = spillCode.get(i);
                if (sc != null && !sc.store() && holder.containsKey(sc.slot())) {
                    int from = holder.get(sc.slot());
                    if (from != sc.physical()) {
                        MInst move = regs.move(Reg.phys(sc.physical()), Reg.phys(from));
                        forgetWritten(holder, move, regs);
                        out.add(move);
                    }
                    holder.put(sc.slot(), sc.physical());
                    continue;
                }
                if (sc != null && sc.store() && holder.getOrDefault(sc.slot(), -1) == sc.physical()) continue; // the slot holds it already
                out.add(i);
                forgetWritten(holder, i, regs);
                if (sc != null) holder.put(sc.slot(), sc.physical()); // after a store or a reload, the register holds the slot
                for (int t : i.targets()) onEdge.put(t, new HashMap<>(holder));
            }
            b.insts.clear();
            b.insts.addAll(dropOverwrittenStores(out, spillCode));
        }
    }

    /**
     * Drops spill stores that a later store to the same slot overwrites before any reload reads
     * it, with no branch in between (the branch's target might read the slot).
     */
    private static List<MInst> dropOverwrittenStores(List<MInst> block, Map<MInst, SpillCode> spillCode) {
        java.util.Set<StackObject> overwritten = new java.util.HashSet<>();
        List<MInst> kept = new ArrayList<>();
        for (MInst i : block.reversed()) {
            SpillCode sc = spillCode.get(i);
            if (sc != null && sc.store() && !overwritten.add(sc.slot())) continue;
            if (sc != null && !sc.store()) overwritten.remove(sc.slot());
            if (!i.targets().isEmpty()) overwritten.clear();
            kept.add(i);
        }
        return kept.reversed();
    }

    /** Drops what the registers {@code i} writes (or a call clobbers) held. */
    private static void forgetWritten(Map<StackObject, Integer> holder, MInst i, RegInfo regs) {
        if (holder.isEmpty()) return;
        if (i.isCall()) holder.values().removeIf(r -> !regs.isCalleeSaved(r));
        i.regs(new MInst.RegVisitor() {
            @Override public void use(Reg r) { }

            @Override public void def(Reg r) {
                if (r instanceof Reg.Physical p) holder.values().removeIf(h -> h == p.num());
            }
        });
    }
}
