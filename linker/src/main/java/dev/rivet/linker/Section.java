package dev.rivet.linker;

import java.util.ArrayList;
import java.util.List;

/**
 * A section of a relocatable object: code, read-only data, initialised data, or zero-filled
 * data (which has a size but no bytes). Each function and global gets its own section so the
 * linker can drop what nothing uses.
 */
public final class Section {
    public enum Kind { TEXT, RODATA, DATA, BSS }

    public final String name;
    public final Kind kind;
    public final int align;
    /** The contents; for BSS an array of zeros of the section's size is not kept. */
    public final byte[] data;
    public final long size;
    public final List<Reloc> relocs = new ArrayList<>();
    /** Kept by --gc-sections even when nothing refers to it ({@code #[used]}, SHF_GNU_RETAIN). */
    public boolean retain;
    /**
     * Where code and data alternate, for ELF mapping symbols ({@code $t}, {@code $d}, {@code $x}):
     * offsets, each with 'c' (code) or 'd' (data) for what starts there.
     */
    public final List<Mapping> mapping = new ArrayList<>();

    public record Mapping(long offset, char kind) {}

    /** Code from {@code offset} on (up to the next row) comes from this source position. */
    public record Line(long offset, String file, int line, int column) {
        public String location() { return file + ":" + line + ":" + column; }
    }

    /**
     * How to unwind from code at {@code offset} on: the caller's SP is SP + {@code cfa}; the return
     * address is stored at (caller's SP + {@code ra}), or is still in the link register when {@code ra} is 0.
     */
    public record Frame(long offset, int cfa, int ra) {}

    /** Code sections from rivet's back ends: the line table, ordered by offset. */
    public final List<Line> lines = new ArrayList<>();
    /** Code sections from rivet's back ends: the unwind table, ordered by offset. */
    public final List<Frame> frames = new ArrayList<>();

    public Section(String name, Kind kind, int align, byte[] data, long size) {
        this.name = name;
        this.kind = kind;
        this.align = align;
        this.data = data;
        this.size = size;
    }

    public static Section bss(String name, int align, long size) {
        return new Section(name, Kind.BSS, align, null, size);
    }

    @Override
    public String toString() { return name; }
}
