package dev.rivet.frontend.lower;

import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Block;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * {@code ==} on arrays, tuples, and structs and enums that derive {@code PartialEq}: field by
 * field, as the derived impls do. Memory is compared as bytes only where a type has no padding
 * (arrays of integers, bool and char); an enum's fields are read only under its own variant.
 */
final class AggregateEquality {
    private final OpsLowering l;
    private final FnBuilder b;

    AggregateEquality(OpsLowering l) {
        this.l = l;
        this.b = l.b;
    }

    /** Whether {@code x == y} for values of {@code t} (stripped: an array, tuple or ADT). */
    Value equals(Operand x, Operand y, Ty t) {
        Value xa = l.materialize(x, t), ya = l.materialize(y, t);
        return switch (t) {
            case Ty.Array a when bytewise(a) -> memEquals(xa, ya, b.iconst(Type.I32, l.size(a)));
            case Ty.Array a when a.length() == 0 -> b.bool(true);
            case Ty.Array a -> elementwise(xa, ya, b.iconst(Type.I32, a.length()), a.element());
            case Ty.Tuple tu -> fields(xa, ya, t, tu.elements(), null);
            case Ty.Adt adt when adt.def().kind == AdtInfo.Kind.ENUM -> variants(xa, ya, adt);
            case Ty.Adt adt -> fields(xa, ya, t, types(adt.def().struct()), null);
            default -> throw new IllegalStateException("== on " + Ty.show(t));
        };
    }

    /** Whether two slices of {@code elem} have the same length and equal elements. */
    Value slices(Operand.Pair x, Operand.Pair y, Ty elem) {
        Value sameLength = b.icmp(Cond.EQ, x.second(), y.second());
        if (bytewise(elem)) {
            Value bytes = b.binary(Op.MUL, x.second(), b.iconst(Type.I32, l.size(elem)));
            return b.binary(Op.AND, sameLength, memEquals(x.first(), y.first(), bytes));
        }
        // Unequal lengths differ and empty slices are equal before any element is read.
        Value result = b.slot(1, 1);
        b.store(b.convert(Op.ZEXT, Type.I8, sameLength), result);
        Block compare = b.newBlock(), exit = b.newBlock();
        b.branch(b.binary(Op.AND, sameLength, b.icmp(Cond.NE, x.second(), b.iconst(Type.I32, 0))), compare, exit);
        b.switchTo(compare);
        b.store(b.convert(Op.ZEXT, Type.I8, elementwise(x.first(), y.first(), x.second(), elem)), result);
        b.jump(exit);
        b.switchTo(exit);
        return b.convert(Op.TRUNC, Type.I1, b.load(Type.I8, result));
    }

    /** Arrays whose bytes are all value bits: integers, bool and char, and arrays of them. */
    private static boolean bytewise(Ty t) {
        Ty s = LowerBase.strip(t);
        return s instanceof Ty.Int || s instanceof Ty.Bool || s instanceof Ty.Char || s instanceof Ty.Array a && bytewise(a.element());
    }

    private Value memEquals(Value x, Value y, Value bytes) {
        l.lowering.runtime("__rivet_mem_eq", List.of(Type.PTR, Type.PTR, Type.I32), Type.I8, false);
        return b.convert(Op.TRUNC, Type.I1, b.call("__rivet_mem_eq", Type.I8, List.of(x, y, bytes)));
    }

    /** The AND of each field's equality; {@code v} names the enum variant whose fields these are. */
    private Value fields(Value xa, Value ya, Ty t, List<Ty> types, AdtInfo.Variant v) {
        Value all = b.bool(true);
        for (int i = 0; i < types.size(); i++) {
            Ty e = LowerBase.strip(types.get(i));
            long off = v == null ? l.fieldOffset(t, i) : l.variantFieldOffset(t, v, i);
            Value eq = l.compare(Expr.BinOp.EQ, l.load(b.offset(xa, off), e), l.load(b.offset(ya, off), e), e);
            all = b.binary(Op.AND, all, eq);
        }
        return all;
    }

    private static List<Ty> types(AdtInfo.Variant v) {
        return v.fields.stream().map(AdtInfo.Field::type).toList();
    }

    /** A loop over {@code n} (at least 1) elements that stops at the first unequal one. */
    private Value elementwise(Value xa, Value ya, Value n, Ty element) {
        Ty elem = LowerBase.strip(element);
        long size = l.size(elem);
        Value result = b.slot(1, 1), counter = b.slot(4, 4);
        b.store(b.iconst(Type.I8, 1), result);
        b.store(b.iconst(Type.I32, 0), counter);
        Block head = b.newBlock(), next = b.newBlock(), differ = b.newBlock(), exit = b.newBlock();
        b.jump(head);
        b.switchTo(head);
        Value offset = b.binary(Op.MUL, b.load(Type.I32, counter), b.iconst(Type.I32, size));
        Value eq = l.compare(Expr.BinOp.EQ, l.load(b.ptradd(xa, offset), elem), l.load(b.ptradd(ya, offset), elem), elem);
        b.branch(eq, next, differ);
        b.switchTo(differ);
        b.store(b.iconst(Type.I8, 0), result);
        b.jump(exit);
        b.switchTo(next);
        Value i = b.binary(Op.ADD, b.load(Type.I32, counter), b.iconst(Type.I32, 1));
        b.store(i, counter);
        b.branch(b.icmp(Cond.ULT, i, n), head, exit);
        b.switchTo(exit);
        return b.convert(Op.TRUNC, Type.I1, b.load(Type.I8, result));
    }

    /** Equal tags, then the fields of that variant (read only when it is the active one). */
    private Value variants(Value xa, Value ya, Ty.Adt t) {
        Value tx = l.discriminant(new Operand.Mem(xa, false), t), ty = l.discriminant(new Operand.Mem(ya, false), t);
        Value sameTag = b.icmp(Cond.EQ, tx, ty);
        List<AdtInfo.Variant> withData = t.def().variants.stream().filter(v -> !v.fields.isEmpty()).toList();
        if (withData.isEmpty()) return sameTag;
        Value result = b.slot(1, 1);
        b.store(b.iconst(Type.I8, 0), result);
        Block exit = b.newBlock(), test = b.newBlock();
        b.branch(sameTag, test, exit);
        for (AdtInfo.Variant v : withData) {
            b.switchTo(test);
            Block body = b.newBlock();
            test = b.newBlock();
            b.branch(b.icmp(Cond.EQ, tx, b.iconst(tx.type(), v.discriminant.longValue())), body, test);
            b.switchTo(body);
            b.store(b.convert(Op.ZEXT, Type.I8, fields(xa, ya, t, types(v), v)), result);
            b.jump(exit);
        }
        b.switchTo(test); // a variant without fields: equal tags are enough
        b.store(b.iconst(Type.I8, 1), result);
        b.jump(exit);
        b.switchTo(exit);
        return b.convert(Op.TRUNC, Type.I1, b.load(Type.I8, result));
    }
}
