package dev.rivet.ir.pass;

import dev.rivet.ir.Function;
import dev.rivet.ir.Global;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Removes functions and globals nothing reachable refers to. Roots: the given symbols (the
 * entry point), exported symbols and {@code used} globals; references are calls, symbol
 * addresses in code and symbol addresses in global data. Cost: linear in the module (each live
 * function's instructions are walked once).
 */
public final class GlobalDce implements Pass {
    private final Set<String> roots;

    public GlobalDce(Set<String> roots) {
        this.roots = Set.copyOf(roots);
    }

    @Override
    public String name() { return "globaldce"; }

    @Override
    public void run(Module m) {
        Set<String> live = new HashSet<>();
        Deque<String> work = new ArrayDeque<>();
        for (String r : roots) if (m.hasSymbol(r)) work.add(r);
        for (Function f : m.functions()) if (f.exported) work.add(f.name);
        for (Global g : m.globals()) if (g.exported || g.used) work.add(g.name);
        while (!work.isEmpty()) {
            String s = work.pop();
            if (!live.add(s)) continue;
            Function f = m.function(s);
            if (f != null) {
                for (Inst i : f.instructions()) if (i.symbol != null) work.add(i.symbol);
            }
            Global g = m.global(s);
            if (g != null) {
                for (Global.Item item : g.items) if (item instanceof Global.Item.SymRef r) work.add(r.symbol());
            }
        }
        for (Function f : new ArrayList<>(m.functions())) if (!live.contains(f.name)) m.remove(f);
        for (Global g : new ArrayList<>(m.globals())) if (!live.contains(g.name)) m.remove(g);
    }
}
