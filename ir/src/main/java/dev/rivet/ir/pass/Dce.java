package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Param;
import dev.rivet.ir.Target;
import dev.rivet.ir.Value;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dead-code elimination by marking: instructions with effects are live, and so is everything
 * they use, transitively; a block parameter is live only if something live uses it, and the
 * arguments branches pass to it are live only then. Dead instructions and dead parameters (with
 * their arguments) are deleted. Cost: linear in the function.
 */
public final class Dce implements Pass {
    @Override
    public String name() { return "dce"; }

    @Override
    public void run(Module m) {
        for (Function f : m.functions()) if (!f.isDeclaration()) run(f);
    }

    static boolean hasEffects(Inst i) {
        return i.op.hasSideEffects() || i.isVolatile;
    }

    public static void run(Function f) {
        Set<Value> live = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> work = new ArrayDeque<>();
        // For each parameter, the arguments that flow into it.
        Map<Param, List<Value>> incoming = new IdentityHashMap<>();
        for (Block b : f.blocks())
            for (Inst i : b.insts()) {
                if (hasEffects(i)) work.add(i);
                for (Target t : i.targets)
                    for (int k = 0; k < t.args.size(); k++)
                        incoming.computeIfAbsent(t.block.params().get(k), p -> new java.util.ArrayList<>()).add(t.args.get(k));
            }
        for (Param p : f.entry().params()) work.add(p); // function parameters stay
        while (!work.isEmpty()) {
            Value v = work.pop();
            if (!live.add(v)) continue;
            if (v instanceof Inst i) work.addAll(i.args);
            else if (v instanceof Param p) work.addAll(incoming.getOrDefault(p, List.of()));
        }
        for (Block b : f.blocks()) b.insts().removeIf(i -> !live.contains(i));
        removeDeadParams(f, live);
    }

    /** Drops dead parameters, then the arguments every edge passes them, in one walk over the edges. */
    private static void removeDeadParams(Function f, Set<Value> live) {
        Map<Block, boolean[]> dead = new IdentityHashMap<>();
        for (Block b : f.blocks()) {
            if (b == f.entry()) continue;
            boolean[] d = new boolean[b.params().size()];
            boolean any = false;
            for (int k = 0; k < d.length; k++) any |= d[k] = !live.contains(b.params().get(k));
            if (!any) continue;
            dead.put(b, d);
            for (int k = d.length - 1; k >= 0; k--) if (d[k]) b.params().remove(k);
        }
        if (dead.isEmpty()) return;
        for (Block p : f.blocks())
            for (Inst i : p.insts())
                for (Target t : i.targets) {
                    boolean[] d = dead.get(t.block);
                    if (d == null) continue;
                    for (int k = d.length - 1; k >= 0; k--) if (d[k]) t.args.remove(k);
                }
    }
}
