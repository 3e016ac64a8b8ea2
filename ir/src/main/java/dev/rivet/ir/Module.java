package dev.rivet.ir;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A whole program in IR: globals and functions by name, in a stable order. */
public final class Module {
    private final Map<String, Global> globals = new LinkedHashMap<>();
    private final Map<String, Function> functions = new LinkedHashMap<>();

    public Collection<Global> globals() { return globals.values(); }

    public Collection<Function> functions() { return functions.values(); }

    public Global global(String name) { return globals.get(name); }

    public Function function(String name) { return functions.get(name); }

    public Global add(Global g) {
        if (globals.containsKey(g.name) || functions.containsKey(g.name))
            throw new IllegalArgumentException("duplicate symbol @" + g.name);
        globals.put(g.name, g);
        return g;
    }

    public Function add(Function f) {
        if (globals.containsKey(f.name) || functions.containsKey(f.name))
            throw new IllegalArgumentException("duplicate symbol @" + f.name);
        functions.put(f.name, f);
        return f;
    }

    public void remove(Function f) { functions.remove(f.name); }

    public void remove(Global g) { globals.remove(g.name); }

    public boolean hasSymbol(String name) { return globals.containsKey(name) || functions.containsKey(name); }
}
