package dev.rivet.linker;

import java.util.List;

/**
 * A linked program: output sections with their run (VMA) and load (LMA) addresses and final
 * bytes, the symbols, the entry point, and which input went where (for map files and sizes).
 */
public record LinkedImage(ObjectFile.Machine machine, long entry, List<OutputSection> sections, List<LinkedSymbol> symbols,
                          List<RegionUse> regions, List<Folded> folded) {
    public LinkedImage(ObjectFile.Machine machine, long entry, List<OutputSection> sections, List<LinkedSymbol> symbols,
                       List<RegionUse> regions) {
        this(machine, entry, sections, symbols, regions, List.of());
    }

    /**
     * @param data the bytes, or null for a section that occupies no file space (.bss, NOLOAD)
     * @param kind TEXT, RODATA, DATA or BSS: what its contents are (for ELF flags)
     */
    public record OutputSection(String name, long vma, long lma, long size, byte[] data, Section.Kind kind, int align,
                                List<Placement> placements) {
        public boolean loaded() { return data != null && size > 0; }
    }

    /** An input section placed in an output section. */
    public record Placement(String object, String section, long address, long size, Section.Kind kind, List<Section.Mapping> mapping,
                            List<Section.Line> lines, List<Section.Frame> frames) {
        public Placement(String object, String section, long address, long size, Section.Kind kind, List<Section.Mapping> mapping) {
            this(object, section, address, size, kind, mapping, List.of(), List.of());
        }

        boolean contains(long a) { return a >= address && a < address + size; }

        /** The last row at or before {@code offset}, or null. */
        static <T> T rowAt(List<T> rows, long offset, java.util.function.ToLongFunction<T> at) {
            T found = null;
            for (T r : rows) {
                if (at.applyAsLong(r) > offset) break;
                found = r;
            }
            return found;
        }
    }

    /** @param section the output section the symbol is in, or null for an absolute symbol */
    public record LinkedSymbol(String name, long value, long size, boolean function, boolean global, String section) {}

    /** An input section that identical code folding dropped, for an equal one that stands for it. */
    public record Folded(String object, String section, String intoObject, String intoSection) {}

    /** How much of a memory region the image uses. */
    public record RegionUse(String name, long origin, long length, long used) {}

    public LinkedSymbol symbol(String name) {
        for (LinkedSymbol s : symbols) if (s.name().equals(name)) return s;
        return null;
    }

    /** The input section holding the code at {@code address} (Thumb bit ignored), or null. */
    public Placement placementAt(long address) {
        long a = address & ~1L;
        for (OutputSection s : sections) for (Placement p : s.placements()) if (p.contains(a)) return p;
        return null;
    }

    /** The source position of the code at {@code address}, or null when unknown. */
    public Section.Line lineAt(long address) {
        Placement p = placementAt(address);
        return p == null ? null : Placement.rowAt(p.lines(), (address & ~1L) - p.address(), Section.Line::offset);
    }

    /** How to find the caller of the code at {@code address}, or null when unknown. */
    public Section.Frame frameAt(long address) {
        Placement p = placementAt(address);
        return p == null ? null : Placement.rowAt(p.frames(), (address & ~1L) - p.address(), Section.Frame::offset);
    }

    /** The function symbol containing {@code address}, or null. */
    public LinkedSymbol functionAt(long address) {
        long a = address & ~1L;
        for (LinkedSymbol s : symbols)
            if (s.function() && a >= (s.value() & ~1L) && a < (s.value() & ~1L) + Math.max(s.size(), 1)) return s;
        return null;
    }
}
