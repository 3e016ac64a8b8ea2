package dev.rivet.ir.interp;

/**
 * The interpreter's byte-addressed, little-endian memory: one contiguous region holding the
 * globals at the bottom and the stack at the top. Addresses outside it (null included) are
 * errors, as they would fault on a board.
 */
final class Memory {
    static final long BASE = 0x0001_0000L;
    private final byte[] bytes;

    Memory(int size) {
        this.bytes = new byte[size];
    }

    long end() { return BASE + bytes.length; }

    private int index(long address, int size) {
        long a = address & 0xFFFF_FFFFL;
        if (a < BASE || a + size > end())
            throw new InterpreterError(String.format("memory access of %d bytes at 0x%08x is outside the program's memory", size, a));
        return (int) (a - BASE);
    }

    long load(long address, int size) {
        int i = index(address, size);
        long v = 0;
        for (int k = size - 1; k >= 0; k--) v = (v << 8) | (bytes[i + k] & 0xFF);
        return v;
    }

    void store(long address, int size, long value) {
        int i = index(address, size);
        for (int k = 0; k < size; k++) bytes[i + k] = (byte) (value >>> (8 * k));
    }

    byte[] read(long address, int length) {
        int i = index(address, length);
        return java.util.Arrays.copyOfRange(bytes, i, i + length);
    }

    void write(long address, byte[] data) {
        System.arraycopy(data, 0, bytes, index(address, data.length), data.length);
    }

    void copy(long dst, long src, int length) {
        System.arraycopy(bytes, index(src, length), bytes, index(dst, length), length);
    }

    void fill(long dst, byte value, int length) {
        int i = index(dst, length);
        java.util.Arrays.fill(bytes, i, i + length, value);
    }

    /** A NUL-terminated string starting at {@code address}. */
    byte[] cString(long address) {
        int start = index(address, 1);
        int end = start;
        while (end < bytes.length && bytes[end] != 0) end++;
        return java.util.Arrays.copyOfRange(bytes, start, end);
    }
}
