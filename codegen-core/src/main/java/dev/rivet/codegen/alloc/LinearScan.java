package dev.rivet.codegen.alloc;

import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import dev.rivet.codegen.StackObject;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Linear-scan register allocation (Poletto and Sarkar) with move hints and spilling.
 *
 * <p>Instructions are numbered in layout order; instruction k reads at 2k and writes at 2k+1.
 * Each virtual register gets one interval from its first definition (or the start of a block
 * it is live into) to its last use (or the end of a block it is live out of). Physical
 * registers that instructions name (argument and result registers, registers a call clobbers)
 * form fixed ranges that an interval must not overlap to get that register — which is how
 * values live across calls end up in callee-saved registers.
 *
 * <p>When registers run out, the interval that ends last is spilled: every use of it reloads
 * into a fresh short-lived register and every definition stores from one, and allocation runs
 * again. Moves whose two sides got the same register disappear.
 */
public final class LinearScan {
    private static final int MAX_ROUNDS = 16;

    private final MFunction f;
    private final RegInfo regs;

    /** A virtual register's live interval. */
    private static final class Interval {
        final int vreg;
        int from = Integer.MAX_VALUE, to = -1;
        int assigned = -1;
        boolean spillTemp;

        Interval(int vreg) { this.vreg = vreg; }

        void cover(int pos) {
            from = Math.min(from, pos);
            to = Math.max(to, pos);
        }
    }

    private LinearScan(MFunction f, RegInfo regs) {
        this.f = f;
        this.regs = regs;
    }

    public static void allocate(MFunction f, RegInfo regs) {
        new LinearScan(f, regs).run();
    }

    private final Set<Integer> spillTemps = new HashSet<>();

    private void run() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Map<Integer, Interval> intervals = intervals();
            Map<Integer, List<int[]>> fixed = fixedRanges();
            Map<Integer, Integer> hints = hints();
            List<Interval> spilled = scan(intervals, fixed, hints);
            if (spilled.isEmpty()) {
                rewrite(intervals);
                return;
            }
            for (Interval s : spilled) spillEverywhere(s.vreg);
        }
        throw new IllegalStateException("register allocation did not converge in " + f.name);
    }

    // ---- intervals ----

    private Map<Integer, Interval> intervals() {
        Liveness live = new Liveness(f);
        Map<Integer, Interval> out = new HashMap<>();
        int k = 0;
        for (MBlock b : f.blocks) {
            int start = 2 * k;
            int end = 2 * (k + Math.max(b.insts.size(), 1)) - 1;
            BitSet in = live.liveIn.get(b.id), outSet = live.liveOut.get(b.id);
            for (int v = in.nextSetBit(0); v >= 0; v = in.nextSetBit(v + 1)) interval(out, v).cover(start);
            for (int v = outSet.nextSetBit(0); v >= 0; v = outSet.nextSetBit(v + 1)) interval(out, v).cover(end);
            for (MInst i : b.insts) {
                int pos = k;
                i.regs(new MInst.RegVisitor() {
                    @Override public void use(Reg r) {
                        if (r instanceof Reg.Virtual v) interval(out, v.id()).cover(2 * pos);
                    }

                    @Override public void def(Reg r) {
                        if (r instanceof Reg.Virtual v) interval(out, v.id()).cover(2 * pos + 1);
                    }

                    @Override public void earlyDef(Reg r) {
                        if (r instanceof Reg.Virtual v) {
                            interval(out, v.id()).cover(2 * pos);
                            interval(out, v.id()).cover(2 * pos + 1);
                        }
                    }
                });
                k++;
            }
            if (b.insts.isEmpty()) k++;
        }
        for (Interval i : out.values()) i.spillTemp = spillTemps.contains(i.vreg);
        return out;
    }

    private Interval interval(Map<Integer, Interval> m, int v) {
        return m.computeIfAbsent(v, Interval::new);
    }

    /** Per physical register: the position ranges where instructions hold it. */
    private Map<Integer, List<int[]>> fixedRanges() {
        Map<Integer, List<int[]>> ranges = new HashMap<>();
        int k = 0;
        for (MBlock b : f.blocks) {
            Map<Integer, Integer> openSince = new HashMap<>();
            int blockStart = 2 * k;
            for (MInst i : b.insts) {
                int pos = k;
                i.regs(new MInst.RegVisitor() {
                    @Override public void use(Reg r) {
                        if (r instanceof Reg.Physical p) {
                            int from = openSince.getOrDefault(p.num(), blockStart);
                            ranges.computeIfAbsent(p.num(), x -> new ArrayList<>()).add(new int[] {from, 2 * pos});
                        }
                    }

                    @Override public void def(Reg r) {
                        if (r instanceof Reg.Physical p) {
                            openSince.put(p.num(), 2 * pos + 1);
                            ranges.computeIfAbsent(p.num(), x -> new ArrayList<>()).add(new int[] {2 * pos + 1, 2 * pos + 1});
                        }
                    }
                });
                if (i.isCall()) // the call writes every caller-saved register
                    for (int reg : regs.allocatable())
                        if (!regs.isCalleeSaved(reg))
                            ranges.computeIfAbsent(reg, x -> new ArrayList<>()).add(new int[] {2 * pos + 1, 2 * pos + 1});
                k++;
            }
            if (b.insts.isEmpty()) k++;
        }
        return ranges;
    }

    private Map<Integer, Integer> hints() {
        Map<Integer, Integer> hints = new HashMap<>();
        for (MBlock b : f.blocks)
            for (MInst i : b.insts) {
                if (!i.isMove()) continue;
                Reg dst = i.moveOperands().get(0), src = i.moveOperands().get(1);
                if (dst instanceof Reg.Virtual d) hints.putIfAbsent(d.id(), src instanceof Reg.Physical p ? -1 - p.num() : ((Reg.Virtual) src).id());
                if (src instanceof Reg.Virtual s) hints.putIfAbsent(s.id(), dst instanceof Reg.Physical p ? -1 - p.num() : ((Reg.Virtual) dst).id());
            }
        return hints;
    }

    // ---- the scan ----

    private List<Interval> scan(Map<Integer, Interval> intervals, Map<Integer, List<int[]>> fixed, Map<Integer, Integer> hints) {
        List<Interval> order = new ArrayList<>(intervals.values());
        order.sort(Comparator.comparingInt((Interval i) -> i.from).thenComparingInt(i -> i.vreg));
        List<Interval> active = new ArrayList<>();
        List<Interval> spilled = new ArrayList<>();
        for (Interval cur : order) {
            active.removeIf(a -> a.to < cur.from);
            Set<Integer> busy = new HashSet<>();
            for (Interval a : active) busy.add(a.assigned);
            int reg = choose(cur, busy, fixed, hints, intervals);
            if (reg >= 0) {
                cur.assigned = reg;
                active.add(cur);
                continue;
            }
            // Out of registers: spill whichever ends last, the current interval or an active one whose
            // register it can take. Reload temporaries are never spilled (they live for one instruction).
            Interval victim = null;
            for (Interval a : active)
                if (!a.spillTemp && (victim == null || a.to > victim.to) && !overlapsFixed(cur, a.assigned, fixed)) victim = a;
            boolean takeVictim = victim != null && (cur.spillTemp || victim.to > cur.to);
            if (takeVictim) {
                cur.assigned = victim.assigned;
                active.remove(victim);
                active.add(cur);
                victim.assigned = -1;
                spilled.add(victim);
            } else if (!cur.spillTemp) {
                spilled.add(cur);
            } else {
                throw new IllegalStateException("no register for a reload in " + f.name);
            }
        }
        return spilled;
    }

    private int choose(Interval cur, Set<Integer> busy, Map<Integer, List<int[]>> fixed, Map<Integer, Integer> hints,
                       Map<Integer, Interval> intervals) {
        Integer hint = hints.get(cur.vreg);
        if (hint != null) {
            int want = hint < 0 ? -1 - hint : intervals.containsKey(hint) ? intervals.get(hint).assigned : -1;
            if (want >= 0 && regs.allocatable().contains(want) && !busy.contains(want) && !overlapsFixed(cur, want, fixed))
                return want;
        }
        for (int r : regs.allocatable())
            if (!busy.contains(r) && !overlapsFixed(cur, r, fixed)) return r;
        return -1;
    }

    private static boolean overlapsFixed(Interval cur, int reg, Map<Integer, List<int[]>> fixed) {
        List<int[]> rs = fixed.get(reg);
        if (rs == null) return false;
        for (int[] r : rs) if (cur.from <= r[1] && r[0] <= cur.to) return true;
        return false;
    }

    // ---- rewriting ----

    /** Replaces every virtual register with its physical one and drops moves that became no-ops. */
    private void rewrite(Map<Integer, Interval> intervals) {
        for (MBlock b : f.blocks) {
            List<MInst> out = new ArrayList<>();
            for (MInst i : b.insts) {
                MInst m = i.mapRegs(r -> r instanceof Reg.Virtual v ? Reg.phys(intervals.get(v.id()).assigned) : r);
                if (m.isMove() && m.moveOperands().get(0).equals(m.moveOperands().get(1))) continue;
                out.add(m);
            }
            b.insts.clear();
            b.insts.addAll(out);
        }
        for (Interval i : intervals.values()) if (regs.isCalleeSaved(i.assigned)) f.usedCalleeSaved.add(i.assigned);
    }

    /** Gives {@code vreg} a stack slot: reload before each use, store after each definition. */
    private void spillEverywhere(int vreg) {
        StackObject slot = f.frame.spill(4);
        Reg.Virtual target = new Reg.Virtual(vreg);
        for (MBlock b : f.blocks) {
            List<MInst> out = new ArrayList<>();
            for (MInst i : b.insts) {
                boolean[] uses = {false}, defs = {false};
                i.regs(new MInst.RegVisitor() {
                    @Override public void use(Reg r) { if (r.equals(target)) uses[0] = true; }

                    @Override public void def(Reg r) { if (r.equals(target)) defs[0] = true; }
                });
                if (!uses[0] && !defs[0]) {
                    out.add(i);
                    continue;
                }
                Reg.Virtual temp = f.newVReg();
                spillTemps.add(temp.id());
                if (uses[0]) out.add(regs.reload(temp, slot));
                out.add(i.mapRegs(r -> r.equals(target) ? temp : r));
                if (defs[0]) out.add(regs.spill(temp, slot));
            }
            b.insts.clear();
            b.insts.addAll(out);
        }
    }
}
