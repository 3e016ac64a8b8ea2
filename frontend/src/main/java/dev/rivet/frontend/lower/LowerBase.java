package dev.rivet.frontend.lower;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.check.Coercion;
import dev.rivet.frontend.check.Local;
import dev.rivet.frontend.check.Typing;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.Layout;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Block;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every lowering layer shares: the function being built, its typing, locals (each lives
 * in a stack slot; promotion to registers is the IR passes' job), and the moves between
 * operands and memory.
 */
abstract class LowerBase {
    /** An addressable location of a Rust type; {@code length} is set for unsized places (slices, str). */
    record Place(Value address, Value length, Ty type) {}

    protected final Lowering lowering;
    protected final FnInfo fnInfo;
    protected final Typing typing;
    protected final FnBuilder b;
    protected final Map<Local, Value> locals = new IdentityHashMap<>();

    LowerBase(Lowering lowering, FnInfo fnInfo) {
        this.lowering = lowering;
        this.fnInfo = fnInfo;
        this.typing = lowering.sema.check(fnInfo);
        this.b = new FnBuilder(lowering.function(fnInfo));
        if (fnInfo.ast != null) b.at(fnInfo.ast.span()); // parameters, the return: the function's own line
    }

    abstract Operand expr(Expr e);

    // ---- types ----

    protected Ty ty(Expr e) { return Infer.resolve(typing.type(e), true); }

    protected Layout layout(Ty t) { return lowering.sema.layouts.of(t); }

    protected long size(Ty t) { return layout(t).size(); }

    protected Type reg(Ty t) { return lowering.abi.registerType(t); }

    protected Type mem(Ty t) { return lowering.abi.memoryType(t); }

    protected static Ty strip(Ty t) { return Infer.resolve(t, true); }

    // ---- memory ----

    /** A fresh temporary slot for a value of type {@code t}. */
    protected Value temp(Ty t) {
        Layout l = layout(t);
        // Word-align aggregates of a word or more: stack space is cheap, and copies and fills
        // of them can then move whole words.
        return b.slot(l.size(), l.size() >= 4 ? Math.max(l.align(), 4) : l.align());
    }

    /** Reads a value of type {@code t} stored at {@code addr}. */
    protected Operand load(Value addr, Ty t) {
        Layout l = layout(t);
        return switch (l.shape()) {
            case Layout.Shape.Scalar s -> {
                Value v = b.load(s.type(), addr);
                yield new Operand.Scalar(t instanceof Ty.Bool ? b.convert(Op.TRUNC, Type.I1, v) : v);
            }
            case Layout.Shape.Pair p -> new Operand.Pair(b.load(Type.PTR, addr), b.load(Type.I32, b.offset(addr, 4)));
            case Layout.Shape.Memory m -> new Operand.Mem(addr, false);
            case Layout.Shape.Zst z -> Operand.ZST;
        };
    }

    /** Writes {@code v} (of type {@code t}) to {@code addr}. */
    protected void store(Operand v, Value addr, Ty t) {
        switch (v) {
            case Operand.Scalar s -> b.store(toMemory(s.value(), t), addr);
            case Operand.Pair p -> {
                b.store(p.first(), addr);
                b.store(p.second(), b.offset(addr, 4));
            }
            case Operand.Mem m -> {
                if (m.address() != addr) {
                    Layout l = layout(t);
                    b.copy(addr, m.address(), l.size(), l.align());
                }
            }
            case Operand.Zst z -> { }
            case Operand.Diverged d -> { }
        }
    }

    /** A scalar as stored in memory and passed across calls (bool as i8). */
    protected Value toMemory(Value v, Ty t) {
        return v.type() == Type.I1 ? b.convert(Op.ZEXT, Type.I8, v) : v;
    }

    protected Value fromMemory(Value v, Ty t) {
        return t instanceof Ty.Bool && v.type() == Type.I8 ? b.convert(Op.TRUNC, Type.I1, v) : v;
    }

    /** An address holding {@code v}: its own memory if it is in memory, else a new temporary. */
    protected Value materialize(Operand v, Ty t) {
        if (v instanceof Operand.Mem m) return m.address();
        Value addr = temp(t);
        store(v, addr, t);
        return addr;
    }

    /** A copy of {@code v} that the receiver may own (aggregates passed by value). */
    protected Value ownedCopy(Operand v, Ty t) {
        if (v instanceof Operand.Mem m && m.owned()) return m.address();
        Value addr = temp(t);
        store(v, addr, t);
        return addr;
    }

    // ---- coercions and constants ----

    /** Applies the implicit conversion recorded at {@code e}, if any. */
    protected Operand coerced(Expr e, Operand v) {
        Coercion c = typing.coercions.get(e);
        if (c == null) return v;
        if (v instanceof Operand.Diverged) return c.kind() == Coercion.Kind.NEVER ? unreachableValue(c.target()) : v;
        return switch (c.kind()) {
            case UNSIZE -> {
                Ty.Ref from = (Ty.Ref) ty(e);
                long len = ((Ty.Array) strip(from.inner())).length();
                yield new Operand.Pair(v.scalar(), b.iconst(Type.I32, len));
            }
            case FN_TO_PTR -> new Operand.Scalar(b.symaddr(lowering.function(((Ty.FnItem) ty(e)).fn()).name));
            case WEAKEN, REF_TO_PTR, NEVER -> v;
        };
    }

    /**
     * A stand-in of type {@code t} for a diverging operand ({@code f(1, continue)},
     * {@code x[if c { 0 } else { return }]}): control never gets here, but the consumer is
     * lowered all the same, into a block nothing jumps to, and needs an operand of the shape it
     * expects. Aggregates point at address 0 rather than taking a stack slot.
     */
    protected Operand unreachableValue(Ty t) {
        return switch (layout(t).shape()) {
            case Layout.Shape.Scalar s -> new Operand.Scalar(t instanceof Ty.Bool ? b.bool(false)
                    : s.type() == Type.PTR ? nullPointer() : b.iconst(s.type(), 0));
            case Layout.Shape.Pair p -> new Operand.Pair(nullPointer(), b.iconst(Type.I32, 0));
            case Layout.Shape.Memory m -> new Operand.Mem(nullPointer(), false);
            case Layout.Shape.Zst z -> Operand.ZST;
        };
    }

    private Value nullPointer() { return b.convert(Op.INTTOPTR, Type.PTR, b.iconst(Type.I32, 0)); }

    /** A compile-time constant as an operand. */
    protected Operand constant(ConstValue v, Ty t) {
        return switch (v) {
            case ConstValue.Int i -> new Operand.Scalar(b.iconst(reg(t), i.value().longValue()));
            case ConstValue.Bool x -> new Operand.Scalar(b.bool(x.value()));
            case ConstValue.Char c -> new Operand.Scalar(b.iconst(Type.I32, c.codePoint()));
            case ConstValue.Address a -> new Operand.Scalar(b.convert(Op.INTTOPTR, Type.PTR, b.iconst(Type.I32, a.value())));
            case ConstValue.FnRef f -> new Operand.Scalar(b.symaddr(lowering.function(f.fn()).name));
            case ConstValue.StaticRef s -> {
                Value addr = b.offset(b.symaddr(s.target().symbol), lowering.constData.offset(s));
                yield layout(t).shape() instanceof Layout.Shape.Pair ? new Operand.Pair(addr, b.iconst(Type.I32, s.length()))
                        : new Operand.Scalar(addr);
            }
            case ConstValue.Ref r -> reference(r, t);
            case ConstValue.StrData s -> throw new IllegalStateException("str data outside a reference");
            case ConstValue.Aggregate a -> constantInMemory(v, t);
            case ConstValue.Enum e -> constantInMemory(v, t);
        };
    }

    private Operand reference(ConstValue.Ref r, Ty t) {
        Value addr = b.symaddr(lowering.constData.referent(r.target()));
        if (layout(t).shape() instanceof Layout.Shape.Pair) {
            long len = r.target() instanceof ConstValue.StrData s ? s.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    : ((ConstValue.Aggregate) r.target()).elements().size();
            return new Operand.Pair(addr, b.iconst(Type.I32, len));
        }
        return new Operand.Scalar(addr);
    }

    /** Aggregates become read-only data; the operand points at it (consumers copy before writing). */
    private Operand constantInMemory(ConstValue v, Ty t) {
        Layout l = layout(t);
        if (l.isZst()) return Operand.ZST;
        String sym = lowering.pool.items(lowering.constData.items(v), l.align(), "const");
        return new Operand.Mem(b.symaddr(sym), false);
    }

    // ---- panics ----

    protected Value location(Span span) { return b.symaddr(lowering.location(span)); }

    /** Calls a runtime panic function (which never returns) and ends the block. */
    protected void panicCall(String symbol, List<Type> params, List<Value> args) {
        if (lowering.trapPanics) {
            b.trap();
            return;
        }
        lowering.runtime(symbol, params, Type.VOID, true);
        b.call(symbol, Type.VOID, args);
        b.trap();
    }

    /** panic with a constant message at {@code span}. */
    protected void panicMessage(String message, Span span) {
        if (lowering.trapPanics) {
            b.trap();
            return;
        }
        String sym = lowering.pool.string(message);
        List<Value> args = new ArrayList<>(List.of(b.symaddr(sym),
                b.iconst(Type.I32, message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length), location(span)));
        panicCall("__rivet_panic_str", List.of(Type.PTR, Type.I32, Type.PTR), args);
    }

    /** Branches to a panic when {@code failed} holds; continues in a new block otherwise. */
    protected void check(Value failed, Runnable panic) {
        Block bad = b.newBlock(), ok = b.newBlock();
        b.branch(failed, bad, ok);
        b.switchTo(bad);
        panic.run();
        b.switchTo(ok);
    }

    /** The bounds check of {@code a[index]}: panics with Rust's message when {@code index >= len}. */
    protected void boundsCheck(Value index, Value len, Span span) {
        check(b.icmp(Cond.UGE, index, len), () -> panicCall("__rivet_panic_bounds",
                List.of(Type.I32, Type.I32, Type.PTR), List.of(index, len, location(span))));
    }
}
