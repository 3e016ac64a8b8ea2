package dev.rivet.frontend.lower;

import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.check.MethodRes;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Layout;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * The built-in methods of {@link dev.rivet.frontend.check.MethodTable} and the memory
 * intrinsics, expanded into IR. Bit counting, powers, byte and bit reversal call small runtime
 * helpers ({@code __rivet_clz32}, ...), which a back end may replace with single instructions.
 */
final class BuiltinLowering {
    private final CallLowering l;
    private final FnBuilder b;

    BuiltinLowering(CallLowering l) {
        this.l = l;
        this.b = l.b;
    }

    Operand method(MethodRes mr, Operand recv, List<Operand> args, Expr.MethodCall m) {
        Ty t = LowerBase.strip(mr.receiver());
        String name = mr.builtin();
        return switch (t) {
            case Ty.Int i -> intMethod(name, receiverScalar(mr, recv, t), i, args, m);
            case Ty.Char c -> charMethod(name, receiverScalar(mr, recv, t), args);
            case Ty.Slice s -> sliceMethod(name, (Operand.Pair) recv);
            case Ty.Str s -> sliceMethod(name, (Operand.Pair) recv);
            case Ty.Ptr p -> pointerMethod(name, recv.scalar(), p, args);
            default -> throw new IllegalStateException("built-in method " + name + " on " + Ty.show(t));
        };
    }

    /** Methods taking {@code &self} on scalars get a pointer; load the value. */
    private Value receiverScalar(MethodRes mr, Operand recv, Ty t) {
        if (mr.autoref() == MethodRes.AutoRef.NONE) return recv.scalar();
        return l.load(recv.scalar(), t).scalar();
    }

    private Operand scalar(Value v) { return new Operand.Scalar(v); }

    private Value c(Type t, long v) { return b.iconst(t, v); }

    private Value helper(String name, Type ret, Value... args) {
        List<Type> params = java.util.Arrays.stream(args).map(Value::type).toList();
        l.lowering.runtime(name, params, ret, false);
        return b.call(name, ret, List.of(args));
    }

    // ---- integers ----

    private Operand intMethod(String name, Value x, Ty.Int t, List<Operand> args, Expr.MethodCall m) {
        IntKind k = t.kind();
        Type it = x.type();
        Value a = args.isEmpty() ? null : args.getFirst().scalar();
        return switch (name) {
            case "wrapping_add" -> scalar(b.binary(Op.ADD, x, a));
            case "wrapping_sub" -> scalar(b.binary(Op.SUB, x, a));
            case "wrapping_mul" -> scalar(b.binary(Op.MUL, x, a));
            case "wrapping_div", "wrapping_rem", "div_euclid", "rem_euclid" -> scalar(divide(name, x, a, k, m));
            case "wrapping_neg" -> scalar(b.binary(Op.SUB, c(it, 0), x));
            case "wrapping_shl" -> scalar(b.binary(Op.SHL, x, l.shiftAmount(a, it)));
            case "wrapping_shr" -> scalar(b.binary(k.signed ? Op.ASHR : Op.LSHR, x, l.shiftAmount(a, it)));
            case "rotate_left", "rotate_right" -> scalar(rotate(x, a, name.equals("rotate_left")));
            case "pow", "wrapping_pow" -> scalar(pow(x, a, k));
            case "count_ones" -> scalar(popcount(x, k));
            case "count_zeros" -> scalar(b.binary(Op.SUB, c(Type.I32, k.bits), popcount(x, k)));
            case "leading_zeros" -> scalar(leadingZeros(x, k));
            case "trailing_zeros" -> scalar(trailingZeros(x, k));
            case "leading_ones" -> scalar(leadingZeros(b.binary(Op.XOR, x, c(it, -1)), k));
            case "trailing_ones" -> scalar(trailingZeros(b.binary(Op.XOR, x, c(it, -1)), k));
            case "swap_bytes", "to_be" -> scalar(swapBytes(x, k));
            case "to_le" -> scalar(x);
            case "reverse_bits" -> scalar(reverseBits(x, k));
            case "min", "max" -> scalar(minMax(name.equals("max"), x, a, t));
            case "clamp" -> scalar(minMax(true, minMax(false, x, args.get(1).scalar(), t), a, t));
            case "abs", "wrapping_abs", "unsigned_abs" -> scalar(abs(x));
            case "signum" -> scalar(signum(x));
            case "is_positive" -> scalar(b.icmp(Cond.SGT, x, c(it, 0)));
            case "is_negative" -> scalar(b.icmp(Cond.SLT, x, c(it, 0)));
            case "is_power_of_two" -> scalar(b.binary(Op.AND, b.icmp(Cond.NE, x, c(it, 0)),
                    b.icmp(Cond.EQ, b.binary(Op.AND, x, b.binary(Op.SUB, x, c(it, 1))), c(it, 0))));
            case "next_power_of_two" -> scalar(nextPowerOfTwo(x, k));
            case "abs_diff" -> {
                Value gt = b.icmp(k.signed ? Cond.SGT : Cond.UGT, x, a);
                yield scalar(b.select(gt, b.binary(Op.SUB, x, a), b.binary(Op.SUB, a, x)));
            }
            case "saturating_add", "saturating_sub", "saturating_mul" -> scalar(saturating(name, x, a, k));
            case "ilog2", "ilog10" -> scalar(integerLog(name.equals("ilog10"), x, k, m));
            case "div_ceil" -> {
                Value q = divide("wrapping_div", x, a, k, m);
                Value exact = b.icmp(Cond.EQ, b.binary(Op.UREM, x, a), c(it, 0));
                yield scalar(b.binary(Op.ADD, q, b.select(exact, c(it, 0), c(it, 1))));
            }
            case "to_le_bytes", "to_ne_bytes", "to_be_bytes" -> {
                Value v = name.equals("to_be_bytes") ? swapBytes(x, k) : x;
                Value tmp = b.slot(k.bytes(), k.bytes()); // aligned: the word is stored whole
                b.store(v, tmp);
                yield new Operand.Mem(tmp, true);
            }
            default -> asciiMethod(name, x, args, it);
        };
    }

    private Value divide(String name, Value x, Value d, IntKind k, Expr.MethodCall m) {
        Type it = x.type();
        boolean rem = name.contains("rem");
        l.check(b.icmp(Cond.EQ, d, c(it, 0)), () -> l.panicMessage(rem ? "attempt to calculate the remainder with a divisor of zero"
                : "attempt to divide by zero", m.span()));
        if (!k.signed) return b.binary(rem ? Op.UREM : Op.UDIV, x, d);
        long min = it.bits() == 64 ? Long.MIN_VALUE : -(1L << (it.bits() - 1));
        Value overflow = b.binary(Op.AND, b.icmp(Cond.EQ, x, c(it, min)), b.icmp(Cond.EQ, d, c(it, -1)));
        if (name.endsWith("euclid"))
            l.check(overflow, () -> l.panicMessage(rem ? "attempt to calculate the remainder with overflow"
                    : "attempt to divide with overflow", m.span()));
        Value safe = b.select(overflow, c(it, 1), d); // MIN / 1 = MIN and MIN % 1 = 0: the wrapping results
        Value q = b.binary(Op.SDIV, x, safe), r = b.binary(Op.SREM, x, safe);
        if (!name.endsWith("euclid")) return rem ? r : q;
        Value negative = b.icmp(Cond.SLT, r, c(it, 0));
        if (rem) return b.select(negative, b.binary(Op.ADD, r, abs(safe)), r);
        Value adjust = b.select(b.icmp(Cond.SGT, safe, c(it, 0)), c(it, 1), c(it, -1));
        return b.select(negative, b.binary(Op.SUB, q, adjust), q);
    }

/** {@code ilog2}/{@code ilog10}, which panic (at the method name, as rustc's track_caller) unless x > 0. */
    private Value integerLog(boolean base10, Value x, IntKind k, Expr.MethodCall m) {
        Value zero = c(x.type(), 0);
        l.check(b.icmp(k.signed ? Cond.SLE : Cond.EQ, x, zero),
                () -> l.panicMessage("argument of integer logarithm must be positive", m.nameSpan()));
        if (base10) return k.bits == 64 ? helper("__rivet_ilog10_64", Type.I32, x) : helper("__rivet_ilog10_32", Type.I32, zext32(x));
        return b.binary(Op.SUB, c(Type.I32, k.bits - 1), leadingZeros(x, k));
    }

        private Value rotate(Value x, Value n, boolean left) {
        Type it = x.type();
        Value amount = l.shiftAmount(n, it);
        Value back = b.binary(Op.AND, b.binary(Op.SUB, c(it, it.bits()), amount), c(it, it.bits() - 1));
        Value main = b.binary(left ? Op.SHL : Op.LSHR, x, amount);
        Value other = b.binary(left ? Op.LSHR : Op.SHL, x, back);
        return b.binary(Op.OR, main, other);
    }

    private Value pow(Value x, Value exp, IntKind k) {
        if (k.bits == 64) return helper("__rivet_pow64", Type.I64, x, exp);
        Value wide = l.resize(x, k, Type.I32);
        return l.resize(helper("__rivet_pow32", Type.I32, wide, exp), IntKind.U32, x.type());
    }

    private Value popcount(Value x, IntKind k) {
        if (k.bits == 64) return helper("__rivet_popcount64", Type.I32, x);
        return helper("__rivet_popcount32", Type.I32, zext32(x));
    }

    private Value zext32(Value x) {
        return x.type() == Type.I32 ? x : b.convert(Op.ZEXT, Type.I32, x);
    }

    private Value leadingZeros(Value x, IntKind k) {
        if (k.bits == 64) return helper("__rivet_clz64", Type.I32, x);
        Value n = helper("__rivet_clz32", Type.I32, zext32(x));
        return k.bits == 32 ? n : b.binary(Op.SUB, n, c(Type.I32, 32 - k.bits));
    }

    private Value trailingZeros(Value x, IntKind k) {
        if (k.bits == 64) return helper("__rivet_ctz64", Type.I32, x);
        Value v = zext32(x);
        if (k.bits < 32) v = b.binary(Op.OR, v, c(Type.I32, 1L << k.bits));
        return helper("__rivet_ctz32", Type.I32, v);
    }

    private Value swapBytes(Value x, IntKind k) {
        return switch (k.bits) {
            case 8 -> x;
            case 16 -> b.binary(Op.OR, b.binary(Op.SHL, x, c(Type.I16, 8)), b.binary(Op.LSHR, x, c(Type.I16, 8)));
            case 32 -> helper("__rivet_bswap32", Type.I32, x);
            default -> helper("__rivet_bswap64", Type.I64, x);
        };
    }

    private Value reverseBits(Value x, IntKind k) {
        if (k.bits == 64) return helper("__rivet_bitrev64", Type.I64, x);
        Value r = helper("__rivet_bitrev32", Type.I32, zext32(x));
        if (k.bits < 32) r = b.binary(Op.LSHR, r, c(Type.I32, 32 - k.bits));
        return k.bits == 32 ? r : b.convert(Op.TRUNC, x.type(), r);
    }

    Value minMax(boolean max, Value x, Value y, Ty t) {
        boolean signed = LowerBase.strip(t) instanceof Ty.Int i && i.kind().signed;
        Value lt = b.icmp(signed ? Cond.SLT : Cond.ULT, x, y);
        return max ? b.select(lt, y, x) : b.select(lt, x, y);
    }

    private Value abs(Value x) {
        Type it = x.type();
        return b.select(b.icmp(Cond.SLT, x, c(it, 0)), b.binary(Op.SUB, c(it, 0), x), x);
    }

    private Value signum(Value x) {
        Type it = x.type();
        Value neg = b.select(b.icmp(Cond.SLT, x, c(it, 0)), c(it, -1), c(it, 0));
        return b.select(b.icmp(Cond.SGT, x, c(it, 0)), c(it, 1), neg);
    }

    private Value nextPowerOfTwo(Value x, IntKind k) {
        Type it = x.type();
        Value small = b.icmp(Cond.ULE, x, c(it, 1));
        Value lz = leadingZeros(b.binary(Op.SUB, x, c(it, 1)), k);
        Value shift = b.binary(Op.SUB, c(Type.I32, k.bits), lz);
        Value p = b.binary(Op.SHL, c(it, 1), l.shiftAmount(shift, it));
        return b.select(small, c(it, 1), p);
    }

    private Value saturating(String name, Value x, Value y, IntKind k) {
        Type it = x.type();
        long max = k.max().longValue(), min = k.min().longValue();
        if (name.equals("saturating_mul")) {
            if (k.bits == 64) throw new IllegalStateException("saturating_mul on 64-bit integers");
            Value wx = l.resize(x, k, Type.I64), wy = l.resize(y, k, Type.I64);
            Value p = b.binary(Op.MUL, wx, wy);
            Value hi = b.icmp(Cond.SGT, p, c(Type.I64, max));
            Value clamped = b.select(hi, c(Type.I64, max), p);
            if (k.signed) clamped = b.select(b.icmp(Cond.SLT, p, c(Type.I64, min)), c(Type.I64, min), clamped);
            else clamped = b.select(b.icmp(Cond.UGT, p, c(Type.I64, max)), c(Type.I64, max), p);
            return b.convert(Op.TRUNC, it, clamped);
        }
        boolean add = name.equals("saturating_add");
        Value r = b.binary(add ? Op.ADD : Op.SUB, x, y);
        if (!k.signed) {
            Value overflow = b.icmp(add ? Cond.ULT : Cond.UGT, r, x);
            return b.select(overflow, c(it, add ? -1 : 0), r);
        }
        // signed overflow: the result's sign differs from what the operands allow
        Value t1 = b.binary(Op.XOR, x, r);
        Value t2 = b.binary(Op.XOR, add ? y : b.binary(Op.XOR, y, c(it, -1)), r);
        Value overflow = b.icmp(Cond.SLT, b.binary(Op.AND, t1, t2), c(it, 0));
        Value bound = b.select(b.icmp(Cond.SLT, x, c(it, 0)), c(it, min), c(it, max));
        return b.select(overflow, bound, r);
    }

    // ---- ASCII (u8 and char) ----

    private Value inRange(Value x, long lo, long hi) {
        Type it = x.type();
        return b.icmp(Cond.ULE, b.binary(Op.SUB, x, c(it, lo)), c(it, hi - lo));
    }

    private Operand asciiMethod(String name, Value x, List<Operand> args, Type it) {
        Value lower = b.binary(Op.OR, x, c(it, 0x20));
        return switch (name) {
            case "is_ascii" -> scalar(b.icmp(Cond.ULT, x, c(it, 0x80)));
            case "is_ascii_digit" -> scalar(inRange(x, '0', '9'));
            case "is_ascii_alphabetic" -> scalar(inRange(lower, 'a', 'z'));
            case "is_ascii_uppercase" -> scalar(inRange(x, 'A', 'Z'));
            case "is_ascii_lowercase" -> scalar(inRange(x, 'a', 'z'));
            case "is_ascii_alphanumeric" -> scalar(b.binary(Op.OR, inRange(x, '0', '9'), inRange(lower, 'a', 'z')));
            case "is_ascii_hexdigit" -> scalar(b.binary(Op.OR, inRange(x, '0', '9'), inRange(lower, 'a', 'f')));
            case "is_ascii_whitespace" -> {
                Value v = b.icmp(Cond.EQ, x, c(it, ' '));
                for (char ch : new char[] {'\t', '\n', '\f', '\r'}) v = b.binary(Op.OR, v, b.icmp(Cond.EQ, x, c(it, ch)));
                yield scalar(v);
            }
            case "is_ascii_graphic" -> scalar(inRange(x, 33, 126));
            case "is_ascii_punctuation" -> scalar(b.binary(Op.AND, inRange(x, 33, 126),
                    b.binary(Op.XOR, b.binary(Op.OR, inRange(x, '0', '9'), inRange(lower, 'a', 'z')), b.bool(true))));
            case "is_ascii_control" -> scalar(b.binary(Op.OR, b.icmp(Cond.ULT, x, c(it, 32)), b.icmp(Cond.EQ, x, c(it, 127))));
            case "to_ascii_uppercase" -> scalar(b.select(inRange(x, 'a', 'z'), b.binary(Op.XOR, x, c(it, 0x20)), x));
            case "to_ascii_lowercase" -> scalar(b.select(inRange(x, 'A', 'Z'), b.binary(Op.XOR, x, c(it, 0x20)), x));
            case "eq_ignore_ascii_case" -> {
                Value y = b.load(it, args.getFirst().scalar());
                Value lx = b.select(inRange(x, 'A', 'Z'), b.binary(Op.XOR, x, c(it, 0x20)), x);
                Value ly = b.select(inRange(y, 'A', 'Z'), b.binary(Op.XOR, y, c(it, 0x20)), y);
                yield scalar(b.icmp(Cond.EQ, lx, ly));
            }
            default -> throw new IllegalStateException("built-in integer method " + name);
        };
    }

    private Operand charMethod(String name, Value x, List<Operand> args) {
        return switch (name) {
            case "len_utf8" -> {
                Value n = b.select(b.icmp(Cond.ULT, x, c(Type.I32, 0x10000)), c(Type.I32, 3), c(Type.I32, 4));
                n = b.select(b.icmp(Cond.ULT, x, c(Type.I32, 0x800)), c(Type.I32, 2), n);
                yield scalar(b.select(b.icmp(Cond.ULT, x, c(Type.I32, 0x80)), c(Type.I32, 1), n));
            }
            case "is_digit" -> {
                Value radix = args.getFirst().scalar();
                Value digit = b.binary(Op.SUB, x, c(Type.I32, '0'));
                Value letter = b.binary(Op.ADD, b.binary(Op.SUB, b.binary(Op.OR, x, c(Type.I32, 0x20)), c(Type.I32, 'a')), c(Type.I32, 10));
                Value value = b.select(inRange(x, '0', '9'), digit, b.select(inRange(b.binary(Op.OR, x, c(Type.I32, 0x20)), 'a', 'z'),
                        letter, c(Type.I32, 99)));
                yield scalar(b.icmp(Cond.ULT, value, radix));
            }
            default -> asciiMethod(name, x, args, Type.I32);
        };
    }

    // ---- slices, str, pointers ----

    private Operand sliceMethod(String name, Operand.Pair s) {
        return switch (name) {
            case "len" -> scalar(s.second());
            case "is_empty" -> scalar(b.icmp(Cond.EQ, s.second(), c(Type.I32, 0)));
            case "as_ptr", "as_mut_ptr" -> scalar(s.first());
            case "as_bytes" -> s;
            default -> throw new IllegalStateException("slice method " + name);
        };
    }

    private Operand pointerMethod(String name, Value p, Ty.Ptr t, List<Operand> args) {
        Ty pointee = LowerBase.strip(t.inner());
        long size = l.size(pointee);
        return switch (name) {
            case "add", "wrapping_add", "offset", "wrapping_offset" -> scalar(b.ptradd(p, scaled(args.getFirst().scalar(), size)));
            case "sub", "wrapping_sub" -> scalar(b.ptradd(p, b.binary(Op.SUB, c(Type.I32, 0), scaled(args.getFirst().scalar(), size))));
            case "is_null" -> scalar(b.icmp(Cond.EQ, b.convert(Op.PTRTOINT, Type.I32, p), c(Type.I32, 0)));
            case "read_volatile" -> readVolatile(p, pointee, true);
            case "read" -> readVolatile(p, pointee, false);
            case "write_volatile" -> writeVolatile(p, args.getFirst(), pointee, true);
            case "write" -> writeVolatile(p, args.getFirst(), pointee, false);
            default -> throw new IllegalStateException("pointer method " + name);
        };
    }

    private Value scaled(Value n, long size) {
        return size == 1 ? n : b.binary(Op.MUL, n, c(Type.I32, size));
    }

    // ---- memory intrinsics ----

    Operand readVolatile(Value p, Ty t, boolean isVolatile) {
        Layout lay = l.layout(t);
        if (lay.shape() instanceof Layout.Shape.Scalar s) {
            Value v = isVolatile ? b.loadVolatile(s.type(), p) : b.load(s.type(), p);
            return scalar(l.fromMemory(v, t));
        }
        Value tmp = l.temp(t);
        b.copy(tmp, p, lay.size(), lay.align());
        return new Operand.Mem(tmp, true);
    }

    Operand writeVolatile(Value p, Operand v, Ty t, boolean isVolatile) {
        if (v instanceof Operand.Scalar s && isVolatile) b.storeVolatile(l.toMemory(s.value(), t), p);
        else l.store(v, p, t);
        return Operand.ZST;
    }

    Operand swap(Value x, Value y, Ty t) {
        Layout lay = l.layout(t);
        if (lay.isZst()) return Operand.ZST;
        Value tmp = l.temp(t);
        b.copy(tmp, x, lay.size(), lay.align());
        b.copy(x, y, lay.size(), lay.align());
        b.copy(y, tmp, lay.size(), lay.align());
        return Operand.ZST;
    }

    Operand replace(Value dest, Operand v, Ty t) {
        Layout lay = l.layout(t);
        if (lay.isZst()) return Operand.ZST;
        Value old = l.temp(t);
        b.copy(old, dest, lay.size(), lay.align());
        l.store(v, dest, t);
        return l.load(old, t) instanceof Operand.Mem ? new Operand.Mem(old, true) : l.load(old, t);
    }

    /** black_box: the value goes through a volatile slot, so the optimiser cannot see through it. */
    Operand blackBox(Operand v, Ty t) {
        if (!(v instanceof Operand.Scalar s)) return v;
        Value slot = l.temp(t);
        b.storeVolatile(l.toMemory(s.value(), t), slot);
        return scalar(l.fromMemory(b.loadVolatile(l.mem(t), slot), t));
    }

    Operand fromBytes(Operand bytes, Ty.Int t, boolean bigEndian) {
        int n = t.kind().bytes();
        Value aligned = b.slot(n, n); // the bytes may sit at any address; Cortex-M0 faults on unaligned words
        l.store(bytes, aligned, new Ty.Array(Ty.U8, n));
        Value v = b.load(l.reg(t), aligned);
        return scalar(bigEndian ? swapBytes(v, t.kind()) : v);
    }
}
