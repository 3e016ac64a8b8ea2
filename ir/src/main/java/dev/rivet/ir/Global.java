package dev.rivet.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A global variable or constant: initial data made of items (bytes, integers, symbol
 * addresses, zeros), an alignment and a mutability that decides its section.
 */
public final class Global {
    /** One piece of initial data. */
    public sealed interface Item {
        int size();

        record Bytes(byte[] bytes) implements Item {
            @Override public int size() { return bytes.length; }
        }

        /** An integer of {@code type}'s width, little-endian. */
        record Int(Type type, long value) implements Item {
            @Override public int size() { return type.bytes(); }
        }

        /** The 32-bit address of {@code symbol} plus {@code offset} (a relocation). */
        record SymRef(String symbol, long offset) implements Item {
            @Override public int size() { return 4; }
        }

        record Zero(int count) implements Item {
            @Override public int size() { return count; }
        }
    }

    public final String name;
    public int align;
    /** Written by the program (static mut, interior mutability): goes to .data/.bss, not .rodata. */
    public boolean mutable;
    public boolean exported;
    /** Kept even when unreferenced ({@code #[used]}). */
    public boolean used;
    public String section;
    /** Declared here, defined elsewhere (by the linker script or another object): no items, no storage. */
    public boolean external;
    public final List<Item> items = new ArrayList<>();

    public Global(String name, int align, boolean mutable) {
        this.name = name;
        this.align = align;
        this.mutable = mutable;
    }

    public int size() {
        int n = 0;
        for (Item i : items) n += i.size();
        return n;
    }

    /** True if every byte of the initial data is zero (the global can live in .bss). */
    public boolean isZero() {
        for (Item i : items) {
            switch (i) {
                case Item.Zero z -> { }
                case Item.Int n -> { if (n.value() != 0) return false; }
                case Item.Bytes b -> { for (byte x : b.bytes()) if (x != 0) return false; }
                case Item.SymRef r -> { return false; }
            }
        }
        return true;
    }
}
