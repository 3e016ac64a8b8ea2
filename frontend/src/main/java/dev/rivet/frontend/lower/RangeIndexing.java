package dev.rivet.frontend.lower;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.ir.Block;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * The checks of {@code &a[start..end]} on slices, arrays and str, in rustc 1.95's order and
 * with its messages. Slices: start past the length, then end past it (the inclusive end as
 * written), then start after end. Strings: start or end past the length, start after end, then
 * either index inside a multi-byte character.
 */
final class RangeIndexing {
    private final PlaceLowering l;
    private final FnBuilder b;

    RangeIndexing(PlaceLowering l) {
        this.l = l;
        this.b = l.b;
    }

    /** The checked (start, end) of {@code r} over {@code seq}; panics at {@code at}, the {@code [}. */
    Value[] bounds(PlaceLowering.Sequence seq, Expr.Range r, Span at) {
        Value len = seq.length();
        Value start = r.from() == null ? b.iconst(Type.I32, 0) : l.expr(r.from()).scalar();
        Value written = r.to() == null ? len : l.expr(r.to()).scalar();
        Value end = r.inclusive() ? b.binary(Op.ADD, written, b.iconst(Type.I32, 1)) : written;
        if (seq.isStr()) strChecks(seq, r, start, written, end, at);
        else sliceChecks(r, start, written, end, len, at);
        return new Value[] {start, end};
    }

    private void sliceChecks(Expr.Range r, Value start, Value written, Value end, Value len, Span at) {
        if (r.from() != null)
            l.check(b.icmp(Cond.UGT, start, len), () -> panic("__rivet_panic_slice_start", start, len, at));
        if (r.to() != null)
            l.check(b.icmp(r.inclusive() ? Cond.UGE : Cond.UGT, written, len), () -> panic("__rivet_panic_slice_end", written, len, at));
        if (r.from() != null && r.to() != null)
            l.check(b.icmp(Cond.UGT, start, end), () -> panic("__rivet_panic_slice_order", start, end, at));
    }

    private void panic(String symbol, Value x, Value y, Span at) {
        l.panicCall(symbol, List.of(Type.I32, Type.I32, Type.PTR), List.of(x, y, l.location(at)));
    }

    private void strChecks(PlaceLowering.Sequence s, Expr.Range r, Value start, Value written, Value end, Span at) {
        Value len = s.length();
        if (r.inclusive())
            l.check(b.icmp(Cond.EQ, written, b.iconst(Type.I32, -1)), () -> l.panicMessage("attempted to index str up to maximum usize", at));
        if (r.from() != null) l.check(b.icmp(Cond.UGT, start, len), () -> strPanic("__rivet_panic_str_bounds", false, start, s, at));
        if (r.to() != null) l.check(b.icmp(Cond.UGT, end, len), () -> strPanic("__rivet_panic_str_bounds", true, end, s, at));
        if (r.from() != null && r.to() != null)
            l.check(b.icmp(Cond.UGT, start, end), () -> l.panicCall("__rivet_panic_str_order",
                    List.of(Type.I32, Type.I32, Type.PTR, Type.I32, Type.PTR), List.of(start, end, s.address(), len, l.location(at))));
        if (r.from() != null) charBoundary(s, start, false, at);
        if (r.to() != null) charBoundary(s, end, true, at);
    }

    /** Panics when {@code index} (at most the length) falls on a UTF-8 continuation byte. */
    private void charBoundary(PlaceLowering.Sequence s, Value index, boolean isEnd, Span at) {
        Block inside = b.newBlock(), done = b.newBlock();
        b.branch(b.icmp(Cond.ULT, index, s.length()), inside, done);
        b.switchTo(inside);
        Value lead = b.load(Type.I8, b.ptradd(s.address(), index));
        l.check(b.icmp(Cond.SLT, lead, b.iconst(Type.I8, -0x40)), () -> strPanic("__rivet_panic_str_boundary", isEnd, index, s, at));
        b.jump(done);
        b.switchTo(done);
    }

    private void strPanic(String symbol, boolean isEnd, Value index, PlaceLowering.Sequence s, Span at) {
        l.panicCall(symbol, List.of(Type.I8, Type.I32, Type.PTR, Type.I32, Type.PTR),
                List.of(b.iconst(Type.I8, isEnd ? 1 : 0), index, s.address(), s.length(), l.location(at)));
    }
}
