package dev.rivet.codegen.isel;

import dev.rivet.codegen.Reg;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.function.BinaryOperator;
import java.util.function.LongFunction;

/**
 * Words of a 64-bit value that are known constants, for the back ends' pair lowering: the high
 * word of a zero extension, the low word of a shift left by 32 or more, the words an AND mask
 * clears. Code written with 64-bit masks and shifts (splitting a product into halves) then
 * needs no instructions for the halves it knows, and a multiplication of two zero-extended
 * words is one 32x32-to-64 multiply.
 */
public final class KnownWords {
    private static final long WORD = 0xFFFF_FFFFL;
    private static final int DEPTH = 6;

    private KnownWords() {}

    /** Word {@code w} (0 low, 1 high) of the 64-bit {@code v} if it is known, as an unsigned 32-bit value; else null. */
    public static Long word(Value v, int w) {
        return word(v, w, DEPTH);
    }

    /** True if word {@code w} of {@code v} is known to be zero. */
    public static boolean zero(Value v, int w) {
        Long k = word(v, w);
        return k != null && k == 0;
    }

    /** True if word {@code w} of {@code v} is known to be all ones. */
    public static boolean ones(Value v, int w) {
        Long k = word(v, w);
        return k != null && k == WORD;
    }

    /** How to build one word of a 64-bit AND, OR or XOR. */
    public sealed interface Logic {
        /** The word is this constant. */
        record Constant(long value) implements Logic {}

        /** The word is operand {@code operand}'s word (the other one is neutral). */
        record Copy(int operand) implements Logic {}

        /** Neither side is known well enough: compute it. */
        record Compute() implements Logic {}
    }

    /**
     * For 64-bit equality: a register that is zero exactly when word {@code w} of a and b
     * agree, or null when they always do. The XOR is left out where one side's word is known
     * zero (the other word is the difference), and both where they are known equal.
     */
    public static Reg differenceWord(IselContext ctx, Value a, Value b, int w, LongFunction<Reg> constant, BinaryOperator<Reg> xor) {
        return switch (logic(Op.XOR, a, b, w)) {
            case Logic.Constant k -> k.value() == 0 ? null : constant.apply(k.value());
            case Logic.Copy c -> ctx.word(c.operand() == 0 ? a : b, w);
            case Logic.Compute c -> xor.apply(ctx.word(a, w), ctx.word(b, w));
        };
    }

    /** Word {@code w} of {@code a op b}, for op AND, OR or XOR. */
    public static Logic logic(Op op, Value a, Value b, int w) {
        Long x = word(a, w), y = word(b, w);
        if (x != null && y != null)
            return new Logic.Constant(switch (op) { case AND -> x & y; case OR -> x | y; default -> x ^ y; });
        Long known = x != null ? x : y;
        int other = x != null ? 1 : 0;
        if (known == null) return new Logic.Compute();
        return switch (op) {
            case AND -> known == 0 ? new Logic.Constant(0) : known == WORD ? new Logic.Copy(other) : new Logic.Compute();
            case OR -> known == WORD ? new Logic.Constant(WORD) : known == 0 ? new Logic.Copy(other) : new Logic.Compute();
            default -> known == 0 ? new Logic.Copy(other) : new Logic.Compute();
        };
    }

    /**
     * For {@code x + y} or {@code x - y}: the operand whose low word is the result's when a low
     * word known to be zero means no carry or borrow can arise; null when one may.
     */
    public static Value carryFreeLow(Op op, Value x, Value y) {
        if (zero(y, 0)) return x;
        return op == Op.ADD && zero(x, 0) ? y : null;
    }

    /** The high words of {@code x + y} or {@code x - y} combined: a copy of one operand's when the other is zero, else computed. */
    public static Logic highWords(Op op, Value x, Value y) {
        if (zero(y, 1)) return new Logic.Copy(0);
        return op == Op.ADD && zero(x, 1) ? new Logic.Copy(1) : new Logic.Compute();
    }

    private static Long word(Value v, int w, int depth) {
        if (!(v instanceof Inst i) || i.type != Type.I64 || depth == 0) return null;
        return switch (i.op) {
            case CONST -> (i.imm >>> (32 * w)) & WORD;
            case ZEXT -> w == 1 ? 0L : null;
            case AND -> {
                Long a = word(i.arg(0), w, depth - 1), b = word(i.arg(1), w, depth - 1);
                if (a != null && b != null) yield a & b;
                yield a != null && a == 0 || b != null && b == 0 ? 0L : null;
            }
            case OR -> {
                Long a = word(i.arg(0), w, depth - 1), b = word(i.arg(1), w, depth - 1);
                if (a != null && b != null) yield a | b;
                yield a != null && a == WORD || b != null && b == WORD ? WORD : null;
            }
            case SHL -> shiftedOut(i, w == 0);
            case LSHR -> shiftedOut(i, w == 1);
            default -> null;
        };
    }

    /** Zero if the instruction shifts by a constant 32..63 and {@code vacated} names the word the shift empties. */
    private static Long shiftedOut(Inst shift, boolean vacated) {
        if (!vacated || !(shift.arg(1) instanceof Inst n) || n.op != Op.CONST) return null;
        long amount = n.imm & 63;
        return amount >= 32 ? 0L : null;
    }
}
