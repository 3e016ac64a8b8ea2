package dev.rivet.frontend.lower;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Layout;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * Operators with Rust's release-mode semantics: wrapping arithmetic, shift amounts masked to
 * the width, division and remainder checked for zero and for {@code MIN / -1} (both panic),
 * comparisons signed or unsigned by type, and equality on strings, arrays, tuples and ADTs that derive PartialEq.
 */
abstract class OpsLowering extends PlaceLowering {
    OpsLowering(Lowering lowering, dev.rivet.frontend.types.FnInfo fnInfo) {
        super(lowering, fnInfo);
    }

    protected static boolean signed(Ty t) {
        return t instanceof Ty.Int i && i.kind().signed;
    }

    /** Arithmetic and bit operators on two scalars of type {@code t}. */
    protected Value arithmetic(Expr.BinOp op, Value l, Value r, Ty t, Span span) {
        return switch (op) {
            case ADD -> b.binary(Op.ADD, l, r);
            case SUB -> b.binary(Op.SUB, l, r);
            case MUL -> b.binary(Op.MUL, l, r);
            case DIV, REM -> division(op == Expr.BinOp.DIV, l, r, t, span);
            case BIT_AND -> b.binary(Op.AND, l, r);
            case BIT_OR -> b.binary(Op.OR, l, r);
            case BIT_XOR -> b.binary(Op.XOR, l, r);
            case SHL -> b.binary(Op.SHL, l, shiftAmount(r, l.type()));
            case SHR -> b.binary(signed(t) ? Op.ASHR : Op.LSHR, l, shiftAmount(r, l.type()));
            default -> throw new IllegalStateException(op + " is not arithmetic");
        };
    }

    /** The shift amount in the shifted value's IR type, masked to its width (release semantics). */
    protected Value shiftAmount(Value amount, Type to) {
        Value a = amount;
        if (a.type().bits() > to.bits()) a = b.convert(Op.TRUNC, to, a);
        else if (a.type().bits() < to.bits()) a = b.convert(Op.ZEXT, to, a);
        return b.binary(Op.AND, a, b.iconst(to, to.bits() - 1));
    }

    private Value division(boolean quotient, Value l, Value r, Ty t, Span span) {
        Type irt = l.type();
        check(b.icmp(Cond.EQ, r, b.iconst(irt, 0)), () -> panicMessage(quotient ? "attempt to divide by zero"
                : "attempt to calculate the remainder with a divisor of zero", span));
        if (signed(t)) {
            long min = irt.bits() == 64 ? Long.MIN_VALUE : -(1L << (irt.bits() - 1));
            Value isMin = b.icmp(Cond.EQ, l, b.iconst(irt, min));
            Value isMinusOne = b.icmp(Cond.EQ, r, b.iconst(irt, -1));
            check(b.binary(Op.AND, isMin, isMinusOne), () -> panicMessage(quotient ? "attempt to divide with overflow"
                    : "attempt to calculate the remainder with overflow", span));
            return b.binary(quotient ? Op.SDIV : Op.SREM, l, r);
        }
        return b.binary(quotient ? Op.UDIV : Op.UREM, l, r);
    }

    protected static Cond condition(Expr.BinOp op, boolean signed) {
        return switch (op) {
            case EQ -> Cond.EQ;
            case NE -> Cond.NE;
            case LT -> signed ? Cond.SLT : Cond.ULT;
            case LE -> signed ? Cond.SLE : Cond.ULE;
            case GT -> signed ? Cond.SGT : Cond.UGT;
            case GE -> signed ? Cond.SGE : Cond.UGE;
            default -> throw new IllegalStateException(op + " is not a comparison");
        };
    }

    /** {@code l op r} for comparable values of type {@code t} (references compare their targets). */
    protected Value compare(Expr.BinOp op, Operand l, Operand r, Ty t) {
        Ty s = strip(t);
        if (s instanceof Ty.Ref ref) {
            Ty inner = strip(ref.inner());
            if (inner instanceof Ty.Str || inner instanceof Ty.Slice) {
                Value eq = sliceEquals(l, r, inner);
                return op == Expr.BinOp.EQ ? eq : b.binary(Op.XOR, eq, b.bool(true));
            }
            return compare(op, load(l.scalar(), inner), load(r.scalar(), inner), inner);
        }
        if (s instanceof Ty.Array || s instanceof Ty.Tuple || s instanceof Ty.Adt) {
            Value eq = new AggregateEquality(this).equals(l, r, s);
            return op == Expr.BinOp.EQ ? eq : b.binary(Op.XOR, eq, b.bool(true));
        }
        return b.icmp(condition(op, signed(s)), l.scalar(), r.scalar());
    }

    private Value sliceEquals(Operand l, Operand r, Ty inner) {
        Operand.Pair a = (Operand.Pair) l, c = (Operand.Pair) r;
        if (inner instanceof Ty.Str) {
            lowering.runtime("__rivet_str_eq", List.of(Type.PTR, Type.I32, Type.PTR, Type.I32), Type.I8, false);
            Value v = b.call("__rivet_str_eq", Type.I8, List.of(a.first(), a.second(), c.first(), c.second()));
            return b.convert(Op.TRUNC, Type.I1, v);
        }
        return new AggregateEquality(this).slices(a, c, ((Ty.Slice) inner).element());
    }

    // ---- casts ----

    /** {@code value as target}. */
    protected Operand cast(Operand v, Ty from, Ty to) {
        Ty f = strip(from), t = strip(to);
        if (t instanceof Ty.Int ti) return new Operand.Scalar(castToInt(v, f, ti));
        if (t instanceof Ty.Char) return new Operand.Scalar(b.convert(Op.ZEXT, Type.I32, v.scalar()));
        if (t instanceof Ty.Ptr tp) {
            if (f instanceof Ty.Int fi) return new Operand.Scalar(b.convert(Op.INTTOPTR, Type.PTR, resize(v.scalar(), fi.kind(), Type.I32)));
            if (f instanceof Ty.FnItem fn) return new Operand.Scalar(b.symaddr(lowering.function(fn.fn()).name));
            // A pointer to a slice or str keeps its length; a thin target takes the address alone.
            Ty pointee = strip(tp.inner());
            boolean fat = pointee instanceof Ty.Slice || pointee instanceof Ty.Str;
            if (v instanceof Operand.Pair p && !fat) return new Operand.Scalar(p.first());
            return v;
        }
        if (t instanceof Ty.FnPtr && f instanceof Ty.FnItem fn) return new Operand.Scalar(b.symaddr(lowering.function(fn.fn()).name));
        return v;
    }

    private Value castToInt(Operand v, Ty f, Ty.Int to) {
        Type target = reg(to);
        return switch (f) {
            case Ty.Int fi -> resize(v.scalar(), fi.kind(), target);
            case Ty.Bool x -> b.convert(Op.ZEXT, target, v.scalar());
            case Ty.Char c -> resize(v.scalar(), IntKind.U32, target);
            case Ty.Ptr p -> resize(b.convert(Op.PTRTOINT, Type.I32, v.scalar()), IntKind.USIZE, target);
            case Ty.FnPtr p -> resize(b.convert(Op.PTRTOINT, Type.I32, v.scalar()), IntKind.USIZE, target);
            case Ty.FnItem fn -> resize(b.convert(Op.PTRTOINT, Type.I32, b.symaddr(lowering.function(fn.fn()).name)),
                    IntKind.USIZE, target);
            case Ty.Adt a -> resize(discriminant(v, f), dev.rivet.frontend.types.LayoutCache.tagKind(a.def()), target);
            default -> throw new IllegalStateException("cast from " + Ty.show(f));
        };
    }

    /** Converts an integer of kind {@code from} to IR type {@code to}: truncate, or extend by the source's sign. */
    protected Value resize(Value v, IntKind from, Type to) {
        if (v.type() == to) return v;
        if (v.type().bits() > to.bits()) return b.convert(Op.TRUNC, to, v);
        return b.convert(from.signed ? Op.SEXT : Op.ZEXT, to, v);
    }

    /** The discriminant value of an enum operand (its tag, or the single variant's value). */
    protected Value discriminant(Operand v, Ty enumType) {
        AdtInfo adt = ((Ty.Adt) enumType).def();
        Layout l = layout(enumType);
        if (l.tag() == null) {
            long d = adt.variants.isEmpty() ? 0 : adt.variants.getFirst().discriminant.longValue();
            return b.iconst(dev.rivet.frontend.types.LayoutCache.irType(dev.rivet.frontend.types.LayoutCache.tagKind(adt)), d);
        }
        Value addr = materialize(v, enumType);
        return b.load(dev.rivet.frontend.types.LayoutCache.irType(l.tag().kind()), b.offset(addr, l.tag().offset()));
    }
}
