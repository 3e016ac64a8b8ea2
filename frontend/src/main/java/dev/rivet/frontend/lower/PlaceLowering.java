package dev.rivet.frontend.lower;

import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.check.Res;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.Layout;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * Place expressions: locals, statics, dereferences, fields and index expressions evaluate to
 * an address (and a length for slices and str). Any other expression used where a place is
 * needed is evaluated into a temporary.
 */
abstract class PlaceLowering extends LowerBase {
    PlaceLowering(Lowering lowering, dev.rivet.frontend.types.FnInfo fnInfo) {
        super(lowering, fnInfo);
    }

    protected Place place(Expr e) {
        dev.rivet.frontend.Span outer = b.at(e.span());
        try {
            return placeAt(e);
        } finally {
            b.restore(outer);
        }
    }

    private Place placeAt(Expr e) {
        Ty t = ty(e);
        return switch (e) {
            case Expr.PathExpr p when typing.paths.get(p) instanceof Res.LocalRes l ->
                    new Place(localAddress(l.local()), null, t);
            case Expr.PathExpr p when typing.paths.get(p) instanceof Res.StaticRes s ->
                    new Place(b.symaddr(s.info().symbol), null, t);
            case Expr.Unary u when u.op() == Expr.UnOp.DEREF -> deref(expr(u.operand()), t);
            case Expr.Field f -> field(f, t);
            case Expr.TupleField f -> field(f, t);
            case Expr.Index i -> index(i, t);
            default -> new Place(materialize(coerced(e, expr(e)), t), null, t);
        };
    }

    protected abstract Value localAddress(dev.rivet.frontend.check.Local l);

    /** The place a reference or raw pointer value points to. */
    protected Place deref(Operand pointer, Ty pointee) {
        return switch (pointer) {
            case Operand.Pair p -> new Place(p.first(), p.second(), pointee);
            case Operand.Scalar s -> new Place(s.value(), null, pointee);
            default -> throw new IllegalStateException("dereference of " + pointer);
        };
    }

    /** Follows {@code count} references from a place. */
    protected Place autoderef(Place p, int count) {
        for (int i = 0; i < count; i++) {
            Ty t = strip(p.type());
            Ty inner = t instanceof Ty.Ref r ? r.inner() : ((Ty.Ptr) t).inner();
            p = deref(load(p.address(), t), strip(inner));
        }
        return p;
    }

    private Place field(Expr e, Ty fieldType) {
        Expr base = e instanceof Expr.Field f ? f.base() : ((Expr.TupleField) e).base();
        int[] res = typing.fields.get(e);
        Place p = autoderef(place(base), res[0]);
        long offset = fieldOffset(strip(p.type()), res[1]);
        return new Place(b.offset(p.address(), offset), null, fieldType);
    }

    /** Offset of field {@code index} of a struct, union or tuple type. */
    protected long fieldOffset(Ty t, int index) {
        Layout l = layout(t);
        if (l.isZst() || l.fieldOffsets().isEmpty()) return 0;
        return l.fieldOffsets().get(index);
    }

    /** Offset of field {@code index} of an enum variant. */
    protected long variantFieldOffset(Ty enumType, AdtInfo.Variant v, int index) {
        Layout l = layout(enumType);
        if (l.variantOffsets().isEmpty()) return 0;
        return l.variantOffsets().get(v.index).get(index);
    }

    /** The base of an index expression as (address, length, element type). */
    protected record Sequence(Value address, Value length, Ty element, boolean isStr) {}

    protected Sequence sequence(Place p) {
        Ty t = strip(p.type());
        return switch (t) {
            case Ty.Array a -> new Sequence(p.address(), b.iconst(Type.I32, a.length()), strip(a.element()), false);
            case Ty.Slice s -> new Sequence(p.address(), p.length(), strip(s.element()), false);
            case Ty.Str s -> new Sequence(p.address(), p.length(), Ty.U8, true);
            default -> throw new IllegalStateException("index into " + Ty.show(t));
        };
    }

    private Place index(Expr.Index ix, Ty resultType) {
        Place base = autoderef(place(ix.base()), typing.indexDerefs.get(ix));
        Sequence seq = sequence(base);
        if (ix.index() instanceof Expr.Range r) return subslice(seq, r, ix, resultType);
        Value i = expr(ix.index()).scalar();
        boundsCheck(i, seq.length(), ix.span());
        return new Place(elementAddress(seq, i), null, resultType);
    }

    protected Value elementAddress(Sequence seq, Value i) {
        long size = size(seq.element());
        if (size == 0) return seq.address();
        Value scaled = size == 1 ? i : b.binary(Op.MUL, i, b.iconst(Type.I32, size));
        return b.ptradd(seq.address(), scaled);
    }

    /**
     * Where rustc places a range-index panic: at the {@code [} (the range goes through the
     * track_caller {@code Index} impl, whose caller span starts there), not at the indexed value.
     */
    private static dev.rivet.frontend.Span bracket(Expr.Index ix) {
        dev.rivet.frontend.Span whole = ix.span();
        String text = whole.file().text();
        int at = ix.base().span().end();
        while (at < whole.end() && Character.isWhitespace(text.charAt(at))) at++;
        return at < whole.end() && text.charAt(at) == '[' ? new dev.rivet.frontend.Span(whole.file(), at, whole.end()) : whole;
    }

    /** {@code &a[start..end]}: Rust's checks and messages, then (address + start, end - start). */
    private Place subslice(Sequence seq, Expr.Range r, Expr.Index ix, Ty resultType) {
        Value[] bounds = new RangeIndexing(this).bounds(seq, r, bracket(ix));
        Value start = bounds[0], end = bounds[1];
        Value addr = elementAddress(seq, start);
        return new Place(addr, b.binary(Op.SUB, end, start), resultType);
    }

    /** The value of a place: a load, or for unsized places nothing to load (use {@link #reference}). */
    protected Operand read(Place p) { return load(p.address(), p.type()); }

    /** {@code &place}: a pointer, or (pointer, length) for slices and str. */
    protected Operand reference(Place p) {
        return p.length() != null ? new Operand.Pair(p.address(), p.length()) : new Operand.Scalar(p.address());
    }
}
