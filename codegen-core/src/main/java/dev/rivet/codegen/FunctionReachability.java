package dev.rivet.codegen;

import dev.rivet.ir.Block;
import dev.rivet.ir.Function;
import dev.rivet.ir.Global;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The functions a program can run, as far as the module shows: those placed in a section of
 * their own (start-up code the linker script keeps), those data refers to (vector tables,
 * function pointers in statics), and whatever those call or take the address of. The linker's
 * --gc-sections drops the rest, so choices that pay off across functions count only these.
 * Exported functions are not roots: the runtime exports many that a program never calls.
 */
final class FunctionReachability {
    private FunctionReachability() {}

    static Set<String> live(Module m) {
        Map<String, Function> byName = new HashMap<>();
        for (Function f : m.functions()) byName.put(f.name, f);
        Set<String> live = new HashSet<>();
        Deque<String> work = new ArrayDeque<>();
        for (Function f : m.functions()) if (f.section != null) work.add(f.name);
        for (Global g : m.globals())
            for (Global.Item item : g.items) if (item instanceof Global.Item.SymRef r) work.add(r.symbol());
        while (!work.isEmpty()) {
            String name = work.pop();
            Function f = byName.get(name);
            if (f == null || !live.add(name) || f.isDeclaration()) continue;
            for (Block b : f.blocks()) for (Inst i : b.insts()) if (i.symbol != null) work.add(i.symbol);
        }
        return live;
    }
}
