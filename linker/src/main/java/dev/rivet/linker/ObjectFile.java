package dev.rivet.linker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A relocatable object: sections, symbols and relocations, for one architecture. */
public final class ObjectFile {
    public enum Machine { ARM, RISCV }

    public final String name;
    public final Machine machine;
    public final List<Section> sections = new ArrayList<>();
    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    /** ELF e_flags: on RISC-V, EF_RISCV_RVC (1) lets relaxation use compressed instructions in this object's code. */
    public int flags;

    public ObjectFile(String name, Machine machine) {
        this.name = name;
        this.machine = machine;
    }

    public Section add(Section s) {
        sections.add(s);
        return s;
    }

    public void define(Symbol s) {
        Symbol old = symbols.get(s.name());
        if (old != null && old.defined()) throw new IllegalArgumentException("symbol " + s.name() + " defined twice in " + name);
        symbols.put(s.name(), s);
    }

    /** Records a reference to a symbol defined elsewhere (no-op if defined or referenced already). */
    public void reference(String name) {
        symbols.putIfAbsent(name, Symbol.undefined(name));
    }

    public Symbol symbol(String name) { return symbols.get(name); }

    public List<Symbol> symbols() { return new ArrayList<>(symbols.values()); }
}
