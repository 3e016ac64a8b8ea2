package dev.rivet.linker;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Safe identical code folding, as gold's and lld's {@code --icf=safe}: live code sections with
 * the same bytes and the same relocations to the same places become one, and the symbols of the
 * others move to it. It is safe because only sections that no one can tell apart fold: every
 * reference to them, from anywhere, is a call or a jump; none takes an address (a function
 * pointer, a vector table entry, the entry point, a KEEP), so no two addresses that the program
 * could compare become equal.
 *
 * <p>A relocation into another candidate compares by the class of that candidate, and classes
 * are refined until they stop splitting. So identical functions that call identical functions,
 * or each other, fold as well; a function whose callees differ does not.
 */
final class IdenticalCodeFolding {
    /** A section that went, and the one that now stands for it. */
    record Fold(InputSection folded, InputSection into) {}

    private final List<InputSection> inputs;
    private final SymbolTable symbols;
    private final ObjectFile.Machine machine;
    /** The candidates, in input order, each with its current class. */
    private final Map<InputSection, Integer> classOf = new LinkedHashMap<>();
    /** Every input section's position, to name a non-candidate target stably. */
    private final Map<InputSection, Integer> index = new IdentityHashMap<>();
    /** What of each candidate no class can change: alignment, flags, bytes, mapping (see {@link #key}). */
    private final Map<InputSection, String> contents = new IdentityHashMap<>();

    private IdenticalCodeFolding(List<InputSection> inputs, SymbolTable symbols, ObjectFile.Machine machine) {
        this.inputs = inputs;
        this.symbols = symbols;
        this.machine = machine;
        for (InputSection s : inputs) index.put(s, index.size());
    }

    /**
     * Folds what can be folded among the live sections of {@code inputs}, except {@code roots}
     * (the entry point's, KEEP's, EXTERN's and retained sections), whose addresses are taken by
     * definition. Folded sections stop being live and the symbol table sends their symbols to
     * the section kept; the folds come back in input order.
     */
    static List<Fold> run(List<InputSection> inputs, SymbolTable symbols, ObjectFile.Machine machine, Set<InputSection> roots) {
        IdenticalCodeFolding icf = new IdenticalCodeFolding(inputs, symbols, machine);
        icf.findCandidates(roots);
        icf.refine();
        return icf.fold();
    }

    private void findCandidates(Set<InputSection> roots) {
        Set<InputSection> addressTaken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        addressTaken.addAll(roots);
        for (InputSection s : inputs) {
            if (!s.live) continue;
            for (Reloc r : s.relocs()) {
                if (r.symbol() == null || isBranch(r.type()) || Symbol.isLocalLabel(r.symbol())) continue;
                SymbolTable.Def d = symbols.lookup(s.object, r.symbol());
                if (d != null) addressTaken.add(d.section());
            }
        }
        for (InputSection s : inputs)
            if (s.live && s.section.kind == Section.Kind.TEXT && s.data() != null && s.size() > 0 && !addressTaken.contains(s)) {
                classOf.put(s, 0);
                contents.put(s, contents(s));
            }
    }

    /** Splits classes by contents and by the classes relocations point into, until nothing splits. */
    private void refine() {
        int classes = 1;
        while (true) {
            Map<String, Integer> ids = new LinkedHashMap<>();
            Map<InputSection, Integer> next = new LinkedHashMap<>();
            for (InputSection s : classOf.keySet()) next.put(s, ids.computeIfAbsent(key(s), k -> ids.size()));
            classOf.putAll(next);
            if (ids.size() == classes) return;
            classes = ids.size();
        }
    }

    /**
     * What must be equal for two sections to fold, given the current classes: the class itself
     * (so classes only ever split), the contents, and where the relocations point.
     */
    private String key(InputSection s) {
        StringBuilder sb = new StringBuilder().append(classOf.get(s)).append('|').append(contents.get(s));
        for (Reloc r : s.relocs()) sb.append('|').append(target(s, r));
        return sb.toString();
    }

    /**
     * Alignment, the object's flags (RISC-V relaxation may use compressed code only where they
     * allow it), bytes, code/data mapping, and each relocation's offset, type and addend.
     */
    private static String contents(InputSection s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.section.align).append('|').append(s.object.flags).append('|').append(HexFormat.of().formatHex(s.data())).append('|');
        for (Section.Mapping m : s.mapping()) sb.append(m.offset()).append(m.kind()).append(',');
        for (Reloc r : s.relocs()) sb.append('|').append(r.offset()).append(':').append(r.type()).append(':').append(r.addend());
        return sb.toString();
    }

    /** Where a relocation of {@code s} points, in terms that are equal for equal places. */
    private String target(InputSection s, Reloc r) {
        if (r.symbol() == null) return "-";
        SymbolTable.Def d = symbols.lookup(s.object, r.symbol());
        if (d == null) return "?" + r.symbol(); // the script's symbol, or weak and undefined: the name is the place
        long at = d.symbol().value();
        if (d.section() == s) return "self+" + at;
        Integer cls = classOf.get(d.section());
        return cls != null ? "class" + cls + "+" + at : "section" + index.get(d.section()) + "+" + at;
    }

    private List<Fold> fold() {
        Map<Integer, InputSection> first = new LinkedHashMap<>();
        List<Fold> folds = new ArrayList<>();
        for (Map.Entry<InputSection, Integer> e : classOf.entrySet()) {
            InputSection kept = first.putIfAbsent(e.getValue(), e.getKey());
            if (kept == null) continue;
            InputSection gone = e.getKey();
            gone.live = false;
            gone.foldedInto = kept;
            symbols.redirect(gone, kept);
            folds.add(new Fold(gone, kept));
        }
        return folds;
    }

    /** Calls and jumps: the relocations that use a function without taking its address. */
    private boolean isBranch(int type) {
        return machine == ObjectFile.Machine.ARM ? ArmRelocations.isBranch(type) : RiscvRelocations.isBranch(type);
    }
}
