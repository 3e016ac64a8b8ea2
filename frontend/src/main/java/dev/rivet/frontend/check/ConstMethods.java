package dev.rivet.frontend.check;

import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Ty;
import java.math.BigInteger;
import java.util.List;

/**
 * Built-in methods in constant expressions, as core's {@code const fn}s compute them:
 * {@code len}/{@code is_empty} of arrays, slices and str, {@code str::as_bytes}, and the
 * integer methods whose result is another integer or a bool (not min/max/clamp, which are Ord
 * methods and not const).
 * Wrapping methods wrap; the others fail on overflow as rustc's constant evaluation does (the
 * caller reports it).
 */
final class ConstMethods {
    /** A constant method whose result overflowed its type. */
    static final class Overflow extends RuntimeException {
        Overflow() { super(null, null, false, false); }
    }

    private ConstMethods() {}

    /** The result of {@code recv.name(args)}, or null when rivet does not evaluate that method in constants. */
    static ConstValue apply(String name, ConstValue recv, List<ConstValue> args, Ty type) {
        ConstValue.Int sized = length(name, recv);
        if (sized != null) return name.equals("is_empty") ? new ConstValue.Bool(sized.value().signum() == 0) : sized;
        if (name.equals("as_bytes") && recv instanceof ConstValue.Ref r && r.target() instanceof ConstValue.StrData s) {
            List<ConstValue> bytes = new java.util.ArrayList<>();
            for (byte b : s.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                bytes.add(new ConstValue.Int(BigInteger.valueOf(b & 0xFF), Ty.U8));
            return new ConstValue.Ref(new ConstValue.Aggregate(bytes, new Ty.Array(Ty.U8, bytes.size())), type);
        }
        if (!(recv instanceof ConstValue.Int x) || !(Infer.shallow(x.type()) instanceof Ty.Int it)) return null;
        IntKind k = it.kind();
        long a = k.wrap(x.value());
        BigInteger y = args.isEmpty() || !(args.getFirst() instanceof ConstValue.Int yi) ? null : yi.value();
        long b = y == null ? 0 : k.wrap(y);
        int bits = k.bits;
        Ty rt = Infer.shallow(type);
        return switch (name) {
            case "wrapping_add" -> of(k, a + b, rt);
            case "wrapping_sub" -> of(k, a - b, rt);
            case "wrapping_mul" -> of(k, a * b, rt);
            case "wrapping_neg" -> of(k, -a, rt);
            case "wrapping_shl" -> of(k, a << (y.intValue() & (bits - 1)), rt);
            case "wrapping_shr" -> new ConstValue.Int(x.value().shiftRight(y.intValue() & (bits - 1)), rt);
            case "rotate_left", "rotate_right" -> {
                int n = Math.floorMod(name.equals("rotate_left") ? y.intValue() : -y.intValue(), bits);
                yield of(k, n == 0 ? a : a << n | a >>> (bits - n), rt);
            }
            case "count_ones" -> u32(Long.bitCount(a));
            case "count_zeros" -> u32(bits - Long.bitCount(a));
            case "leading_zeros" -> u32(Long.numberOfLeadingZeros(a) - (64 - bits));
            case "trailing_zeros" -> u32(Math.min(bits, Long.numberOfTrailingZeros(a)));
            case "swap_bytes", "to_be" -> of(k, Long.reverseBytes(a) >>> (64 - bits), rt);
            case "to_le" -> x;
            case "reverse_bits" -> of(k, Long.reverse(a) >>> (64 - bits), rt);
            case "pow" -> checked(k, power(x.value(), y, bits), rt);
            case "wrapping_pow" -> of(k, BigInteger.valueOf(a).modPow(y, BigInteger.TWO.pow(bits)).longValue(), rt);
            case "abs" -> checked(k, x.value().abs(), rt);
            case "is_power_of_two" -> new ConstValue.Bool(x.value().signum() > 0 && x.value().bitCount() == 1);
            case "saturating_add" -> clamp(k, x.value().add(y), rt);
            case "saturating_sub" -> clamp(k, x.value().subtract(y), rt);
            case "saturating_mul" -> clamp(k, x.value().multiply(y), rt);
            case "abs_diff" -> new ConstValue.Int(x.value().subtract(y).abs(), rt);
            default -> null;
        };
    }

    /** x to the power e, or just beyond the type's range when it is certain to overflow (e can be 2^32 - 1). */
    private static BigInteger power(BigInteger x, BigInteger e, int bits) {
        if (x.abs().compareTo(BigInteger.ONE) > 0 && e.compareTo(BigInteger.valueOf(bits)) > 0) return BigInteger.TWO.pow(bits);
        if (e.bitLength() > 31) e = BigInteger.valueOf(e.testBit(0) ? 1 : 2); // 0, 1 or -1: only the parity matters
        return x.pow(e.intValue());
    }

    private static ConstValue.Int length(String name, ConstValue recv) {
        if (!name.equals("len") && !name.equals("is_empty")) return null;
        ConstValue v = recv;
        while (v instanceof ConstValue.Ref r) v = r.target();
        return switch (v) {
            case ConstValue.Aggregate a -> new ConstValue.Int(BigInteger.valueOf(a.elements().size()), Ty.USIZE);
            case ConstValue.StaticRef r when r.length() >= 0 -> new ConstValue.Int(BigInteger.valueOf(r.length()), Ty.USIZE);
            case ConstValue.StrData s -> new ConstValue.Int(BigInteger.valueOf(
                    s.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length), Ty.USIZE);
            default -> null;
        };
    }

    private static ConstValue of(IntKind k, long raw, Ty t) {
        return new ConstValue.Int(k.value(raw), t);
    }

    private static ConstValue u32(int n) {
        return new ConstValue.Int(BigInteger.valueOf(n), Ty.U32);
    }

    private static ConstValue checked(IntKind k, BigInteger v, Ty t) {
        if (!k.fits(v)) throw new Overflow();
        return new ConstValue.Int(v, t);
    }

    private static ConstValue clamp(IntKind k, BigInteger v, Ty t) {
        return new ConstValue.Int(v.max(k.min()).min(k.max()), t);
    }
}
