package dev.rivet.frontend.lower;

import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Literal;
import dev.rivet.frontend.ast.Stmt;
import dev.rivet.frontend.check.Local;
import dev.rivet.frontend.check.Res;
import dev.rivet.frontend.check.Typing;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.Ty;
import dev.rivet.frontend.Span;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Expressions and statements. Values of non-trivial expressions (if, match, loop with break
 * values) go through a result slot that each branch writes and the join reads; mem2reg turns
 * that into a block parameter.
 */
abstract class ExprLowering extends PatternLowering {
    /** A loop or labelled block that break/continue can target. */
    protected record LoopTarget(String label, dev.rivet.ir.Block breakTo, dev.rivet.ir.Block continueTo,
                                Value result, Ty resultType, boolean isBlock) {}

    protected final Deque<LoopTarget> loops = new ArrayDeque<>();
    protected final FormatLowering formats = new FormatLowering(this);

    ExprLowering(Lowering lowering, FnInfo fnInfo) {
        super(lowering, fnInfo);
    }

    abstract Operand returnValue(Expr value, Ty type);

    @Override
    Operand expr(Expr e) {
        if (!b.reachable()) b.current(); // unreachable code still gets lowered (into a block nothing jumps to)
        Span outer = b.at(e.span());
        try {
            return coerced(e, raw(e));
        } finally {
            b.restore(outer);
        }
    }

    private Operand raw(Expr e) {
        return switch (e) {
            case Expr.Lit l -> literal(l);
            case Expr.PathExpr p -> path(p);
            case Expr.Unary u -> unary(u);
            case Expr.Binary bin -> binary(bin);
            case Expr.Assign a -> assign(a);
            case Expr.CompoundAssign a -> compoundAssign(a);
            case Expr.Cast c -> {
                Operand v = expr(c.operand());
                yield v instanceof Operand.Diverged ? v : cast(v, ty(c.operand()), ty(c));
            }
            case Expr.AddrOf a -> {
                Place p = place(a.operand());
                yield reference(p);
            }
            case Expr.Call c -> call(c);
            case Expr.MethodCall m -> methodCall(m);
            case Expr.Field f -> read(place(f));
            case Expr.TupleField f -> read(place(f));
            case Expr.Index i -> read(place(i));
            case Expr.BlockExpr bl -> block(bl.block());
            case Expr.Unsafe u -> block(u.block());
            case Expr.If i -> ifExpr(i);
            case Expr.While w -> whileLoop(w);
            case Expr.Loop l -> loop(l);
            case Expr.For f -> forLoop(f);
            case Expr.Labeled l -> labeled(l);
            case Expr.Match m -> match(m);
            case Expr.Break br -> breakExpr(br);
            case Expr.Continue c -> continueExpr(c);
            case Expr.Return r -> returnExpr(r);
            case Expr.Tuple t -> aggregate(t.elements(), ty(e), null);
            case Expr.Array a -> aggregate(a.elements(), ty(e), null);
            case Expr.Repeat r -> repeat(r);
            case Expr.StructLit s -> structLit(s);
            case Expr.Macro m -> formats.macro(m);
            default -> throw new IllegalStateException("cannot lower " + e.getClass().getSimpleName() + " at " + e.span());
        };
    }

    private Operand literal(Expr.Lit l) {
        Ty t = ty(l);
        return switch (l.value()) {
            case Literal.Int i -> new Operand.Scalar(b.iconst(reg(t), i.value().longValue()));
            case Literal.Bool x -> new Operand.Scalar(b.bool(x.value()));
            case Literal.Char c -> new Operand.Scalar(b.iconst(Type.I32, c.codePoint()));
            case Literal.Byte x -> new Operand.Scalar(b.iconst(Type.I8, x.value()));
            case Literal.Str s -> {
                byte[] bytes = s.value().getBytes(StandardCharsets.UTF_8);
                yield new Operand.Pair(b.symaddr(lowering.pool.string(s.value())), b.iconst(Type.I32, bytes.length));
            }
            case Literal.ByteStr bs -> new Operand.Scalar(b.symaddr(lowering.pool.bytes(bs.value(), 1)));
            default -> throw new IllegalStateException("literal " + l.value());
        };
    }

    private Operand path(Expr.PathExpr p) {
        Res res = typing.paths.get(p);
        Ty t = ty(p);
        return switch (res) {
            case Res.LocalRes l -> load(localAddress(l.local()), t);
            case Res.StaticRes s -> load(b.symaddr(s.info().symbol), t);
            case Res.ConstRes c -> constant(lowering.sema.consts.value(c.info()), t);
            case Res.ValueRes v -> constant(v.value(), t);
            case Res.FnRes f -> Operand.ZST;
            case Res.CtorRes c when c.variant().kind == dev.rivet.frontend.ast.Item.StructKind.UNIT ->
                    construct(c.adt(), c.variant(), List.of(), t);
            default -> throw new IllegalStateException("value path " + p.path());
        };
    }

    /** An arithmetic operand, loaded first when it is a reference to an integer or bool. */
    private Operand operand(Expr e) {
        Operand v = expr(e);
        if (v instanceof Operand.Diverged || !typing.derefOperands.contains(e)) return v;
        return load(v.scalar(), strip(((Ty.Ref) ty(e)).inner()));
    }

    private Operand unary(Expr.Unary u) {
        if (u.op() == Expr.UnOp.DEREF) return read(place(u));
        Operand v = operand(u.operand());
        if (v instanceof Operand.Diverged) return v;
        Value x = v.scalar();
        if (u.op() == Expr.UnOp.NEG) return new Operand.Scalar(b.binary(Op.SUB, b.iconst(x.type(), 0), x));
        return new Operand.Scalar(b.binary(Op.XOR, x, b.iconst(x.type(), -1)));
    }

    private Operand binary(Expr.Binary e) {
        if (e.op().isLazy()) return lazy(e);
        Operand l = operand(e.left());
        if (l instanceof Operand.Diverged) return l;
        Operand r = operand(e.right());
        if (r instanceof Operand.Diverged) return r;
        Ty lt = typing.derefOperands.contains(e.left()) ? strip(((Ty.Ref) ty(e.left())).inner()) : ty(e.left());
        if (e.op().isComparison()) return new Operand.Scalar(compare(e.op(), l, r, lt));
        return new Operand.Scalar(arithmetic(e.op(), l.scalar(), r.scalar(), lt, e.span()));
    }

    /** {@code a && b}, {@code a || b}: the right side runs only when needed. */
    private Operand lazy(Expr.Binary e) {
        Operand l = expr(e.left());
        if (l instanceof Operand.Diverged) return l;
        Value result = b.slot(1, 1);
        b.store(toMemory(l.scalar(), Ty.BOOL), result);
        dev.rivet.ir.Block right = b.newBlock(), join = b.newBlock();
        if (e.op() == Expr.BinOp.AND) b.branch(l.scalar(), right, join);
        else b.branch(l.scalar(), join, right);
        b.switchTo(right);
        Operand r = expr(e.right());
        if (!(r instanceof Operand.Diverged)) {
            b.store(toMemory(r.scalar(), Ty.BOOL), result);
            b.jump(join);
        }
        b.switchTo(join);
        return load(result, Ty.BOOL);
    }

    private Operand assign(Expr.Assign a) {
        if (typing.type(a.target()) instanceof Ty.Tuple t && t.elements().isEmpty() && a.target() instanceof Expr.PathExpr p
                && p.path().last().equals("_")) {
            expr(a.value());
            return Operand.ZST;
        }
        Operand v = expr(a.value());
        if (v instanceof Operand.Diverged) return v;
        Ty t = ty(a.target());
        if (v instanceof Operand.Mem m && !m.owned()) v = new Operand.Mem(ownedCopy(v, t), true);
        Place p = place(a.target());
        store(v, p.address(), t);
        return Operand.ZST;
    }

    private Operand compoundAssign(Expr.CompoundAssign a) {
        Operand v = operand(a.value());
        if (v instanceof Operand.Diverged) return v;
        Place p = place(a.target());
        Ty t = ty(a.target());
        Value old = read(p).scalar();
        Value r = arithmetic(a.op(), old, v.scalar(), t, a.span());
        store(new Operand.Scalar(r), p.address(), t);
        return Operand.ZST;
    }

    // ---- blocks and statements ----

    protected Operand block(Block bl) {
        for (Stmt s : bl.stmts()) {
            statement(s);
        }
        if (bl.tail() != null) return expr(bl.tail());
        if (!b.reachable()) return Operand.DIVERGED;
        boolean diverges = bl.stmts().stream().anyMatch(s -> s instanceof Stmt.ExprStmt es
                && strip(typing.type(es.expr())) instanceof Ty.Never);
        if (diverges) {
            b.trap();
            return Operand.DIVERGED;
        }
        return Operand.ZST;
    }

    private void statement(Stmt s) {
        switch (s) {
            case Stmt.Let l -> let(l);
            case Stmt.ExprStmt es -> expr(es.expr());
            default -> { }
        }
    }

    private void let(Stmt.Let l) {
        if (l.init() == null) return;
        Ty t = strip(typing.type(l.init()));
        if (typing.coercions.get(l.init()) != null) t = strip(typing.coercions.get(l.init()).target());
        // A plain binding receives the value directly in its slot.
        if (l.otherwise() == null && l.pattern() instanceof dev.rivet.frontend.ast.Pat.Ident id
                && typing.patterns.get(id) instanceof Typing.PatRes.Binding bind && !bind.byRef() && id.sub() == null) {
            Operand v = expr(l.init());
            if (v instanceof Operand.Diverged) return;
            if (v instanceof Operand.Mem m && m.owned() && !locals.containsKey(bind.local())) {
                locals.put(bind.local(), m.address()); // the fresh temporary becomes the variable: no copy
                return;
            }
            store(v, localAddress(bind.local()), strip(bind.local().type));
            return;
        }
        Operand v = expr(l.init());
        if (v instanceof Operand.Diverged) return;
        Place p = new Place(l.init() instanceof Expr.PathExpr || v instanceof Operand.Mem ? materialize(v, t) : materialize(v, t), null, t);
        if (l.otherwise() == null) {
            matchPattern(l.pattern(), p, null);
            return;
        }
        dev.rivet.ir.Block fail = b.newBlock(), ok = b.newBlock();
        matchPattern(l.pattern(), p, fail);
        b.jump(ok);
        b.switchTo(fail);
        block(l.otherwise());
        if (b.reachable()) b.trap();
        b.switchTo(ok);
    }

    // ---- control flow ----

    /** Branches on a condition, which may be {@code let PAT = value}. */
    private void condition(Expr cond, dev.rivet.ir.Block then, dev.rivet.ir.Block otherwise) {
        if (cond instanceof Expr.Let let) {
            Place p = place(let.value());
            matchPattern(let.pattern(), p, otherwise);
            b.jump(then);
            return;
        }
        Operand c = expr(cond);
        if (c instanceof Operand.Diverged) return;
        b.branch(c.scalar(), then, otherwise);
    }

    /** A slot for a control-flow expression's value, or null when it has none. */
    private Value resultSlot(Ty t) {
        Ty s = strip(t);
        if (s instanceof Ty.Never || layout(s).isZst()) return null;
        return temp(s);
    }

    private void deliver(Operand v, Value slot, Ty t, dev.rivet.ir.Block join) {
        if (v instanceof Operand.Diverged || !b.reachable()) return;
        if (slot != null) store(v, slot, strip(t));
        b.jump(join);
    }

    private Operand joined(Value slot, Ty t, dev.rivet.ir.Block join, boolean anyArrives) {
        b.switchTo(join);
        if (!anyArrives) {
            b.trap();
            return Operand.DIVERGED;
        }
        if (slot == null) return strip(t) instanceof Ty.Never ? Operand.DIVERGED : Operand.ZST;
        Operand v = load(slot, strip(t));
        return v instanceof Operand.Mem ? new Operand.Mem(slot, true) : v;
    }

    private Operand ifExpr(Expr.If i) {
        Ty t = ty(i);
        Value slot = resultSlot(t);
        dev.rivet.ir.Block then = b.newBlock(), otherwise = b.newBlock(), join = b.newBlock();
        condition(i.cond(), then, otherwise);
        b.switchTo(then);
        Operand tv = block(i.then());
        boolean arrives = b.reachable() && !(tv instanceof Operand.Diverged);
        deliver(tv, slot, t, join);
        b.switchTo(otherwise);
        if (i.otherwise() != null) {
            Operand ov = expr(i.otherwise());
            arrives |= b.reachable() && !(ov instanceof Operand.Diverged);
            deliver(ov, slot, t, join);
        } else {
            arrives = true;
            b.jump(join);
        }
        return joined(slot, t, join, arrives);
    }

    private Operand whileLoop(Expr.While w) {
        dev.rivet.ir.Block head = b.newBlock(), body = b.newBlock(), exit = b.newBlock();
        b.jump(head);
        b.switchTo(head);
        condition(w.cond(), body, exit);
        loops.push(new LoopTarget(w.label(), exit, head, null, Ty.UNIT, false));
        b.switchTo(body);
        block(w.body());
        if (b.reachable()) b.jump(head);
        loops.pop();
        b.switchTo(exit);
        return Operand.ZST;
    }

    private Operand loop(Expr.Loop l) {
        Ty t = ty(l);
        Value slot = resultSlot(t);
        dev.rivet.ir.Block body = b.newBlock(), exit = b.newBlock();
        b.jump(body);
        b.switchTo(body);
        loops.push(new LoopTarget(l.label(), exit, body, slot, t, false));
        block(l.body());
        if (b.reachable()) b.jump(body);
        loops.pop();
        return joined(slot, t, exit, !(strip(t) instanceof Ty.Never));
    }

    private Operand labeled(Expr.Labeled l) {
        Ty t = ty(l);
        Value slot = resultSlot(t);
        dev.rivet.ir.Block exit = b.newBlock();
        loops.push(new LoopTarget(l.label(), exit, null, slot, t, true));
        Operand v = block(l.block());
        loops.pop();
        deliver(v, slot, t, exit);
        return joined(slot, t, exit, true);
    }

    /**
     * {@code for pat in a..b} (and {@code ..=}, {@code .rev()}): a counter in a slot, compared
     * before each iteration; the inclusive form checks for the last value before stepping, so a
     * range ending at the type's maximum does not wrap around.
     */
    private Operand forLoop(Expr.For f) {
        dev.rivet.frontend.check.Typing.ForCollection fc = typing.forCollections.get(f);
        if (fc != null) return forCollection(f, fc);
        boolean reverse = !(f.iterable() instanceof Expr.Range);
        Expr.Range range = reverse ? (Expr.Range) ((Expr.MethodCall) f.iterable()).receiver() : (Expr.Range) f.iterable();
        Ty t = ty(range.from());
        boolean signed = signed(strip(t));
        Operand from = expr(range.from());
        Operand to = expr(range.to());
        if (from instanceof Operand.Diverged || to instanceof Operand.Diverged) return Operand.DIVERGED;
        Value counter = temp(t);
        Value start = from.scalar(), end = to.scalar();
        Type it = start.type();
        dev.rivet.ir.Block head = b.newBlock(), body = b.newBlock(), step = b.newBlock(), exit = b.newBlock();
        Cond lt = signed ? Cond.SLT : Cond.ULT, le = signed ? Cond.SLE : Cond.ULE;
        if (!reverse) {
            b.store(start, counter);
            b.jump(head);
            b.switchTo(head);
            Value i = b.load(it, counter);
            b.branch(b.icmp(range.inclusive() ? le : lt, i, end), body, exit);
        } else {
            // (a..b).rev(): from b-1 down to a; (a..=b).rev(): from b down to a
            b.store(range.inclusive() ? end : b.binary(Op.SUB, end, b.iconst(it, 1)), counter);
            dev.rivet.ir.Block nonEmpty = b.newBlock();
            b.branch(b.icmp(range.inclusive() ? lt : le, end, start), exit, nonEmpty);
            b.switchTo(nonEmpty);
            b.jump(head);
            b.switchTo(head);
            b.jump(body);
        }
        b.switchTo(body);
        Place p = new Place(counter, null, strip(t));
        matchPattern(f.pattern(), p, null);
        loops.push(new LoopTarget(f.label(), exit, step, null, Ty.UNIT, false));
        block(f.body());
        loops.pop();
        if (b.reachable()) b.jump(step);
        b.switchTo(step);
        Value i = b.load(it, counter);
        if (!reverse) {
            if (range.inclusive()) {
                dev.rivet.ir.Block inc = b.newBlock();
                b.branch(b.icmp(Cond.EQ, i, end), exit, inc);
                b.switchTo(inc);
            }
            b.store(b.binary(Op.ADD, i, b.iconst(it, 1)), counter);
            b.jump(range.inclusive() ? body : head);
        } else {
            dev.rivet.ir.Block dec = b.newBlock();
            b.branch(b.icmp(Cond.EQ, i, start), exit, dec);
            b.switchTo(dec);
            b.store(b.binary(Op.SUB, i, b.iconst(it, 1)), counter);
            b.jump(body);
        }
        b.switchTo(exit);
        return Operand.ZST;
    }

    /**
     * {@code for} over an array or slice: an index counts from 0 to the length; each element is
     * bound by value (read from its place) or by reference (its address).
     */
    private Operand forCollection(Expr.For f, dev.rivet.frontend.check.Typing.ForCollection fc) {
        // By value, the loop owns a copy: the body may change the original array.
        Place coll = fc.mode() == dev.rivet.frontend.check.Typing.ElementMode.VALUE
                ? new Place(ownedCopy(coerced(fc.collection(), expr(fc.collection())), ty(fc.collection())), null, ty(fc.collection()))
                : autoderef(place(fc.collection()), fc.derefs());
        Ty ct = strip(coll.type());
        Value length = ct instanceof Ty.Array a ? b.iconst(Type.I32, a.length()) : coll.length();
        Ty elem = strip(fc.element());
        long size = layout(elem).size();
        Value counter = b.slot(4, 4);
        dev.rivet.ir.Block head = b.newBlock(), body = b.newBlock(), step = b.newBlock(), exit = b.newBlock();
        b.store(b.iconst(Type.I32, 0), counter);
        b.jump(head);
        b.switchTo(head);
        Value i = b.load(Type.I32, counter);
        b.branch(b.icmp(Cond.ULT, i, length), body, exit);
        b.switchTo(body);
        Value at = b.ptradd(coll.address(), b.binary(Op.MUL, b.load(Type.I32, counter), b.iconst(Type.I32, size)));
        Place p;
        if (fc.mode() == dev.rivet.frontend.check.Typing.ElementMode.VALUE) {
            p = new Place(at, null, elem);
        } else {
            Ty ref = new Ty.Ref(fc.mode() == dev.rivet.frontend.check.Typing.ElementMode.MUT, elem);
            Value cell = temp(ref);
            b.store(at, cell);
            p = new Place(cell, null, ref);
        }
        matchPattern(f.pattern(), p, null);
        loops.push(new LoopTarget(f.label(), exit, step, null, Ty.UNIT, false));
        block(f.body());
        loops.pop();
        if (b.reachable()) b.jump(step);
        b.switchTo(step);
        b.store(b.binary(Op.ADD, b.load(Type.I32, counter), b.iconst(Type.I32, 1)), counter);
        b.jump(head);
        b.switchTo(exit);
        return Operand.ZST;
    }

    private Operand match(Expr.Match m) {
        Ty t = ty(m);
        Place scrut = scrutineePlace(m.scrutinee());
        if (scrut == null) return Operand.DIVERGED;
        Value slot = resultSlot(t);
        dev.rivet.ir.Block join = b.newBlock();
        boolean arrives = false;
        if (SwitchLowering.applies(this, m)) return new SwitchLowering(this).lower(m, scrut, slot, t, join);
        for (Expr.Arm arm : m.arms()) {
            dev.rivet.ir.Block next = b.newBlock();
            matchPattern(arm.pattern(), scrut, next);
            if (arm.guard() != null) {
                dev.rivet.ir.Block body = b.newBlock();
                Operand g = expr(arm.guard());
                if (!(g instanceof Operand.Diverged)) b.branch(g.scalar(), body, next);
                b.switchTo(body);
            }
            Operand v = expr(arm.body());
            arrives |= b.reachable() && !(v instanceof Operand.Diverged);
            deliver(v, slot, t, join);
            b.switchTo(next);
        }
        b.trap(); // no arm matched: impossible for an exhaustive match
        return joined(slot, t, join, arrives);
    }

    /** The scrutinee as a place: the original for place expressions (ref bindings point into it), else a temporary. */
    protected Place scrutineePlace(Expr e) {
        Operand v;
        if (isPlaceExpression(e)) return place(e);
        v = expr(e);
        if (v instanceof Operand.Diverged) return null;
        Ty t = ty(e);
        if (typing.coercions.get(e) != null) t = strip(typing.coercions.get(e).target());
        return new Place(materialize(v, t), null, t);
    }

    private boolean isPlaceExpression(Expr e) {
        return switch (e) {
            case Expr.PathExpr p -> typing.paths.get(p) instanceof Res.LocalRes || typing.paths.get(p) instanceof Res.StaticRes;
            case Expr.Field f -> true;
            case Expr.TupleField f -> true;
            case Expr.Index i -> !(i.index() instanceof Expr.Range);
            case Expr.Unary u -> u.op() == Expr.UnOp.DEREF && !(strip(ty(e)) instanceof Ty.Str) && !(strip(ty(e)) instanceof Ty.Slice);
            default -> false;
        };
    }

    private LoopTarget target(String label, boolean isContinue) {
        for (LoopTarget t : loops) {
            if (label == null && t.isBlock()) continue;
            if (label != null && !label.equals(t.label())) continue;
            return t;
        }
        throw new IllegalStateException("break target");
    }

    private Operand breakExpr(Expr.Break br) {
        LoopTarget t = target(br.label(), false);
        if (br.value() != null) {
            Operand v = expr(br.value());
            if (v instanceof Operand.Diverged) return v;
            if (t.result() != null) store(v, t.result(), strip(t.resultType()));
        }
        b.jump(t.breakTo());
        return Operand.DIVERGED;
    }

    private Operand continueExpr(Expr.Continue c) {
        b.jump(target(c.label(), true).continueTo());
        return Operand.DIVERGED;
    }

    private Operand returnExpr(Expr.Return r) {
        returnValue(r.value(), strip(fnInfo.ret));
        return Operand.DIVERGED;
    }

    // ---- aggregates ----

    /** Tuples and arrays built element by element in a temporary. */
    private Operand aggregate(List<Expr> elems, Ty type, Value into) {
        Ty t = strip(type);
        List<Operand> values = new ArrayList<>();
        for (Expr e : elems) {
            Operand v = expr(e);
            if (v instanceof Operand.Diverged) return v;
            values.add(v);
        }
        if (layout(t).isZst()) return Operand.ZST;
        Value addr = into != null ? into : temp(t);
        for (int i = 0; i < values.size(); i++) {
            Ty et = t instanceof Ty.Array a ? strip(a.element()) : strip(((Ty.Tuple) t).elements().get(i));
            long off = t instanceof Ty.Array ? i * size(et) : fieldOffset(t, i);
            store(values.get(i), b.offset(addr, off), et);
        }
        return new Operand.Mem(addr, true);
    }

    /** {@code [value; n]}: a fill for byte-sized zero-like constants, else a loop that stores each element. */
    private Operand repeat(Expr.Repeat r) {
        Ty t = strip(ty(r));
        Ty.Array a = (Ty.Array) t;
        Ty et = strip(a.element());
        Operand v = expr(r.value());
        if (v instanceof Operand.Diverged) return v;
        if (layout(t).isZst()) return Operand.ZST;
        Value addr = temp(t);
        long esize = size(et);
        if (v instanceof Operand.Scalar s && s.value() instanceof dev.rivet.ir.Inst c && c.isConst() && uniformBytes(c.imm, esize)) {
            b.fill(addr, b.iconst(Type.I8, c.imm & 0xFF), size(t), layout(t).align());
            return new Operand.Mem(addr, true);
        }
        Value value = v instanceof Operand.Mem ? materialize(v, et) : null;
        Operand elem = value != null ? new Operand.Mem(value, false) : v;
        if (a.length() <= 4) {
            for (int i = 0; i < a.length(); i++) store(elem, b.offset(addr, i * esize), et);
            return new Operand.Mem(addr, true);
        }
        Value counter = b.slot(4, 4);
        b.store(b.iconst(Type.I32, 0), counter);
        dev.rivet.ir.Block head = b.newBlock(), body = b.newBlock(), exit = b.newBlock();
        b.jump(head);
        b.switchTo(head);
        Value i = b.load(Type.I32, counter);
        b.branch(b.icmp(Cond.ULT, i, b.iconst(Type.I32, a.length())), body, exit);
        b.switchTo(body);
        Value at = b.ptradd(addr, b.binary(Op.MUL, i, b.iconst(Type.I32, esize)));
        store(elem, at, et);
        b.store(b.binary(Op.ADD, i, b.iconst(Type.I32, 1)), counter);
        b.jump(head);
        b.switchTo(exit);
        return new Operand.Mem(addr, true);
    }

    private static boolean uniformBytes(long v, long size) {
        long first = v & 0xFF;
        for (int i = 1; i < size; i++) if (((v >>> (8 * i)) & 0xFF) != first) return false;
        return true;
    }

    private Operand structLit(Expr.StructLit s) {
        Res.CtorRes ctor = typing.structs.get(s);
        Ty t = strip(ty(s));
        AdtInfo.Variant v = ctor.variant();
        Operand[] fields = new Operand[v.fields.size()];
        for (Expr.FieldInit f : s.fields()) {
            Operand x = expr(f.value());
            if (x instanceof Operand.Diverged) return x;
            fields[v.fieldIndex(f.name())] = x;
        }
        if (layout(t).isZst()) return Operand.ZST;
        Value addr = temp(t);
        if (s.base() != null) {
            Operand base = expr(s.base());
            if (base instanceof Operand.Diverged) return base;
            store(base, addr, t);
        }
        if (ctor.adt().kind == AdtInfo.Kind.UNION) {
            for (int i = 0; i < fields.length; i++) if (fields[i] != null) store(fields[i], addr, strip(v.fields.get(i).type()));
            return new Operand.Mem(addr, true);
        }
        List<Operand> all = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) all.add(fields[i]);
        if (s.base() != null) {
            for (int i = 0; i < fields.length; i++)
                if (fields[i] != null) store(fields[i], b.offset(addr, fieldOffset(t, i)), strip(v.fields.get(i).type()));
            return new Operand.Mem(addr, true);
        }
        writeVariant(ctor.adt(), v, all, addr, t);
        return new Operand.Mem(addr, true);
    }

    @Override
    protected Value localAddress(Local l) {
        Value a = locals.get(l);
        if (a == null) {
            a = temp(strip(l.type));
            locals.put(l, a);
        }
        return a;
    }
}
