package dev.rivet.linker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves symbol names across objects: a strong definition beats a weak one, two strong
 * ones are an error, and local symbols are seen only from their own object.
 */
final class SymbolTable {
    /** A definition: a symbol in an input section. */
    record Def(String name, InputSection section, Symbol symbol) {}

    private final Map<String, Def> globals = new LinkedHashMap<>();
    private final Map<ObjectFile, Map<String, Def>> locals = new HashMap<>();
    private final List<String> errors = new ArrayList<>();

    SymbolTable(List<ObjectFile> objects, Map<Section, InputSection> inputs) {
        for (ObjectFile obj : objects) {
            Map<String, Def> local = new HashMap<>();
            locals.put(obj, local);
            for (Symbol s : obj.symbols()) {
                if (!s.defined()) continue;
                Def d = new Def(s.name(), inputs.get(s.section()), s);
                if (!s.global()) {
                    local.put(s.name(), d);
                    continue;
                }
                Def old = globals.get(s.name());
                if (old == null || old.symbol().weak() && !s.weak()) globals.put(s.name(), d);
                else if (!old.symbol().weak() && !s.weak())
                    errors.add("duplicate symbol `" + s.name() + "`: defined in " + old.section().object.name + " and " + obj.name);
            }
        }
    }

    List<String> errors() { return errors; }

    /** The definition {@code name} means when referenced from {@code from}, or null. */
    Def lookup(ObjectFile from, String name) {
        Def d = from == null ? null : locals.get(from).get(name);
        return d != null ? d : globals.get(name);
    }

    /** Sends every definition in {@code from} to the same offset of {@code to} (identical code folding). */
    void redirect(InputSection from, InputSection to) {
        globals.replaceAll((name, d) -> d.section() == from ? new Def(name, to, d.symbol()) : d);
        for (Map<String, Def> local : locals.values()) local.replaceAll((name, d) -> d.section() == from ? new Def(name, to, d.symbol()) : d);
    }

    Def global(String name) { return globals.get(name); }

    Iterable<Def> allGlobals() { return globals.values(); }

    Iterable<Def> allLocals(ObjectFile obj) { return locals.get(obj).values(); }
}
