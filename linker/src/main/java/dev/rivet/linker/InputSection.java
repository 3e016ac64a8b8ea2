package dev.rivet.linker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A section of an input object as the linker tracks it: live or not, where it went, and its
 * contents as relaxation left them. Relaxation deletes bytes from code; the section's own
 * bytes, relocations and tables are copied on the first deletion, and every offset the object
 * gives (symbol values) goes through {@link #offset} to where those bytes are now.
 */
final class InputSection {
    final ObjectFile object;
    final Section section;
    /** Reached from a root (always true without --gc-sections). */
    boolean live;
    /** Matched by a /DISCARD/ rule. */
    boolean discarded;
    /** Identical code folding dropped it for this one, which has the same bytes. */
    InputSection foldedInto;
    /** The output section it was assigned to, by name; null until matched. */
    String output;
    /** Its address once laid out. */
    long address = -1;
    /**
     * The alignment its address keeps when code before it shrinks: its own, or more where the
     * script aligned the location counter before it ({@code . = ALIGN(256)}), or
     * {@link Layout#UNKNOWN_ALIGN} where the script placed it otherwise. Relaxation leaves
     * this much slack, less one byte, in every distance that spans the section's start.
     */
    long placementAlign = 1;

    /** Null until the first deletion; then the relaxed copies. */
    private byte[] data;
    private long size;
    private List<Reloc> relocs;
    private List<Section.Line> lines;
    private List<Section.Frame> frames;
    private List<Section.Mapping> mapping;
    /** Deletions in order, each {at, count} in the offsets of its time. */
    private final List<long[]> deletions = new ArrayList<>();

    InputSection(ObjectFile object, Section section) {
        this.object = object;
        this.section = section;
    }

    String name() { return section.name; }

    byte[] data() { return data != null ? data : section.data; }

    long size() { return data != null ? size : section.size; }

    List<Reloc> relocs() { return relocs != null ? relocs : section.relocs; }

    List<Section.Line> lines() { return lines != null ? lines : section.lines; }

    List<Section.Frame> frames() { return frames != null ? frames : section.frames; }

    List<Section.Mapping> mapping() { return mapping != null ? mapping : section.mapping; }

    /** Where the byte at {@code original} offset (as the object gave it) is now. */
    long offset(long original) {
        long v = original;
        for (long[] d : deletions) if (v >= d[0] + d[1]) v -= d[1];
        return v;
    }

    /** The size of a symbol at {@code value} with {@code size} bytes, after the deletions inside it. */
    long sizeOf(long value, long size) {
        return offset(value + size) - offset(value);
    }

    /** The bytes, to change in place (the section's own are copied first). */
    byte[] code() {
        own();
        return data;
    }

    /** Replaces the relocation at index {@code k} (relaxation changes types and instructions). */
    void setReloc(int k, Reloc r) {
        own();
        relocs.set(k, r);
    }

    /**
     * Deletes {@code count} bytes at {@code at}: later bytes, relocations and table rows move
     * down; relocations inside the deleted bytes go. {@code sameSectionValue} gives, for a
     * relocation whose symbol is defined in this section, that symbol's current offset (else
     * -1), so that an addend pointing past the deleted bytes can follow them.
     */
    void delete(long at, int count, ToLongFunction<Reloc> sameSectionValue) {
        own();
        long end = at + count;
        byte[] shorter = new byte[data.length - count];
        System.arraycopy(data, 0, shorter, 0, (int) at);
        System.arraycopy(data, (int) end, shorter, (int) at, data.length - (int) end);
        data = shorter;
        size -= count;
        List<Reloc> kept = new ArrayList<>();
        for (Reloc r : relocs) {
            if (r.offset() >= at && r.offset() < end) continue;
            long addend = r.addend();
            long base = sameSectionValue.applyAsLong(r);
            if (base >= 0) addend = moved(base + addend, at, count) - moved(base, at, count);
            kept.add(new Reloc(moved(r.offset(), at, count), r.type(), r.symbol(), addend));
        }
        relocs = kept;
        lines.replaceAll(l -> new Section.Line(clamped(l.offset(), at, count), l.file(), l.line(), l.column()));
        frames.replaceAll(f -> new Section.Frame(clamped(f.offset(), at, count), f.cfa(), f.ra()));
        mapping.replaceAll(m -> new Section.Mapping(clamped(m.offset(), at, count), m.kind()));
        deletions.add(new long[] {at, count});
    }

    private static long moved(long v, long at, int count) { return v >= at + count ? v - count : v; }

    /** A row that started inside the deleted bytes now starts where they were. */
    private static long clamped(long v, long at, int count) { return v >= at + count ? v - count : Math.min(v, at); }

    private void own() {
        if (data != null) return;
        data = section.data.clone();
        size = section.size;
        relocs = new ArrayList<>(section.relocs);
        lines = new ArrayList<>(section.lines);
        frames = new ArrayList<>(section.frames);
        mapping = new ArrayList<>(section.mapping);
    }

    @Override
    public String toString() { return object.name + "(" + section.name + ")"; }
}
