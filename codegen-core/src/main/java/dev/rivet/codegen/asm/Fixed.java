package dev.rivet.codegen.asm;

/**
 * A chunk whose bytes are known when it is created: little-endian units of 2 or 4 bytes (Thumb
 * halfwords, RISC-V parcels), with at most one relocation at its start.
 */
public record Fixed(int unit, long[] units, int relocType, String symbol, long addend, int align, boolean isData) implements Chunk {
    public Fixed(int unit, long[] units, int relocType, String symbol, long addend, int align) {
        this(unit, units, relocType, symbol, addend, align, false);
    }

    /** 16-bit units, no relocation. */
    public static Fixed halves(int... hw) {
        long[] u = new long[hw.length];
        for (int i = 0; i < hw.length; i++) u[i] = hw[i] & 0xFFFF;
        return new Fixed(2, u, -1, null, 0, 1);
    }

    /** A 32-bit Thumb instruction given as {@code first << 16 | second}. */
    public static Fixed thumb32(long packed) {
        return halves((int) (packed >>> 16), (int) packed);
    }

    /** One 32-bit data word, optionally relocated. */
    public static Fixed dataWord(long w, int relocType, String symbol, long addend) {
        return new Fixed(4, new long[] {w & 0xFFFF_FFFFL}, relocType, symbol, addend, 4, true);
    }

    @Override
    public int size() { return unit * units.length; }

    @Override
    public void encode(Assembler.Output out) {
        if (symbol != null) out.reloc(relocType, symbol, addend);
        for (long u : units) {
            if (unit == 2) out.put16((int) u);
            else out.put32((int) u);
        }
    }
}
