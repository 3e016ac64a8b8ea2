package dev.rivet.codegen.alloc;

import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds live intervals from block liveness, walking each block backwards. Cost: O(n) plus the
 * registers live out of each block; ranges are added at the front of an interval (blocks are
 * walked last to first), where merging is immediate.
 */
final class Intervals {
    private Intervals() {}

    /** The first position of each block, in layout order (an empty block takes one slot). */
    private static int[] blockStarts(MFunction f) {
        int[] starts = new int[f.blocks.size() + 1];
        int k = 0;
        for (int b = 0; b < f.blocks.size(); b++) {
            starts[b] = 2 * k;
            k += Math.max(1, f.blocks.get(b).insts.size());
        }
        starts[f.blocks.size()] = 2 * k;
        return starts;
    }

    static Map<Integer, Interval> build(MFunction f, Set<Integer> spillTemps) {
        Liveness live = new Liveness(f);
        Map<Integer, Interval> out = new HashMap<>();
        int[] starts = blockStarts(f);
        for (int bi = f.blocks.size() - 1; bi >= 0; bi--) {
            MBlock b = f.blocks.get(bi);
            int from = starts[bi], to = starts[bi + 1] - 1;
            BitSet liveOut = live.liveOut.get(b.id);
            for (int v = liveOut.nextSetBit(0); v >= 0; v = liveOut.nextSetBit(v + 1)) get(out, v).add(from, to);
            List<MInst> insts = b.insts;
            dev.rivet.ir.Work.add(insts.size() + liveOut.cardinality());
            for (int k = insts.size() - 1; k >= 0; k--) {
                int pos = from + 2 * k;
                // Backwards, an instruction's definitions end its values' earlier ranges before its
                // uses start theirs (a two-address instruction both reads and writes one register).
                List<Reg> uses = new ArrayList<>(), defs = new ArrayList<>(), early = new ArrayList<>();
                insts.get(k).regs(new MInst.RegVisitor() {
                    @Override public void def(Reg r) { if (r instanceof Reg.Virtual) defs.add(r); }

                    @Override public void earlyDef(Reg r) { if (r instanceof Reg.Virtual) early.add(r); }

                    @Override public void use(Reg r) { if (r instanceof Reg.Virtual) uses.add(r); }
                });
                for (Reg r : defs) {
                    Interval i = get(out, ((Reg.Virtual) r).id());
                    i.startAt(pos + 1);
                    i.uses++;
                }
                for (Reg r : early) {
                    Interval i = get(out, ((Reg.Virtual) r).id());
                    i.startAt(pos + 1);
                    i.add(pos, pos + 1);
                    i.uses++;
                }
                for (Reg r : uses) {
                    Interval i = get(out, ((Reg.Virtual) r).id());
                    i.add(from, pos);
                    i.uses++;
                }
            }
        }
        for (Interval i : out.values()) i.spillTemp = spillTemps.contains(i.vreg);
        return out;
    }

    private static Interval get(Map<Integer, Interval> m, int v) {
        return m.computeIfAbsent(v, Interval::new);
    }

    /**
     * Per physical register, where instructions hold it: from a definition (or the block's start)
     * to each use, and the write slot of every call for the caller-saved registers.
     */
    static Map<Integer, Interval> fixed(MFunction f, RegInfo regs) {
        Map<Integer, Interval> ranges = new HashMap<>();
        int[] starts = blockStarts(f);
        for (int bi = 0; bi < f.blocks.size(); bi++) {
            MBlock b = f.blocks.get(bi);
            Map<Integer, Integer> openSince = new HashMap<>();
            dev.rivet.ir.Work.add(b.insts.size());
            int blockStart = starts[bi];
            for (int k = 0; k < b.insts.size(); k++) {
                int pos = blockStart + 2 * k;
                MInst i = b.insts.get(k);
                i.regs(new MInst.RegVisitor() {
                    @Override public void use(Reg r) {
                        if (r instanceof Reg.Physical p) get(ranges, p.num()).add(openSince.getOrDefault(p.num(), blockStart), pos);
                    }

                    @Override public void def(Reg r) {
                        if (r instanceof Reg.Physical p) {
                            openSince.put(p.num(), pos + 1);
                            get(ranges, p.num()).add(pos + 1, pos + 1);
                        }
                    }
                });
                if (i.isCall())
                    for (int reg : regs.allocatable())
                        if (!regs.isCalleeSaved(reg)) get(ranges, reg).add(pos + 1, pos + 1);
            }
        }
        return ranges;
    }
}
