package dev.rivet.codegen.isel;

import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a parallel copy (all destinations take their sources' old values at once, as block
 * parameters do) into a sequence of moves: a move whose destination no pending move still
 * reads goes first; a cycle is broken through a temporary.
 */
final class ParallelCopy {
    private ParallelCopy() {}

    static List<MInst> sequence(List<Reg> dst, List<Reg> src, RegInfo regs, Supplier<Reg> temp) {
        List<Reg> d = new ArrayList<>(), s = new ArrayList<>();
        for (int i = 0; i < dst.size(); i++) {
            if (dst.get(i).equals(src.get(i))) continue;
            d.add(dst.get(i));
            s.add(src.get(i));
        }
        List<MInst> out = new ArrayList<>();
        while (!d.isEmpty()) {
            int ready = -1;
            for (int i = 0; i < d.size() && ready < 0; i++) if (!s.contains(d.get(i))) ready = i;
            if (ready >= 0) {
                out.add(regs.move(d.get(ready), s.get(ready)));
                d.remove(ready);
                s.remove(ready);
                continue;
            }
            // every destination is still read by another move: a cycle
            Reg t = temp.get();
            Reg blocked = d.getFirst();
            out.add(regs.move(t, blocked));
            for (int i = 0; i < s.size(); i++) if (s.get(i).equals(blocked)) s.set(i, t);
        }
        return out;
    }
}
