package dev.rivet.ir;

/**
 * IR value types. Pointers are 32 bits on every rivet target; {@code i1} is the result of a
 * comparison and never lives in memory (the front end stores {@code bool} as {@code i8}).
 */
public enum Type {
    I1(1, 1), I8(8, 1), I16(16, 2), I32(32, 4), I64(64, 8), PTR(32, 4), VOID(0, 0);

    private final int bits;
    private final int bytes;

    Type(int bits, int bytes) {
        this.bits = bits;
        this.bytes = bytes;
    }

    public int bits() { return bits; }

    /** Size in memory; natural alignment equals size for every storable type. */
    public int bytes() { return bytes; }

    public boolean isInt() { return this != PTR && this != VOID; }

    /** Can be loaded and stored. */
    public boolean isStorable() { return this != I1 && this != VOID; }

    /** All-ones mask of the type's width. */
    public long mask() { return bits == 64 ? -1L : (1L << bits) - 1; }

    /** Truncates {@code v} to this width, zero-extended into a long. */
    public long wrap(long v) { return v & mask(); }

    /** Truncates {@code v} to this width, sign-extended into a long. */
    public long signed(long v) {
        if (bits == 64) return v;
        int shift = 64 - bits;
        return (v << shift) >> shift;
    }

    public String text() { return name().toLowerCase(); }

    public static boolean isName(String s) {
        for (Type t : values()) if (t.text().equals(s)) return true;
        return false;
    }

    public static Type parse(String s) {
        for (Type t : values()) if (t.text().equals(s)) return t;
        throw new IllegalArgumentException("unknown type " + s);
    }

    @Override
    public String toString() { return text(); }
}
