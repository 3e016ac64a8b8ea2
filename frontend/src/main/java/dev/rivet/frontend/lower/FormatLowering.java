package dev.rivet.frontend.lower;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.check.FormatPlan;
import dev.rivet.frontend.check.FormatString;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Print-like and panic-like macros, expanded into calls to the runtime's small formatting
 * routines: one call per piece of text and per placeholder, no {@code core::fmt} machinery.
 * A placeholder's flags, fill and alignment travel packed in one word ({@link #spec}).
 */
final class FormatLowering {
    static final int STDOUT = 1, STDERR = 2;
    /** Bit positions in the packed spec word; the runtime decodes the same layout. */
    static final int ALIGN_SHIFT = 21, PLUS = 1 << 23, ALTERNATE = 1 << 24, ZERO = 1 << 25, UPPER = 1 << 26;

    private final ExprLowering l;

    FormatLowering(ExprLowering l) {
        this.l = l;
    }

    private FnBuilder b() { return l.b; }

    Operand macro(Expr.Macro m) {
        return switch (m.name()) {
            case "print" -> print(m, STDOUT, false);
            case "println" -> print(m, STDOUT, true);
            case "eprint" -> print(m, STDERR, false);
            case "eprintln" -> print(m, STDERR, true);
            case "panic" -> panic(m, "explicit panic", "");
            case "unreachable" -> panic(m, "internal error: entered unreachable code", "internal error: entered unreachable code: ");
            case "todo" -> panic(m, "not yet implemented", "not yet implemented: ");
            case "unimplemented" -> panic(m, "not implemented", "not implemented: ");
            case "assert" -> assertion(m);
            case "assert_eq", "assert_ne" -> assertEq(m, m.name().equals("assert_eq"));
            case "debug_assert", "debug_assert_eq", "debug_assert_ne" -> Operand.ZST; // off in release builds
            case "matches" -> matches(m);
            case "line" -> new Operand.Scalar(b().iconst(Type.I32, m.span().line()));
            case "column" -> new Operand.Scalar(b().iconst(Type.I32, m.span().column()));
            case "file" -> str(m.span().file().name());
            default -> throw new IllegalStateException("macro " + m.name());
        };
    }

    private Operand str(String s) {
        return new Operand.Pair(b().symaddr(l.lowering.pool.string(s)),
                b().iconst(Type.I32, s.getBytes(StandardCharsets.UTF_8).length));
    }

    private Operand print(Expr.Macro m, int fd, boolean newline) {
        FormatPlan plan = l.typing.formats.get(m);
        List<FormatPlan.Part> parts = new ArrayList<>(plan.parts());
        if (newline) parts.add(new FormatPlan.Part.Text("\n"));
        return emit(plan, parts, fd) ? Operand.ZST : Operand.DIVERGED;
    }

    /** Evaluates the arguments in order, then writes the parts. Returns false if an argument diverged. */
    private boolean emit(FormatPlan plan, List<FormatPlan.Part> parts, int fd) {
        List<Operand> args = new ArrayList<>();
        for (Expr a : plan.args()) {
            Operand v = l.expr(a);
            if (v instanceof Operand.Diverged) return false;
            args.add(v);
        }
        StringBuilder text = new StringBuilder();
        for (FormatPlan.Part p : parts) {
            if (p instanceof FormatPlan.Part.Text t) {
                text.append(t.text());
                continue;
            }
            flush(text, fd);
            FormatPlan.Part.Slot s = (FormatPlan.Part.Slot) p;
            value(fd, args.get(s.arg()), LowerBase.strip(l.typing.type(plan.args().get(s.arg()))), s,
                    s.widthArg() >= 0 ? args.get(s.widthArg()).scalar() : null,
                    s.precisionArg() >= 0 ? args.get(s.precisionArg()).scalar() : null);
        }
        flush(text, fd);
        return true;
    }

    /** Writes constant text. */
    void text(int fd, String t) {
        flush(new StringBuilder(t), fd);
    }

    private void flush(StringBuilder text, int fd) {
        if (text.isEmpty()) return;
        Operand.Pair s = (Operand.Pair) str(text.toString());
        call("__rivet_write_str", List.of(fdValue(fd), s.first(), s.second()));
        text.setLength(0);
    }

    private Value fdValue(int fd) { return b().iconst(Type.I32, fd); }

    private void call(String name, List<Value> args) {
        l.lowering.runtime(name, args.stream().map(Value::type).toList(), Type.VOID, false);
        b().call(name, Type.VOID, args);
    }

    private void value(int fd, Operand v, Ty t, FormatPlan.Part.Slot s, Value widthArg, Value precisionArg) {
        value(fd, v, t, s, widthArg, precisionArg, 0);
    }

    /**
     * Writes one argument: integers, bool, char and str (through any number of references), and
     * for {@code {:?}} arrays, slices and tuples of those; {@code depth} is the nesting inside
     * a pretty-printed ({@code {:#?}}) aggregate.
     */
    void value(int fd, Operand v, Ty t, FormatPlan.Part.Slot s, Value widthArg, Value precisionArg, int depth) {
        while (t instanceof Ty.Ref r) {
            Ty inner = LowerBase.strip(r.inner());
            if (inner instanceof Ty.Str || inner instanceof Ty.Slice) break;
            v = l.load(v.scalar(), inner);
            t = inner;
        }
        if (AggregateDebug.handles(t)) {
            new AggregateDebug(this, l).write(fd, v, t, s, widthArg, precisionArg, depth);
            return;
        }
        FormatString.Spec spec = s.spec();
        Value specWord = b().iconst(Type.I32, spec(spec));
        Value width = widthArg != null ? widthArg : b().iconst(Type.I32,
                spec.width() instanceof FormatString.Count.Literal n ? n.value() : 0);
        Value fdv = fdValue(fd);
        boolean debug = spec.type().endsWith("?");
        switch (t) {
            case Ty.Int i -> integer(fdv, v.scalar(), i.kind(), spec.type(), specWord, width);
            case Ty.Bool x -> {
                Operand.Pair yes = (Operand.Pair) str("true"), no = (Operand.Pair) str("false");
                Value c = v.scalar();
                call("__rivet_fmt_str", List.of(fdv, b().select(c, yes.first(), no.first()), b().select(c, yes.second(), no.second()),
                        specWord, width, precision(spec, precisionArg)));
            }
            // Debug of str and char ignores width, fill and alignment, as core's impls write directly.
            case Ty.Char c -> call(debug ? "__rivet_fmt_char_debug" : "__rivet_fmt_char",
                    debug ? List.of(fdv, v.scalar()) : List.of(fdv, v.scalar(), specWord, width));
            case Ty.Ref r -> {
                Operand.Pair p = (Operand.Pair) v;
                if (debug) call("__rivet_fmt_str_debug", List.of(fdv, p.first(), p.second()));
                else call("__rivet_fmt_str", List.of(fdv, p.first(), p.second(), specWord, width, precision(spec, precisionArg)));
            }
            default -> throw new IllegalStateException("format " + Ty.show(t));
        }
    }

    private Value precision(FormatString.Spec spec, Value arg) {
        if (arg != null) return arg;
        return b().iconst(Type.I32, spec.precision() instanceof FormatString.Count.Literal n ? n.value() : -1);
    }

    private void integer(Value fd, Value v, IntKind k, String type, Value spec, Value width) {
        int radix = switch (type) {
            case "x", "X", "x?", "X?" -> 16;
            case "o" -> 8;
            case "b" -> 2;
            default -> 10;
        };
        FnBuilder b = b();
        if (k.bits == 64) {
            if (radix == 10 && k.signed) call("__rivet_fmt_i64", List.of(fd, v, spec, width));
            else call("__rivet_fmt_u64", List.of(fd, v, b.iconst(Type.I32, radix), spec, width));
            return;
        }
        if (radix == 10 && k.signed) {
            call("__rivet_fmt_i32", List.of(fd, l.resize(v, k, Type.I32), spec, width));
        } else {
            Value u = v.type() == Type.I32 ? v : b.convert(Op.ZEXT, Type.I32, v);
            call("__rivet_fmt_u32", List.of(fd, u, b.iconst(Type.I32, radix), spec, width));
        }
    }

    /** fill (21 bits) | align << 21 | flags: the word the runtime's formatting routines decode. */
    static long spec(FormatString.Spec s) {
        long w = s.fill() & 0x1FFFFF;
        w |= (long) s.align().ordinal() << ALIGN_SHIFT;
        if (s.plus()) w |= PLUS;
        if (s.alternate()) w |= ALTERNATE;
        if (s.zero()) w |= ZERO;
        if (s.type().startsWith("X")) w |= UPPER;
        return w;
    }

    // ---- panics ----

    private Operand panic(Expr.Macro m, String bare, String prefix) {
        FormatPlan plan = l.typing.formats.get(m);
        if (plan == null || plan.parts().isEmpty() && plan.args().isEmpty() && m.args().isEmpty()) {
            l.panicMessage(bare, m.span());
            return Operand.DIVERGED;
        }
        return formattedPanic(m.span(), prefix, plan, plan.parts());
    }

    private Operand formattedPanic(Span span, String prefix, FormatPlan plan, List<FormatPlan.Part> parts) {
        boolean constant = parts.stream().allMatch(p -> p instanceof FormatPlan.Part.Text) && plan.args().isEmpty();
        if (constant) {
            StringBuilder msg = new StringBuilder(prefix);
            for (FormatPlan.Part p : parts) msg.append(((FormatPlan.Part.Text) p).text());
            l.panicMessage(msg.toString(), span);
            return Operand.DIVERGED;
        }
        if (l.lowering.trapPanics) return trapAfterArguments(plan);
        begin(span);
        List<FormatPlan.Part> all = new ArrayList<>();
        if (!prefix.isEmpty()) all.add(new FormatPlan.Part.Text(prefix));
        all.addAll(parts);
        if (!emit(plan, all, STDERR)) return Operand.DIVERGED;
        end();
        return Operand.DIVERGED;
    }

    /** panic = "trap": the format arguments are evaluated (as format_args! does), then the trap. */
    private Operand trapAfterArguments(FormatPlan plan) {
        for (Expr a : plan.args()) if (l.expr(a) instanceof Operand.Diverged) return Operand.DIVERGED;
        b().trap();
        return Operand.DIVERGED;
    }

    private void begin(Span span) {
        call("__rivet_panic_begin", List.of(l.location(span)));
    }

    private void end() {
        l.lowering.runtime("__rivet_panic_end", List.of(), Type.VOID, true);
        b().call("__rivet_panic_end", Type.VOID, List.of());
        b().trap();
    }

    private Operand assertion(Expr.Macro m) {
        Operand c = l.expr(m.args().getFirst());
        if (c instanceof Operand.Diverged) return c;
        dev.rivet.ir.Block fail = b().newBlock(), ok = b().newBlock();
        b().branch(c.scalar(), ok, fail);
        b().switchTo(fail);
        FormatPlan plan = l.typing.formats.get(m);
        if (plan == null || m.args().size() == 1) {
            Span cond = m.args().getFirst().span();
            String source = cond.file().text().substring(cond.start(), cond.end());
            l.panicMessage("assertion failed: " + source, m.span());
        } else {
            formattedPanic(m.span(), "", plan, plan.parts());
        }
        b().switchTo(ok);
        return Operand.ZST;
    }

    /** assert_eq!/assert_ne!: Rust's "assertion `left == right` failed" message with both values. */
    private Operand assertEq(Expr.Macro m, boolean eq) {
        Expr le = m.args().get(0), re = m.args().get(1);
        Operand left = l.expr(le);
        if (left instanceof Operand.Diverged) return left;
        Ty t = LowerBase.strip(l.typing.type(le));
        Value leftAddr = l.materialize(left, t);
        Operand right = l.expr(re);
        if (right instanceof Operand.Diverged) return right;
        Value rightAddr = l.materialize(right, t);
        Value same = l.compare(Expr.BinOp.EQ, l.load(leftAddr, t), l.load(rightAddr, t), t);
        dev.rivet.ir.Block fail = b().newBlock(), ok = b().newBlock();
        if (eq) b().branch(same, ok, fail);
        else b().branch(same, fail, ok);
        b().switchTo(fail);
        if (l.lowering.trapPanics) {
            FormatPlan message = l.typing.formats.get(m);
            if (message == null || m.args().size() <= 2) b().trap();
            else trapAfterArguments(message);
            b().switchTo(ok);
            return Operand.ZST;
        }
        begin(m.span());
        StringBuilder head = new StringBuilder("assertion `left " + (eq ? "==" : "!=") + " right` failed");
        FormatPlan plan = l.typing.formats.get(m);
        List<FormatPlan.Part> parts = new ArrayList<>();
        FormatString.Spec debug = new FormatString.Spec(' ', FormatString.Align.NONE, false, false, false, false,
                new FormatString.Count.None(), new FormatString.Count.None(), "?");
        if (plan != null && m.args().size() > 2) {
            parts.add(new FormatPlan.Part.Text(head + ": "));
            parts.addAll(plan.parts());
        } else {
            parts.add(new FormatPlan.Part.Text(head.toString()));
        }
        if (plan != null && m.args().size() > 2 && !emit(plan, parts, STDERR)) return Operand.DIVERGED;
        if (plan == null || m.args().size() <= 2) flushText(parts);
        flushText(List.of(new FormatPlan.Part.Text("\n  left: ")));
        value(STDERR, l.load(leftAddr, t), t, new FormatPlan.Part.Slot(0, debug, -1, -1), null, null);
        flushText(List.of(new FormatPlan.Part.Text("\n right: ")));
        value(STDERR, l.load(rightAddr, t), t, new FormatPlan.Part.Slot(0, debug, -1, -1), null, null);
        end();
        b().switchTo(ok);
        return Operand.ZST;
    }

    private void flushText(List<FormatPlan.Part> parts) {
        StringBuilder sb = new StringBuilder();
        for (FormatPlan.Part p : parts) sb.append(((FormatPlan.Part.Text) p).text());
        flush(sb, STDERR);
    }

    private Operand matches(Expr.Macro m) {
        LowerBase.Place p = l.scrutineePlace(m.args().getFirst());
        if (p == null) return Operand.DIVERGED;
        Value result = b().slot(1, 1);
        b().store(b().iconst(Type.I8, 0), result);
        dev.rivet.ir.Block no = b().newBlock(), join = b().newBlock();
        l.matchPattern(m.pattern(), p, no);
        if (m.guard() != null) {
            Operand g = l.expr(m.guard());
            if (g instanceof Operand.Diverged) return g;
            dev.rivet.ir.Block yes = b().newBlock();
            b().branch(g.scalar(), yes, no);
            b().switchTo(yes);
        }
        b().store(b().iconst(Type.I8, 1), result);
        b().jump(join);
        b().switchTo(no);
        b().jump(join);
        b().switchTo(join);
        return new Operand.Scalar(b().convert(Op.TRUNC, Type.I1, b().load(Type.I8, result)));
    }
}
