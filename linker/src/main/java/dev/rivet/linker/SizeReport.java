package dev.rivet.linker;

import dev.rivet.boards.Board;
import dev.rivet.boards.MemoryRegion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a linked image's bytes go: flash and RAM use against the board's capacity, per output
 * section, per symbol, and the code and read-only data a root function needs (what the
 * benchmark tables count), with library routines apart.
 */
public final class SizeReport {
    private SizeReport() {}

    /**
     * Bytes of flash (everything loaded) and of RAM (everything that runs from RAM). On the
     * ESP32-C3 the ROM copies the image from flash into RAM, so what loads into RAM counts
     * against flash as well (the image's header and checksum aside).
     */
    public record Use(long flash, long ram) {}

    public static Use use(LinkedImage image, Board board) {
        long flash = 0, ram = 0;
        for (LinkedImage.OutputSection s : image.sections()) {
            if (s.size() == 0) continue;
            MemoryRegion run = board.regionAt(s.vma()).orElse(null);
            MemoryRegion load = board.regionAt(s.lma()).orElse(null);
            if (s.loaded() && load != null && load.kind() != MemoryRegion.Kind.RAM) flash += s.size();
            if (run != null && run.kind() == MemoryRegion.Kind.RAM) ram += s.size();
            // the image lives in flash, or the board has none (a virtual machine loads it): what loads into RAM is stored there too
            boolean romLoads = board.boot().image() == dev.rivet.boards.Boot.ImageRule.ESP32_IMAGE || board.flashSize() == 0;
            if (s.loaded() && load != null && load.kind() == MemoryRegion.Kind.RAM && romLoads) flash += s.size();
        }
        return new Use(flash, ram);
    }

    /**
     * Symbols with a size, largest first. Functions that share their code (identical code
     * folding) are one row, named "kept = folded", so their bytes are counted once.
     */
    public static List<LinkedImage.LinkedSymbol> bySize(LinkedImage image) {
        Map<List<Long>, LinkedImage.LinkedSymbol> functions = new LinkedHashMap<>(); // by address and size
        List<LinkedImage.LinkedSymbol> out = new ArrayList<>();
        for (LinkedImage.LinkedSymbol s : image.symbols()) {
            if (s.size() == 0) continue;
            if (!s.function()) out.add(s);
            else functions.merge(List.of(s.value(), s.size()), s,
                    (a, b) -> new LinkedImage.LinkedSymbol(a.name() + " = " + b.name(), a.value(), a.size(), true, a.global(), a.section()));
        }
        out.addAll(functions.values());
        out.sort(Comparator.comparingLong(LinkedImage.LinkedSymbol::size).reversed().thenComparing(LinkedImage.LinkedSymbol::name));
        return out;
    }

    /**
     * What {@code root} needs: its section and every section reachable through relocations,
     * except library routines, which are counted separately and not followed.
     *
     * @param ownText    bytes of code
     * @param ownRodata  bytes of read-only data
     * @param library    library routines reached, with their sizes
     */
    public record Closure(long ownText, long ownRodata, Map<String, Long> library, List<String> functions) {}

    public static Closure closure(List<ObjectFile> objects, String root, Predicate<String> isLibrary) {
        return closure(objects, root, isLibrary, null);
    }

    /** As above, with the sizes the sections have in {@code linked} (after relaxation shortened code), where it holds them. */
    public static Closure closure(List<ObjectFile> objects, String root, Predicate<String> isLibrary, LinkedImage linked) {
        Map<String, Long> placed = new java.util.HashMap<>();
        if (linked != null)
            for (LinkedImage.OutputSection o : linked.sections())
                for (LinkedImage.Placement p : o.placements()) placed.put(p.object() + "\0" + p.section(), p.size());
        if (linked != null) for (LinkedImage.Folded f : linked.folded()) placed.put(f.object() + "\0" + f.section(), 0L); // costs nothing
        Map<Section, String> owner = new IdentityHashMap<>();
        for (ObjectFile o : objects) for (Section sec : o.sections) owner.put(sec, o.name);
        java.util.function.ToLongFunction<Section> size = sec -> placed.getOrDefault(owner.get(sec) + "\0" + sec.name, sec.size);
        Map<String, Symbol> defs = new LinkedHashMap<>();
        Map<Section, List<Symbol>> bySection = new IdentityHashMap<>();
        for (ObjectFile o : objects)
            for (Symbol s : o.symbols())
                if (s.defined()) {
                    defs.putIfAbsent(s.name(), s);
                    bySection.computeIfAbsent(s.section(), k -> new ArrayList<>()).add(s);
                }
        Symbol start = defs.get(root);
        if (start == null) throw new LinkException("no symbol `" + root + "` to measure from");
        Set<Section> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Section> work = new ArrayDeque<>(List.of(start.section()));
        long text = 0, rodata = 0;
        Map<String, Long> library = new LinkedHashMap<>();
        List<String> functions = new ArrayList<>();
        while (!work.isEmpty()) {
            Section s = work.pop();
            if (!seen.add(s)) continue;
            if (s.kind == Section.Kind.TEXT) text += size.applyAsLong(s);
            else if (s.kind == Section.Kind.RODATA) rodata += size.applyAsLong(s);
            for (Symbol sym : bySection.getOrDefault(s, List.of())) if (sym.function()) functions.add(sym.name());
            for (Reloc r : s.relocs) {
                if (r.symbol() == null) continue;
                Symbol target = defs.get(r.symbol());
                if (target == null) continue;
                if (isLibrary.test(r.symbol())) library.put(r.symbol(), size.applyAsLong(target.section()));
                else work.add(target.section());
            }
        }
        return new Closure(text, rodata, library, functions);
    }
}
