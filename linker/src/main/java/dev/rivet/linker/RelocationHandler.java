package dev.rivet.linker;

/**
 * One architecture's relocations: how each type's value is computed from the generic inputs
 * and how its bits are patched into an instruction or word, with range checks.
 */
interface RelocationHandler {
    /** The inputs of one relocation. */
    record Site(byte[] data, int offset, Reloc reloc, long s, long a, long p, boolean thumbFunction, String where) {}

    void apply(Site site);

    static int read16(byte[] d, int o) { return (d[o] & 0xFF) | (d[o + 1] & 0xFF) << 8; }

    static long read32(byte[] d, int o) { return (read16(d, o) | (long) read16(d, o + 2) << 16) & 0xFFFF_FFFFL; }

    static void write16(byte[] d, int o, int v) {
        d[o] = (byte) v;
        d[o + 1] = (byte) (v >>> 8);
    }

    static void write32(byte[] d, int o, long v) {
        write16(d, o, (int) v);
        write16(d, o + 2, (int) (v >>> 16));
    }

    static void checkRange(Site s, long value, long min, long max, String what) {
        if (value < min || value > max)
            throw new LinkException(s.where() + ": relocation " + what + " out of range: " + value + " is not in [" + min + ", " + max
                    + "] (target " + s.reloc().symbol() + ")");
    }
}
