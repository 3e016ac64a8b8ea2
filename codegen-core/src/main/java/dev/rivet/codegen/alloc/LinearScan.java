package dev.rivet.codegen.alloc;

import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Linear-scan register allocation over live intervals with lifetime holes (after Wimmer and
 * Mössenböck), with move hints and spilling.
 *
 * <p>Instructions are numbered in layout order; instruction k reads at 2k and writes at 2k+1.
 * A virtual register's interval is the set of ranges where it is live, built backwards from
 * block liveness, so a value is not considered live inside a block it merely skips over (a
 * panic path laid out between its definition and its use does not pin it). Physical registers
 * that instructions name (argument and result registers, registers a call clobbers) form fixed
 * ranges an interval must not intersect to get that register — which is how values live across
 * calls end up in callee-saved registers.
 *
 * <p>Intervals are taken in order of their start; each gets the hinted register (a move's other
 * side, or the operand a two-address encoding would share it with) if free, else the first free one in preference order. When none is free, the cheapest
 * of the current interval and the intervals blocking one register is spilled (weight: uses per
 * position covered), its stores and reloads are inserted ({@link SpillRewriter}: one reload
 * per block, or per use once that too is spilled), and allocation runs again. Moves whose two
 * sides got the same register vanish.
 *
 * <p>Cost per round: O(n log n) to build and sort the intervals, and for each interval a test
 * against the fixed ranges (a binary search into them) and against the intervals still live in
 * each register (ended ones are dropped as the scan passes their end); rounds are bounded.
 */
public final class LinearScan {
    private static final int MAX_ROUNDS = 64;
    /** Rounds after which spilled values get no block-local registers (see {@link SpillRewriter#perUseOnly}). */
    private static final int BLOCK_LOCAL_ROUNDS = 24;

    private final MFunction f;
    private final RegInfo regs;
    private final SpillRewriter spills;

    private LinearScan(MFunction f, RegInfo regs) {
        this.f = f;
        this.regs = regs;
        this.spills = new SpillRewriter(f, regs);
    }

    public static void allocate(MFunction f, RegInfo regs) {
        new LinearScan(f, regs).run();
    }

    private void run() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round == BLOCK_LOCAL_ROUNDS) spills.perUseOnly();
            Map<Integer, Interval> intervals = Intervals.build(f, spills.spillTemps);
            Map<Integer, Interval> fixed = Intervals.fixed(f, regs);
            List<Interval> spilled = scan(intervals, fixed, hints());
            if (spilled.isEmpty()) {
                rewrite(intervals);
                return;
            }
            spills.index();
            for (Interval s : spilled) spills.spill(s.vreg);
        }
        throw new IllegalStateException("register allocation did not converge in " + f.name);
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
        for (MBlock b : f.blocks)
            for (MInst i : b.insts) {
                List<Reg> pair = i.twoAddressHint();
                if (pair.size() == 2 && pair.get(0) instanceof Reg.Virtual d)
                    hints.putIfAbsent(d.id(), pair.get(1) instanceof Reg.Physical p ? -1 - p.num() : ((Reg.Virtual) pair.get(1)).id());
            }
        return hints;
    }

    // ---- the scan ----

    /**
     * The intervals assigned to each register. Those that ended before the current start can
     * intersect neither the current interval nor any later one (later ones start no earlier),
     * so they leave the per-register sets; a count per register still says which registers
     * ever held something (callee-saved ones cost a save). Sets keep assignment order, which
     * decides the order victims of a spill are named in.
     */
    private final class Assigned {
        final Map<Integer, java.util.LinkedHashSet<Interval>> live = new HashMap<>();
        /** Every interval holding the register, ended or not: for a partner spilled earlier in the scan. */
        final Map<Integer, java.util.LinkedHashSet<Interval>> all = new HashMap<>();
        final Map<Integer, Integer> count = new HashMap<>();
        final java.util.PriorityQueue<Interval> byEnd = new java.util.PriorityQueue<>(Comparator.comparingInt(Interval::end));

        Assigned() {
            for (int r : regs.allocatable()) {
                live.put(r, new java.util.LinkedHashSet<>());
                all.put(r, new java.util.LinkedHashSet<>());
                count.put(r, 0);
            }
        }

        boolean allocatable(int r) { return live.containsKey(r); }

        void add(int r, Interval i) {
            live.get(r).add(i);
            all.get(r).add(i);
            count.merge(r, 1, Integer::sum);
            byEnd.add(i);
        }

        void remove(int r, Interval i) {
            live.get(r).remove(i);
            all.get(r).remove(i);
            count.merge(r, -1, Integer::sum);
        }

        /** Drops the intervals that end before {@code pos} from the live sets. */
        void expire(int pos) {
            while (!byEnd.isEmpty() && byEnd.peek().end() < pos) {
                Interval i = byEnd.poll();
                if (i.assigned >= 0) live.get(i.assigned).remove(i);
            }
        }
    }

    private List<Interval> scan(Map<Integer, Interval> intervals, Map<Integer, Interval> fixed, Map<Integer, Integer> hints) {
        List<Interval> order = new ArrayList<>(intervals.values());
        order.sort(Comparator.comparingInt(Interval::start).thenComparingInt(i -> i.vreg));
        Assigned byReg = new Assigned();
        List<Interval> spilled = new ArrayList<>();
        for (Interval cur : order) {
            byReg.expire(cur.start());
            int reg = choose(cur, byReg, fixed, hints, intervals);
            if (reg >= 0) {
                cur.assigned = reg;
                byReg.add(reg, cur);
                continue;
            }
            spillFor(cur, byReg, fixed, spilled);
        }
        return spilled;
    }

    /** Whether r is free for {@code i}, which starts at or after the scan position unless {@code started}. */
    private boolean free(int r, Interval i, Assigned byReg, Map<Integer, Interval> fixed, boolean started) {
        Interval fx = fixed.get(r);
        if (fx != null && fx.intersects(i)) return false;
        for (Interval other : (started ? byReg.all : byReg.live).get(r)) {
            dev.rivet.ir.Work.add(1);
            if (other.intersects(i)) return false;
        }
        return true;
    }

    private boolean free(int r, Interval cur, Assigned byReg, Map<Integer, Interval> fixed) {
        return free(r, cur, byReg, fixed, false);
    }

    private int choose(Interval cur, Assigned byReg, Map<Integer, Interval> fixed, Map<Integer, Integer> hints,
                       Map<Integer, Interval> intervals) {
        Integer hint = hints.get(cur.vreg);
        Interval partner = null;
        if (hint != null) {
            int want = -1;
            if (hint < 0) want = -1 - hint;
            else if (intervals.containsKey(hint)) {
                partner = intervals.get(hint);
                want = partner.assigned;
            }
            if (want >= 0 && byReg.allocatable(want) && free(want, cur, byReg, fixed)) return want;
        }
        // The move partner is not allocated yet: prefer a register that will also suit it.
        if (partner != null && partner.assigned < 0) {
            boolean started = partner.start() < cur.start(); // spilled earlier in this scan: ended intervals may meet it
            for (int r : preference(byReg))
                if (free(r, cur, byReg, fixed) && free(r, partner, byReg, fixed, started)) return r;
        }
        for (int r : preference(byReg)) if (free(r, cur, byReg, fixed)) return r;
        return -1;
    }

    /** The ISA's order of registers, knowing which callee-saved ones hold something already. */
    private List<Integer> preference(Assigned byReg) {
        java.util.Set<Integer> inUse = new java.util.HashSet<>();
        for (Map.Entry<Integer, Integer> e : byReg.count.entrySet())
            if (regs.isCalleeSaved(e.getKey()) && e.getValue() > 0) inUse.add(e.getKey());
        return regs.preference(inUse);
    }

    /** Spills {@code cur} or the intervals holding the register cheapest to free for it. */
    private void spillFor(Interval cur, Assigned byReg, Map<Integer, Interval> fixed, List<Interval> spilled) {
        int bestReg = -1;
        double bestCost = Double.MAX_VALUE;
        List<Interval> bestVictims = null;
        for (int r : regs.allocatable()) {
            Interval fx = fixed.get(r);
            if (fx != null && fx.intersects(cur)) continue;
            List<Interval> victims = new ArrayList<>();
            double cost = 0;
            for (Interval other : byReg.live.get(r))
                if (other.intersects(cur)) {
                    victims.add(other);
                    cost += other.spillTemp ? Double.MAX_VALUE / 4 : other.weight();
                }
            if (cost < bestCost) {
                bestCost = cost;
                bestReg = r;
                bestVictims = victims;
            }
        }
        double own = cur.spillTemp ? Double.MAX_VALUE / 2 : cur.weight();
        if (bestReg >= 0 && bestCost < own) {
            for (Interval v : bestVictims) {
                byReg.remove(bestReg, v);
                v.assigned = -1;
                spilled.add(v);
            }
            cur.assigned = bestReg;
            byReg.add(bestReg, cur);
        } else if (!cur.spillTemp) {
            spilled.add(cur);
        } else {
            throw new IllegalStateException("no register for a reload in " + f.name);
        }
    }

    // ---- rewriting ----

    /**
     * Replaces every virtual register with its physical one, drops moves that became no-ops, and
     * reloads of values still in a register.
     */
    private void rewrite(Map<Integer, Interval> intervals) {
        Map<MInst, ReloadElimination.SpillCode> allocatedSpillCode = new java.util.IdentityHashMap<>();
        for (MBlock b : f.blocks) {
            List<MInst> out = new ArrayList<>();
            for (MInst i : b.insts) {
                MInst m = f.replaced(i, i.mapRegs(r -> r instanceof Reg.Virtual v ? Reg.phys(intervals.get(v.id()).assigned) : r));
                if (m.isMove() && m.moveOperands().get(0).equals(m.moveOperands().get(1))) continue;
                ReloadElimination.SpillCode sc = spills.spillCode.get(i);
                if (sc != null) allocatedSpillCode.put(m, sc.withReg(physical(sc.reg(), intervals)));
                out.add(m);
            }
            b.insts.clear();
            b.insts.addAll(out);
        }
        for (Interval i : intervals.values()) if (regs.isCalleeSaved(i.assigned)) f.usedCalleeSaved.add(i.assigned);
        ReloadElimination.run(f, allocatedSpillCode, regs);
        RedundantMoves.run(f, regs);
    }

    private static int physical(Reg r, Map<Integer, Interval> intervals) {
        return switch (r) {
            case Reg.Virtual v -> intervals.get(v.id()).assigned;
            case Reg.Physical p -> p.num();
        };
    }
}
