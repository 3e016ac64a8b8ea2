package dev.rivet.codegen.alloc;

import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import dev.rivet.codegen.StackObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inserts the stores and reloads for a spilled register. A spilled value lives in its stack
 * slot; within a block it is reloaded once into a block-local register that serves every use
 * up to the next call (the value is then in both places), and a definition is stored at once
 * and stays in its register for the uses after it. Those block-local registers are allocated
 * like any other and may be spilled in turn: then every use reloads into a register of its own
 * that lives for one instruction and cannot be spilled again. A register whose one definition
 * is a cheap constant (a small immediate, an address) is not stored at all: the constant is
 * rebuilt in front of each use.
 *
 * <p>Cost: spilling a register visits only the blocks where it occurs ({@link #index}, built
 * once per allocation round: the blocks a register occurs in do not change while other
 * registers of the same round are spilled), so a round costs O(n) however many it spills.
 */
final class SpillRewriter {
    private final MFunction f;
    private final RegInfo regs;
    /** Registers that live for one instruction around spill code: never spilled. */
    final Set<Integer> spillTemps = new HashSet<>();
    private boolean perUseOnly;
    /** Block-local registers holding a spilled value, with its slot. */
    private final Map<Integer, StackObject> blockLocal = new HashMap<>();
    /** The spill stores and reloads inserted, by identity, with the slot and the register they move. */
    final Map<MInst, ReloadElimination.SpillCode> spillCode = new IdentityHashMap<>();

    /** For each virtual register, the positions in {@code f.blocks} of the blocks where it occurs (see {@link #index}). */
    private Map<Integer, java.util.BitSet> blocksOf = new HashMap<>();

    SpillRewriter(MFunction f, RegInfo regs) {
        this.f = f;
        this.regs = regs;
    }

    /**
     * Records where each virtual register occurs; call before spilling a round's registers.
     * Spilling one rewrites only the blocks it occurs in and leaves the others' registers in
     * the same blocks, so the index stays right for the rest of the round.
     */
    void index() {
        blocksOf = new HashMap<>();
        for (int k = 0; k < f.blocks.size(); k++) {
            int block = k;
            MInst.RegVisitor note = new MInst.RegVisitor() {
                @Override public void use(Reg r) { if (r instanceof Reg.Virtual v) blocksOf.computeIfAbsent(v.id(), x -> new java.util.BitSet()).set(block); }

                @Override public void def(Reg r) { use(r); }
            };
            for (MInst i : f.blocks.get(k).insts) i.regs(note);
            dev.rivet.ir.Work.add(f.blocks.get(k).insts.size());
        }
    }

    /** The blocks {@code target} occurs in, in function order. */
    private List<MBlock> blocksWith(Reg.Virtual target) {
        java.util.BitSet where = blocksOf.getOrDefault(target.id(), new java.util.BitSet());
        List<MBlock> out = new ArrayList<>();
        for (int k = where.nextSetBit(0); k >= 0; k = where.nextSetBit(k + 1)) {
            out.add(f.blocks.get(k));
            dev.rivet.ir.Work.add(f.blocks.get(k).insts.size());
        }
        return out;
    }

    /**
     * Spills {@code vreg}: rebuilt at each use if its one definition is a cheap constant, else to
     * a new slot, or, if it is a block-local copy of a spilled value, back to that value's slot.
     */
    void spill(int vreg) {
        Reg.Virtual target = new Reg.Virtual(vreg);
        MInst constant = rematerializable(target);
        StackObject slot = blockLocal.get(vreg);
        if (constant != null) rebuildAtEachUse(target, constant);
        else if (slot != null) reloadAtEachUse(target, slot);
        else if (perUseOnly) reloadAtEachUse(target, f.frame.spill(4));
        else keepInBlocks(target, f.frame.spill(4));
    }

    /**
     * From now on a spilled value is reloaded at each use, with no block-local registers that
     * could need spilling in turn: allocation then converges as fast as spilling everywhere does.
     */
    void perUseOnly() { perUseOnly = true; }

    /** The one instruction defining {@code target}, if it builds it from constants alone. */
    private MInst rematerializable(Reg.Virtual target) {
        MInst def = null;
        for (MBlock b : blocksWith(target))
            for (MInst i : b.insts)
                if (Access.of(i, target).defs) {
                    if (def != null) return null;
                    def = i;
                }
        return def != null && def.isRematerializable() ? def : null;
    }

    private void rebuildAtEachUse(Reg.Virtual target, MInst def) {
        for (MBlock b : blocksWith(target)) {
            List<MInst> out = new ArrayList<>();
            for (MInst i : b.insts) {
                if (i == def) continue;
                if (!Access.of(i, target).uses) {
                    out.add(i);
                    continue;
                }
                Reg partner = copyPartner(i, target);
                if (partner != null) { // x = v becomes x = the constant
                    out.add(f.replaced(def, def.mapRegs(x -> x.equals(target) ? partner : x)));
                    continue;
                }
                Reg.Virtual temp = f.newVReg();
                spillTemps.add(temp.id());
                out.add(f.replaced(def, def.mapRegs(x -> x.equals(target) ? temp : x)));
                out.add(f.replaced(i, i.mapRegs(x -> x.equals(target) ? temp : x)));
            }
            b.insts.clear();
            b.insts.addAll(out);
        }
    }

    private void keepInBlocks(Reg.Virtual target, StackObject slot) {
        for (MBlock b : blocksWith(target)) {
            List<MInst> out = new ArrayList<>();
            Reg current = null; // the register that holds the value here, if any
            for (MInst i : b.insts) {
                Access a = Access.of(i, target);
                Reg partner = a.any() ? copyPartner(i, target) : null;
                if (!a.any()) {
                    out.add(i);
                } else if (partner != null && a.defs) {
                    out.add(tracked(regs.spill(partner, slot), true, slot, partner)); // v = x stores x
                    current = null;
                } else if (partner != null) {
                    out.add(current != null ? regs.move(partner, current) : tracked(regs.reload(partner, slot), false, slot, partner));
                } else {
                    if (a.uses && current == null) current = reloadInto(out, slot);
                    Reg r = a.uses ? current : newBlockLocal(slot);
                    out.add(f.replaced(i, i.mapRegs(x -> x.equals(target) ? r : x)));
                    if (a.defs) {
                        out.add(tracked(regs.spill(r, slot), true, slot, r));
                        current = r;
                    }
                }
                if (i.isCall()) current = null; // a block-local register does not live across calls
            }
            b.insts.clear();
            b.insts.addAll(out);
        }
    }

    private Reg reloadInto(List<MInst> out, StackObject slot) {
        Reg r = newBlockLocal(slot);
        out.add(tracked(regs.reload(r, slot), false, slot, r));
        return r;
    }

    private Reg.Virtual newBlockLocal(StackObject slot) {
        Reg.Virtual r = f.newVReg();
        blockLocal.put(r.id(), slot);
        return r;
    }

    /** A block-local register spilled: its own reload and store go; each use reloads, each definition stores. */
    private void reloadAtEachUse(Reg.Virtual target, StackObject slot) {
        for (MBlock b : blocksWith(target)) {
            List<MInst> out = new ArrayList<>();
            for (MInst i : b.insts) {
                ReloadElimination.SpillCode sc = spillCode.get(i);
                // its own reload and store go (the slot is where it came from); a store of it into
                // another value's slot stays, as a use of it
                if (sc != null && sc.reg().equals(target) && sc.slot() == slot) continue;
                Access a = Access.of(i, target);
                Reg partner = a.any() ? copyPartner(i, target) : null;
                if (!a.any()) {
                    out.add(i);
                } else if (partner != null && !a.defs) {
                    out.add(tracked(regs.reload(partner, slot), false, slot, partner));
                } else {
                    Reg.Virtual temp = f.newVReg();
                    spillTemps.add(temp.id());
                    if (a.uses) out.add(tracked(regs.reload(temp, slot), false, slot, temp));
                    out.add(f.replaced(i, i.mapRegs(x -> x.equals(target) ? temp : x)));
                    if (a.defs) out.add(tracked(regs.spill(temp, slot), true, slot, temp));
                }
            }
            b.insts.clear();
            b.insts.addAll(out);
        }
    }

    private MInst tracked(MInst spillOrReload, boolean store, StackObject slot, Reg reg) {
        spillCode.put(spillOrReload, new ReloadElimination.SpillCode(store, slot, reg));
        return spillOrReload;
    }

    /**
     * The other side of {@code i} if it is a copy to or from {@code target} that can become a
     * plain store or reload of the slot: no temporary, and no copy left for allocation to remove.
     */
    private Reg copyPartner(MInst i, Reg.Virtual target) {
        if (!i.isMove()) return null;
        Reg dst = i.moveOperands().get(0), src = i.moveOperands().get(1);
        if (dst.equals(src)) return null;
        Reg other = dst.equals(target) ? src : src.equals(target) ? dst : null;
        if (other instanceof Reg.Physical p && !regs.allocatable().contains(p.num())) return null;
        return other;
    }

    /** Whether an instruction reads and writes a register. */
    private record Access(boolean uses, boolean defs) {
        static Access of(MInst i, Reg target) {
            return new Access(i.uses().contains(target), i.defs().contains(target));
        }

        boolean any() { return uses || defs; }
    }
}
