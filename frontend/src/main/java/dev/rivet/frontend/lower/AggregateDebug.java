package dev.rivet.frontend.lower;

import dev.rivet.frontend.check.FormatPlan;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * {@code {:?}} of arrays, slices and tuples, as Rust prints them: {@code [1, 2]}, {@code (1, "a")},
 * {@code (7,)}; with {@code #} one element per line, indented four spaces per level, each
 * followed by a comma. The placeholder's other flags apply to every element. Arrays and slices
 * print in a loop; tuples element by element.
 */
final class AggregateDebug {
    private final FormatLowering f;
    private final ExprLowering l;

    AggregateDebug(FormatLowering f, ExprLowering l) {
        this.f = f;
        this.l = l;
    }

    static boolean handles(Ty t) {
        return t instanceof Ty.Array || t instanceof Ty.Tuple || t instanceof Ty.Ref r && LowerBase.strip(r.inner()) instanceof Ty.Slice;
    }

    void write(int fd, Operand v, Ty t, FormatPlan.Part.Slot s, Value width, Value precision, int depth) {
        boolean pretty = s.spec().alternate();
        switch (t) {
            case Ty.Tuple tu -> tuple(fd, v, tu, s, width, precision, depth, pretty);
            case Ty.Array a -> sequence(fd, v instanceof Operand.Mem m ? m.address() : l.materialize(v, t),
                    l.b.iconst(Type.I32, a.length()), LowerBase.strip(a.element()), s, width, precision, depth, pretty);
            case Ty.Ref r -> {
                Operand.Pair p = (Operand.Pair) v;
                Ty elem = LowerBase.strip(((Ty.Slice) LowerBase.strip(r.inner())).element());
                sequence(fd, p.first(), p.second(), elem, s, width, precision, depth, pretty);
            }
            default -> throw new IllegalStateException("debug of " + Ty.show(t));
        }
    }

    private void tuple(int fd, Operand v, Ty.Tuple t, FormatPlan.Part.Slot s, Value width, Value precision, int depth, boolean pretty) {
        List<Ty> elems = t.elements();
        if (elems.isEmpty()) {
            f.text(fd, "()");
            return;
        }
        Value base = l.materialize(v, t);
        f.text(fd, pretty ? "(\n" : "(");
        for (int k = 0; k < elems.size(); k++) {
            Ty et = LowerBase.strip(elems.get(k));
            if (pretty) f.text(fd, indent(depth + 1));
            else if (k > 0) f.text(fd, ", ");
            Operand ev = l.load(l.b.offset(base, l.fieldOffset(t, k)), et);
            f.value(fd, ev, et, s, width, precision, depth + 1);
            if (pretty) f.text(fd, ",\n");
        }
        if (pretty) f.text(fd, indent(depth) + ")");
        else f.text(fd, elems.size() == 1 ? ",)" : ")");
    }

    /** [e0, e1, ...] for {@code n} elements of {@code elem} at {@code base}, in an IR loop. */
    private void sequence(int fd, Value base, Value n, Ty elem, FormatPlan.Part.Slot s, Value width, Value precision, int depth,
                          boolean pretty) {
        var b = l.b;
        long size = l.layout(elem).size();
        Value counter = b.slot(4, 4);
        b.store(b.iconst(Type.I32, 0), counter);
        f.text(fd, "[");
        var head = b.newBlock();
        var body = b.newBlock();
        var separator = b.newBlock();
        var element = b.newBlock();
        var exit = b.newBlock();
        var closeEmpty = b.newBlock();
        b.branch(b.icmp(Cond.EQ, n, b.iconst(Type.I32, 0)), closeEmpty, head);
        b.switchTo(head);
        if (pretty) f.text(fd, "\n");
        b.jump(body);
        b.switchTo(body);
        Value i = b.load(Type.I32, counter);
        b.branch(b.icmp(Cond.EQ, i, b.iconst(Type.I32, 0)), element, separator);
        b.switchTo(separator);
        if (!pretty) f.text(fd, ", ");
        b.jump(element);
        b.switchTo(element);
        if (pretty) f.text(fd, indent(depth + 1));
        Value idx = b.load(Type.I32, counter);
        Value at = b.ptradd(base, b.binary(Op.MUL, idx, b.iconst(Type.I32, size)));
        f.value(fd, l.load(at, elem), elem, s, width, precision, depth + 1);
        if (pretty) f.text(fd, ",\n");
        Value next = b.binary(Op.ADD, b.load(Type.I32, counter), b.iconst(Type.I32, 1));
        b.store(next, counter);
        b.branch(b.icmp(Cond.ULT, next, n), body, exit);
        b.switchTo(exit);
        if (pretty) f.text(fd, indent(depth));
        b.jump(closeEmpty);
        b.switchTo(closeEmpty);
        f.text(fd, "]");
    }

    private static String indent(int depth) { return "    ".repeat(depth); }
}
