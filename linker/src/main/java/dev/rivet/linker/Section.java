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
