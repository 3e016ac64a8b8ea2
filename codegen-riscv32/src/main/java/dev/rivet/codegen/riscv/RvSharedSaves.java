package dev.rivet.codegen.riscv;

import dev.rivet.codegen.Backend;
import dev.rivet.codegen.MFunction;
import dev.rivet.codegen.MInst;
import dev.rivet.codegen.asm.Assembler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shared prologue and epilogue routines, as GCC's -msave-restore: a function that saves ra and
 * s0..s(N-1) starts with {@code jal t0, __rivet_save_N} and returns with
 * {@code j __rivet_restore_N}, in place of a store and a load per register. The frame is the
 * one the function's own code would build (ra highest, then s0, s1, ...), so tail calls still
 * restore inline (a function whose only exits are tail calls uses just the save routine) and
 * unwind rows stay the same.
 *
 * <p>Used only where it makes the program smaller: for each N, what the functions that would
 * use the routines save (each emitted both ways, counting {@code j} as the {@code c.j} that
 * relaxation makes of it) must exceed the routines' own size. The routines are local to the
 * object, in their own sections, so unused ones cost nothing.
 */
final class RvSharedSaves {
    private final RvEmitter emitter;
    private final boolean compressed;
    private final Map<Integer, List<Backend.Routine>> chosen = new TreeMap<>();

    RvSharedSaves(RvEmitter emitter, boolean compressed) {
        this.emitter = emitter;
        this.compressed = compressed;
    }

    static String saveName(int sRegs) { return "__rivet_save_" + sRegs; }

    static String restoreName(int sRegs) { return "__rivet_restore_" + sRegs; }

    /** The save area for {@code words} registers: whole stack-alignment units. */
    static int area(int words, int stackAlign) { return (4 * words + stackAlign - 1) / stackAlign * stackAlign; }

    /**
     * Decides, for the functions the program can run, which use the routines, and tells the
     * emitter. A function that saves N s-registers may use the routine for any M &gt;= N (it
     * saves a few more, at no cost in code), so the choice is the set of routines whose users'
     * savings, less the routines' own size, are largest.
     */
    void plan(List<MFunction> functions) {
        Map<MFunction, Integer> plain = new IdentityHashMap<>();
        TreeMap<Integer, Integer> gain = new TreeMap<>();
        Map<Integer, List<MFunction>> users = new HashMap<>();
        for (MFunction f : functions) {
            int n = sRegs(f);
            if (n < 0) continue;
            plain.put(f, emitter.emit(f, -1).code().length);
            int saved = plain.get(f) - sharingSize(f, n);
            if (saved <= 0) continue;
            gain.merge(n, saved, Integer::sum);
            users.computeIfAbsent(n, k -> new ArrayList<>()).add(f);
        }
        List<Integer> needs = new ArrayList<>(gain.keySet());
        Map<Integer, List<Backend.Routine>> pairs = new HashMap<>();
        for (int n : needs) pairs.put(n, List.of(new Backend.Routine(saveName(n), emitter.saveRoutine(n)),
                new Backend.Routine(restoreName(n), emitter.restoreRoutine(n))));
        int bestMask = bestChoice(needs, gain, pairs);
        // with the pair it gets, a function may gain less than with its own: keep it only where it still
        // gains, and a pair only where what its users still gain pays for it
        Map<Integer, Map<String, Integer>> byPair = new TreeMap<>();
        for (int k = 0; k < needs.size(); k++) {
            int r = routineFor(needs, bestMask, k);
            if (r < 0) continue;
            for (MFunction f : users.get(needs.get(k))) {
                int saved = plain.get(f) - sharingSize(f, r);
                if (saved > 0) byPair.computeIfAbsent(r, x -> new HashMap<>()).put(f.name, saved);
            }
        }
        Map<String, Integer> choice = new HashMap<>();
        chosen.clear();
        for (Map.Entry<Integer, Map<String, Integer>> e : byPair.entrySet()) {
            int r = e.getKey();
            if (e.getValue().values().stream().mapToInt(Integer::intValue).sum() <= size(pairs.get(r))) continue;
            chosen.put(r, pairs.get(r));
            for (String name : e.getValue().keySet()) choice.put(name, r);
        }
        emitter.shareSaves(choice);
    }

    /** The set of pairs (a bit per entry of {@code needs}) whose users' gains less the pairs' sizes are largest; 0 for none. */
    private static int bestChoice(List<Integer> needs, Map<Integer, Integer> gain, Map<Integer, List<Backend.Routine>> pairs) {
        int best = 0, bestMask = 0;
        for (int mask = 1; mask < 1 << needs.size(); mask++) {
            int total = 0;
            for (int k = 0; k < needs.size(); k++) {
                if ((mask & 1 << k) != 0) total -= size(pairs.get(needs.get(k)));
                if (routineFor(needs, mask, k) >= 0) total += gain.get(needs.get(k));
            }
            if (total > best) {
                best = total;
                bestMask = mask;
            }
        }
        return bestMask;
    }

    /** The routine that functions needing needs[k] use when {@code mask} chooses routines among needs: the smallest chosen one that saves enough; -1 if none. */
    private static int routineFor(List<Integer> needs, int mask, int k) {
        for (int j = k; j < needs.size(); j++) if ((mask & 1 << j) != 0) return needs.get(j);
        return -1;
    }

    private static int size(List<Backend.Routine> routines) {
        return routines.stream().mapToInt(r -> r.code().code().length).sum();
    }

    /** With the routines for {@code sRegs}, counting each j to the restore routine as the c.j relaxation makes of it. */
    private int sharingSize(MFunction f, int sRegs) {
        return emitter.emit(f, sRegs).code().length - (compressed ? 2 * returns(f) : 0);
    }

    List<Backend.Routine> routines() {
        List<Backend.Routine> all = new ArrayList<>();
        chosen.values().forEach(all::addAll);
        return all;
    }

    /**
     * How many s-registers the routines must save for {@code f}: up to the highest it uses. -1
     * where they do not fit: the function does not call (so does not save ra), or it sets up gp
     * (start-up code, which runs before anything may be shared). A function whose only exits
     * are tail calls may still use the save routine: it restores inline from the same frame.
     */
    private static int sRegs(MFunction f) {
        if (!f.makesCalls || f.setsGlobalPointer) return -1;
        int n = 0;
        for (int k = 0; k < RvRegs.S_REGS.length; k++) if (f.usedCalleeSaved.contains(RvRegs.S_REGS[k])) n = k + 1;
        return n;
    }

    private static int returns(MFunction f) {
        int n = 0;
        for (var b : f.blocks) for (MInst i : b.insts) if (i instanceof RvInst.Ret) n++;
        return n;
    }
}
