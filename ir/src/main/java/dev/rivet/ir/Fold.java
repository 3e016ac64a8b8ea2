package dev.rivet.ir;

import java.util.OptionalLong;

/**
 * Constant folding for every op marked {@link Op.Flag#FOLDABLE}: the single definition of what
 * each op computes, shared by the folding passes and the interpreter. Values are held
 * zero-extended in a long; results are wrapped to the result type.
 */
public final class Fold {
    private Fold() {}

    /**
     * Evaluates {@code op} on constant operands. Empty when the op is not foldable or the result
     * is undefined (division by zero, signed MIN / -1).
     *
     * @param type     the instruction's result type
     * @param argType  the operands' type (differs from {@code type} for icmp and conversions)
     */
    public static OptionalLong eval(Op op, Type type, Type argType, Cond cond, long[] a) {
        return switch (op) {
            case ADD -> of(type, a[0] + a[1]);
            case SUB -> of(type, a[0] - a[1]);
            case MUL -> of(type, a[0] * a[1]);
            case UDIV -> type.wrap(a[1]) == 0 ? OptionalLong.empty() : of(type, Long.divideUnsigned(type.wrap(a[0]), type.wrap(a[1])));
            case UREM -> type.wrap(a[1]) == 0 ? OptionalLong.empty() : of(type, Long.remainderUnsigned(type.wrap(a[0]), type.wrap(a[1])));
            case SDIV -> signedDivision(type, a, true);
            case SREM -> signedDivision(type, a, false);
            case AND -> of(type, a[0] & a[1]);
            case OR -> of(type, a[0] | a[1]);
            case XOR -> of(type, a[0] ^ a[1]);
            case SHL -> of(type, type.wrap(a[0]) << shift(type, a[1]));
            case LSHR -> of(type, type.wrap(a[0]) >>> shift(type, a[1]));
            case ASHR -> of(type, type.signed(a[0]) >> shift(type, a[1]));
            case ICMP -> OptionalLong.of(cond.eval(argType, a[0], a[1]) ? 1 : 0);
            case SELECT -> OptionalLong.of((a[0] & 1) != 0 ? a[1] : a[2]);
            case ZEXT -> of(type, argType.wrap(a[0]));
            case SEXT -> of(type, argType.signed(a[0]));
            case TRUNC -> of(type, a[0]);
            default -> OptionalLong.empty();
        };
    }

    private static OptionalLong of(Type t, long v) {
        return OptionalLong.of(t.wrap(v));
    }

    /** Shift amounts are taken modulo the width. */
    private static int shift(Type t, long amount) {
        return (int) (amount & (t.bits() - 1));
    }

    private static OptionalLong signedDivision(Type t, long[] a, boolean quotient) {
        long x = t.signed(a[0]), y = t.signed(a[1]);
        if (y == 0) return OptionalLong.empty();
        long min = t.bits() == 64 ? Long.MIN_VALUE : -(1L << (t.bits() - 1));
        if (x == min && y == -1) return OptionalLong.empty();
        return of(t, quotient ? x / y : x % y);
    }
}
