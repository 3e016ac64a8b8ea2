package dev.rivet.frontend.types;

import java.math.BigInteger;

/** Rust's integer types on a 32-bit target ({@code usize} and {@code isize} are 32 bits). */
public enum IntKind {
    I8("i8", 8, true), I16("i16", 16, true), I32("i32", 32, true), I64("i64", 64, true), I128("i128", 128, true),
    ISIZE("isize", 32, true),
    U8("u8", 8, false), U16("u16", 16, false), U32("u32", 32, false), U64("u64", 64, false), U128("u128", 128, false),
    USIZE("usize", 32, false);

    public final String name;
    public final int bits;
    public final boolean signed;

    IntKind(String name, int bits, boolean signed) {
        this.name = name;
        this.bits = bits;
        this.signed = signed;
    }

    public static IntKind byName(String n) {
        for (IntKind k : values()) if (k.name.equals(n)) return k;
        return null;
    }

    public BigInteger min() {
        return signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    }

    public BigInteger max() {
        return signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }

    public boolean fits(BigInteger v) {
        return v.compareTo(min()) >= 0 && v.compareTo(max()) <= 0;
    }

    /** The value's bits truncated to this width, as an unsigned long (sign-extended values wrap). */
    public long wrap(BigInteger v) {
        return bits >= 64 ? v.longValue() : v.longValue() & ((1L << bits) - 1);
    }

    /** Interprets the low {@code bits} of {@code raw} as a value of this type. */
    public BigInteger value(long raw) {
        if (bits >= 64) return signed ? BigInteger.valueOf(raw) : new BigInteger(Long.toUnsignedString(raw));
        long masked = raw & ((1L << bits) - 1);
        if (signed && (masked >>> (bits - 1)) != 0) masked -= 1L << bits;
        return BigInteger.valueOf(masked);
    }

    public int bytes() { return bits / 8; }
}
