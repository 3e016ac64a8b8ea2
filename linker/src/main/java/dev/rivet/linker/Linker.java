package dev.rivet.linker;

import dev.rivet.linker.script.LinkerScript;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links relocatable objects into an image as a linker script says: resolve symbols, drop
 * sections nothing reaches (--gc-sections, from the entry point, KEEP and EXTERN), lay out,
 * apply relocations, and report undefined symbols with the functions that use them.
 */
public final class Linker {
    /**
     * @param gcSections drop unreachable sections
     * @param relax      shorten RISC-V code marked R_RISCV_RELAX (calls, address loads) once addresses are known
     * @param foldCode   safe identical code folding: one copy of equal functions whose addresses are not taken
     */
    public record Options(boolean gcSections, boolean relax, boolean foldCode) {
        public static final Options DEFAULT = new Options(true, true, true);
    }

    private final List<ObjectFile> objects;
    private final LinkerScript script;
    private final Options options;
    private final List<InputSection> inputs = new ArrayList<>();
    private final Map<Section, InputSection> bySection = new IdentityHashMap<>();
    private SymbolTable symbols;
    private Layout layout;
    private List<IdenticalCodeFolding.Fold> folds = List.of();

    private Linker(List<ObjectFile> objects, LinkerScript script, Options options) {
        this.objects = objects;
        this.script = script;
        this.options = options;
    }

    public static LinkedImage link(List<ObjectFile> objects, LinkerScript script, Options options) {
        return new Linker(objects, script, options).run();
    }

    private LinkedImage run() {
        if (objects.isEmpty()) throw new LinkException("nothing to link");
        ObjectFile.Machine machine = objects.getFirst().machine;
        for (ObjectFile o : objects) {
            if (o.machine != machine) throw new LinkException(o.name + " is for " + o.machine + ", not " + machine);
            for (Section s : o.sections) {
                InputSection in = new InputSection(o, s);
                inputs.add(in);
                bySection.put(s, in);
            }
        }
        symbols = new SymbolTable(objects, bySection);
        if (!symbols.errors().isEmpty()) throw new LinkException(String.join("\n", symbols.errors()));
        layout = new Layout(script, inputs, symbols);
        markLive();
        for (InputSection s : inputs)
            if (s.live && s.output == null && !s.discarded)
                throw new LinkException("section " + s + " is not placed by the linker script, and no output section holds its kind");
        if (options.foldCode()) folds = IdenticalCodeFolding.run(inputs, symbols, machine, roots());
        if (machine == ObjectFile.Machine.RISCV) relax();
        layout.run();
        checkUndefined();
        return image(machine);
    }

    // ---- garbage collection ----

    private void markLive() {
        if (!options.gcSections()) {
            for (InputSection s : inputs) s.live = !s.discarded;
            return;
        }
        Deque<InputSection> work = new ArrayDeque<>(roots());
        while (!work.isEmpty()) {
            InputSection s = work.pop();
            if (s.live || s.discarded) continue;
            s.live = true;
            for (Reloc r : s.relocs()) {
                if (r.symbol() == null) continue;
                SymbolTable.Def d = symbols.lookup(s.object, r.symbol());
                if (d != null && !d.section().live) work.add(d.section());
            }
        }
    }

    /** What is live whatever refers to it: the entry point's, EXTERN's, KEEP's and retained sections. */
    private Set<InputSection> roots() {
        Set<InputSection> roots = new LinkedHashSet<>();
        List<String> names = new ArrayList<>(layout.externs);
        names.add(entryName());
        for (String r : names) {
            SymbolTable.Def d = symbols.global(r);
            if (d != null) roots.add(d.section());
        }
        roots.addAll(layout.kept);
        for (InputSection s : inputs) if (s.section.retain) roots.add(s);
        return roots;
    }

    /** Lays out, relaxes, and again, until the code stops shrinking; then cuts alignment padding to size. */
    private void relax() {
        SymbolTable.Def entry = symbols.global(entryName());
        RiscvRelaxation relaxation = new RiscvRelaxation(inputs, this::address, symbols, entry == null ? null : entry.section());
        for (int round = 0; ; round++) {
            layout.settle();
            if (!options.relax() || round == RiscvRelaxation.MAX_ROUNDS || !relaxation.round()) break;
        }
        relaxation.align();
    }

    private String entryName() {
        return layout.entry != null ? layout.entry : "_start";
    }

    // ---- symbols ----

    private void checkUndefined() {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (InputSection s : inputs) {
            if (!s.live) continue;
            for (Reloc r : s.relocs()) {
                if (r.symbol() == null || address(s.object, r.symbol()) != null) continue;
                if (isWeakUndefined(s.object, r.symbol())) continue;
                missing.computeIfAbsent(r.symbol(), k -> new LinkedHashSet<>()).add(referrer(s, r.offset()));
            }
        }
        if (missing.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Set<String>> e : missing.entrySet()) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append("undefined symbol `").append(e.getKey()).append("`, referenced from ").append(String.join(", ", e.getValue()));
        }
        throw new LinkException(sb.toString());
    }

    private static boolean isWeakUndefined(ObjectFile o, String name) {
        Symbol s = o.symbol(name);
        return s != null && !s.defined() && s.weak();
    }

    /**
     * "`function` (object)" for the code around {@code offset} of {@code s}: the nearest named
     * symbol at or before it (assembly often gives functions no size), else the section.
     */
    private static String referrer(InputSection s, long offset) {
        Symbol best = null;
        for (Symbol sym : s.object.symbols()) {
            if (sym.section() != s.section || sym.name().contains("@") || Symbol.isLocalLabel(sym.name()) || s.offset(sym.value()) > offset) continue;
            if (sym.size() > 0 && offset >= s.offset(sym.value()) + s.sizeOf(sym.value(), sym.size())) continue;
            if (best == null || sym.value() > best.value() || sym.value() == best.value() && sym.function() && !best.function()) best = sym;
        }
        return best != null ? "`" + best.name() + "` (" + s.object.name + ")" : s.toString();
    }

    /** A symbol's address as seen from {@code from}, or null if nothing defines it. */
    private Long address(ObjectFile from, String name) {
        SymbolTable.Def d = symbols.lookup(from, name);
        if (d != null && d.section().address >= 0) return d.section().address + d.section().offset(d.symbol().value());
        if (d != null && d.section().live) return null;
        return layout.scriptSymbols.get(name);
    }

    private boolean isThumbFunction(ObjectFile from, String name, ObjectFile.Machine m) {
        if (m != ObjectFile.Machine.ARM) return false;
        SymbolTable.Def d = symbols.lookup(from, name);
        return d != null && d.symbol().function();
    }

    // ---- output ----

    private LinkedImage image(ObjectFile.Machine machine) {
        Long gp = address(null, "__global_pointer$");
        RelocationHandler handler = machine == ObjectFile.Machine.ARM ? new ArmRelocations() : new RiscvRelocations(gp == null ? 0 : gp);
        List<LinkedImage.OutputSection> out = new ArrayList<>();
        Map<InputSection, String> home = new HashMap<>();
        for (Layout.OutSec o : layout.outputs.values()) {
            byte[] data = o.nobits ? null : new byte[(int) o.size];
            if (data != null && o.fill != 0) fill(data, o.fill);
            List<LinkedImage.Placement> placements = new ArrayList<>();
            Section.Kind kind = Section.Kind.BSS;
            for (InputSection s : o.inputs) {
                home.put(s, o.name);
                int at = (int) (s.address - o.vma);
                if (data != null && s.data() != null) System.arraycopy(s.data(), 0, data, at, s.data().length);
                placements.add(new LinkedImage.Placement(s.object.name, s.name(), s.address, s.size(), s.section.kind, s.mapping(),
                        s.lines(), s.frames()));
                kind = stronger(kind, s.section.kind);
            }
            if (data != null) {
                for (long[] item : o.data) writeData(data, (int) item[0], (int) item[1], item[2]);
                if (!o.data.isEmpty()) kind = stronger(kind, Section.Kind.RODATA);
                for (InputSection s : o.inputs) relocate(handler, s, data, (int) (s.address - o.vma), machine);
            }
            out.add(new LinkedImage.OutputSection(o.name, o.vma, o.lma, o.size, data, kind, o.align, placements));
        }
        List<LinkedImage.LinkedSymbol> syms = symbolsOf(machine, home);
        Long entry = address(null, entryName());
        if (entry == null) throw new LinkException("entry symbol `" + entryName() + "` is not defined");
        if (isThumbFunction(null, entryName(), machine)) entry |= 1;
        List<LinkedImage.RegionUse> regions = new ArrayList<>();
        for (Layout.Region r : layout.regions.values()) regions.add(new LinkedImage.RegionUse(r.name, r.origin, r.length, r.cursor - r.origin));
        List<LinkedImage.Folded> folded = new ArrayList<>();
        for (IdenticalCodeFolding.Fold f : folds)
            folded.add(new LinkedImage.Folded(f.folded().object.name, f.folded().name(), f.into().object.name, f.into().name()));
        return new LinkedImage(machine, entry, out, syms, regions, folded);
    }

    private static Section.Kind stronger(Section.Kind a, Section.Kind b) {
        return a.ordinal() < b.ordinal() ? a : b; // TEXT < RODATA < DATA < BSS: code wins
    }

    private static void fill(byte[] data, long pattern) {
        for (int i = 0; i < data.length; i++) data[i] = (byte) (pattern >>> (8 * (3 - i % 4)));
    }

    private static void writeData(byte[] d, int at, int size, long v) {
        for (int k = 0; k < size; k++) d[at + k] = (byte) (v >>> (8 * k));
    }

    private void relocate(RelocationHandler handler, InputSection s, byte[] data, int base, ObjectFile.Machine machine) {
        for (Reloc r : s.relocs()) {
            long S = 0;
            boolean thumb = false;
            if (r.symbol() != null) {
                Long a = address(s.object, r.symbol());
                S = a == null ? 0 : a; // weak undefined
                thumb = isThumbFunction(s.object, r.symbol(), machine);
            }
            handler.apply(new RelocationHandler.Site(data, base + (int) r.offset(), r, S, r.addend(), s.address + r.offset(), thumb,
                    referrer(s, r.offset())));
        }
    }

    private List<LinkedImage.LinkedSymbol> symbolsOf(ObjectFile.Machine machine, Map<InputSection, String> home) {
        List<LinkedImage.LinkedSymbol> out = new ArrayList<>();
        for (ObjectFile o : objects)
            for (Symbol s : o.symbols()) {
                if (!s.defined() || Symbol.isLocalLabel(s.name())) continue; // assemblers' local labels, as GNU ld drops them
                InputSection in = bySection.get(s.section());
                if (in.foldedInto != null) in = in.foldedInto; // an alias of the code kept
                if (!in.live || in.address < 0) continue;
                if (s.global() && symbols.global(s.name()).section() != in) continue; // a weak definition that lost
                long v = in.address + in.offset(s.value()) | (machine == ObjectFile.Machine.ARM && s.function() ? 1 : 0);
                out.add(new LinkedImage.LinkedSymbol(s.name(), v, in.sizeOf(s.value(), s.size()), s.function(), s.global(), home.get(in)));
            }
        for (Map.Entry<String, Long> e : layout.scriptSymbols.entrySet())
            out.add(new LinkedImage.LinkedSymbol(e.getKey(), e.getValue(), 0, false, true, layout.symbolSection.get(e.getKey())));
        return out;
    }
}
