package dev.rivet.codegen.alloc;

import dev.rivet.codegen.MBlock;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After allocation: a move whose destination already holds its source's value is dropped.
 * Allocation leaves such moves where two values that were copies of each other got different
 * registers: {@code mv s0, a0} to keep an argument across a call, then {@code mv a0, s0} to
 * pass it, with a0 unchanged in between. Within a block, each move records that its two
 * registers hold the same value until either is written (or a call clobbers it); a block with
 * a single predecessor starts from the state where that predecessor branched to it.
 * Cost: one walk of the instructions, plus a copy of the state (registers holding equal
 * values, a few dozen at most) per edge.
 */
final class RedundantMoves {
    private RedundantMoves() {}

    static void run(MFunction f, RegInfo regs) {
        Map<Integer, Integer> predecessors = new HashMap<>();
        for (MBlock b : f.blocks)
            for (MInst i : b.insts) for (int t : i.targets()) predecessors.merge(t, 1, Integer::sum);
        Map<Integer, Set<Long>> onEdge = new HashMap<>();
        for (MBlock b : f.blocks) {
            Set<Long> same = new HashSet<>(); // pairs of registers known to hold the same value
            if (predecessors.getOrDefault(b.id, 0) == 1 && onEdge.containsKey(b.id)) same.addAll(onEdge.get(b.id));
            List<MInst> kept = new ArrayList<>();
            for (MInst i : b.insts) {
                int[] move = physicalMove(i);
                if (move != null && same.contains(pair(move[0], move[1]))) continue;
                kept.add(i);
                forgetWritten(same, i, regs);
                if (move != null && move[0] != move[1]) same.add(pair(move[0], move[1]));
                for (int t : i.targets()) onEdge.put(t, new HashSet<>(same));
            }
            b.insts.clear();
            b.insts.addAll(kept);
        }
    }

    /** {dst, src} of a move between physical registers, else null. */
    private static int[] physicalMove(MInst i) {
        if (!i.isMove()) return null;
        List<Reg> ops = i.moveOperands();
        if (ops.get(0) instanceof Reg.Physical d && ops.get(1) instanceof Reg.Physical s) return new int[] {d.num(), s.num()};
        return null;
    }

    private static long pair(int a, int b) { return (long) Math.min(a, b) << 32 | Math.max(a, b); }

    private static void forgetWritten(Set<Long> same, MInst i, RegInfo regs) {
        if (same.isEmpty()) return;
        if (i.isCall()) same.removeIf(p -> !regs.isCalleeSaved((int) (p >>> 32)) || !regs.isCalleeSaved((int) (long) p));
        for (Reg r : i.defs()) if (r instanceof Reg.Physical p) same.removeIf(q -> (int) (q >>> 32) == p.num() || (int) (long) q == p.num());
    }
}
