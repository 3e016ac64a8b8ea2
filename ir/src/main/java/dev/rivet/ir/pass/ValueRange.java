package dev.rivet.ir.pass;

import dev.rivet.ir.Cond;
import dev.rivet.ir.Type;

/**
 * An unsigned interval [lo, hi] of an integer type of at most 32 bits, or empty. The
 * operations are conservative: when a result could wrap, it is the full range of the type.
 */
record ValueRange(long lo, long hi, long max) {
    static ValueRange full(Type t) { return new ValueRange(0, t.mask(), t.mask()); }

    static ValueRange of(Type t, long v) { return new ValueRange(t.wrap(v), t.wrap(v), t.mask()); }

    static ValueRange empty(Type t) { return new ValueRange(1, 0, t.mask()); }

    boolean isEmpty() { return lo > hi; }

    boolean isFull() { return lo == 0 && hi == max; }

    ValueRange join(ValueRange o) {
        if (isEmpty()) return o;
        if (o.isEmpty()) return this;
        return new ValueRange(Math.min(lo, o.lo), Math.max(hi, o.hi), max);
    }

    /** The intersection; every empty result is the one empty range, so that equal sets compare equal. */
    ValueRange meet(ValueRange o) {
        long l = Math.max(lo, o.lo), h = Math.min(hi, o.hi);
        return l > h ? empty() : new ValueRange(l, h, max);
    }

    ValueRange clampHigh(long h) { return meet(new ValueRange(0, h, max)); }

    ValueRange clampLow(long l) { return meet(new ValueRange(l, max, max)); }

    /** Within [0, signed maximum]: signed and unsigned comparisons agree. */
    boolean nonNegative() { return !isEmpty() && hi <= max >>> 1; }

    ValueRange add(ValueRange o) {
        if (isEmpty() || o.isEmpty()) return empty();
        return hi + o.hi <= max ? new ValueRange(lo + o.lo, hi + o.hi, max) : full();
    }

    ValueRange sub(ValueRange o) {
        if (isEmpty() || o.isEmpty()) return empty();
        return lo >= o.hi ? new ValueRange(lo - o.hi, hi - o.lo, max) : full();
    }

    ValueRange mul(ValueRange o) {
        if (isEmpty() || o.isEmpty()) return empty();
        if (hi != 0 && o.hi > max / hi) return full();
        return new ValueRange(lo * o.lo, hi * o.hi, max);
    }

    ValueRange and(ValueRange o) {
        if (isEmpty() || o.isEmpty()) return empty();
        return new ValueRange(0, Math.min(hi, o.hi), max);
    }

    /** OR and XOR: below the next power of two of the larger operand. */
    ValueRange orXor(ValueRange o, boolean isOr) {
        if (isEmpty() || o.isEmpty()) return empty();
        long top = Long.highestOneBit(Math.max(hi, o.hi));
        long bound = top == 0 ? 0 : Math.min(max, top * 2 - 1);
        return new ValueRange(isOr ? Math.max(lo, o.lo) : 0, bound, max);
    }

    ValueRange shl(long k) {
        if (isEmpty()) return this;
        return k < 32 && (hi << k) <= max ? new ValueRange(lo << k, hi << k, max) : full();
    }

    ValueRange lshr(long k) {
        if (isEmpty()) return this;
        return new ValueRange(lo >>> k, hi >>> k, max);
    }

    ValueRange udiv(ValueRange o) {
        if (isEmpty() || o.isEmpty() || o.lo == 0) return o.lo == 0 ? new ValueRange(0, hi, max) : empty();
        return new ValueRange(lo / o.hi, hi / o.lo, max);
    }

    ValueRange urem(ValueRange o) {
        if (isEmpty() || o.isEmpty()) return empty();
        return o.hi == 0 ? full() : new ValueRange(0, Math.min(hi, o.hi - 1), max);
    }

    /** The same values in a type of maximum {@code m} (zero extension, or truncation when they fit). */
    ValueRange resize(long m) {
        if (isEmpty()) return new ValueRange(1, 0, m);
        return hi <= m ? new ValueRange(lo, hi, m) : new ValueRange(0, m, m);
    }

    private ValueRange full() { return new ValueRange(0, max, max); }

    private ValueRange empty() { return new ValueRange(1, 0, max); }

    /** What {@code v pred k} says about v when it holds, given k's range (null when nothing). */
    ValueRange constrain(Cond pred, ValueRange k) {
        if (k.isEmpty() || isEmpty()) return null;
        if (pred.isSigned() && !(nonNegative() && k.nonNegative())) return null;
        return switch (pred) {
            case ULT, SLT -> k.hi == 0 ? empty() : clampHigh(k.hi - 1);
            case ULE, SLE -> clampHigh(k.hi);
            case UGT, SGT -> k.lo == max ? empty() : clampLow(k.lo + 1);
            case UGE, SGE -> clampLow(k.lo);
            case EQ -> meet(k);
            case NE -> k.lo == k.hi && k.lo == lo ? clampLow(lo + 1) : k.lo == k.hi && k.lo == hi ? clampHigh(hi - 1) : null;
        };
    }

    /** The comparison's value if the ranges decide it: 1, 0, or -1 when they do not. */
    static int decide(Cond pred, ValueRange x, ValueRange y) {
        if (x.isEmpty() || y.isEmpty()) return -1;
        if (pred.isSigned() && !(x.nonNegative() && y.nonNegative())) return -1;
        return switch (pred) {
            case ULT, SLT -> x.hi < y.lo ? 1 : x.lo >= y.hi ? 0 : -1;
            case ULE, SLE -> x.hi <= y.lo ? 1 : x.lo > y.hi ? 0 : -1;
            case UGT, SGT -> x.lo > y.hi ? 1 : x.hi <= y.lo ? 0 : -1;
            case UGE, SGE -> x.lo >= y.hi ? 1 : x.hi < y.lo ? 0 : -1;
            case EQ -> x.hi < y.lo || y.hi < x.lo ? 0 : x.lo == x.hi && y.lo == y.hi ? 1 : -1;
            case NE -> x.hi < y.lo || y.hi < x.lo ? 1 : x.lo == x.hi && y.lo == y.hi ? 0 : -1;
        };
    }
}
