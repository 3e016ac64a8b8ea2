package dev.rivet.frontend.check;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.ast.Literal;
import dev.rivet.frontend.ast.Stmt;
import dev.rivet.frontend.resolve.ModuleScope;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Ty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type inference and checking of one body, bottom-up with expected types flowing down as
 * hints (for literals, coercion sites and blocks). Expressions are dispatched here; paths,
 * calls, methods, fields, indexing and patterns are the layers below; control flow, operators,
 * casts and macros are here.
 */
final class TypeChecker extends MethodChecker {
    private final FormatChecker formats = new FormatChecker(this);

    TypeChecker(Sema sema, Env env, Ty returnType) {
        super(sema, env, returnType);
    }

    // ---- entry points ----

    Typing checkFunction(FnInfo fn) {
        push();
        List<Item.Param> params = fn.ast.params();
        int offset = fn.isMethod() ? 1 : 0;
        if (fn.isMethod()) {
            typing.selfLocal = new Local("self", fn.ast.selfMut(), fn.params.getFirst(), fn.ast.nameSpan());
            typing.selfLocal.argument = true;
            bind(typing.selfLocal);
        }
        for (int i = 0; i < params.size(); i++) {
            Map<String, Local> names = new LinkedHashMap<>();
            pattern(params.get(i).pattern(), fn.params.get(i + offset), Mode.MOVE, names);
            requireIrrefutable(params.get(i).pattern(), fn.params.get(i + offset), "function argument");
            names.values().forEach(local -> local.argument = true);
            names.values().forEach(this::bind);
        }
        Ty body = block(fn.ast.body(), fn.ret);
        Expr tail = fn.ast.body().tail();
        if (tail != null) coerce(tail, typing.type(tail), fn.ret);
        else if (!(shallow(body) instanceof Ty.Never) && !Ty.isUnit(fn.ret) && !(shallow(fn.ret) instanceof Ty.Never)
                && !isError(fn.ret))
            mismatch(fn.ast.body().span(), fn.ret, Ty.UNIT);
        pop();
        return finish();
    }

    /** A constant initialiser, array length or discriminant, of type {@code type}. */
    Typing checkConstant(Expr e, Ty type) {
        push();
        checkCoerce(e, type);
        pop();
        return finish();
    }

    private Typing finish() {
        // in source order: the map is by identity, and diagnostics must come out the same every run
        List<Expr.Lit> literals = new ArrayList<>();
        for (Expr e : typing.types.keySet()) if (e instanceof Expr.Lit lit && lit.value() instanceof Literal.Int) literals.add(lit);
        literals.sort(java.util.Comparator.comparingInt(l -> l.span().start()));
        for (Expr.Lit lit : literals) literalRange(lit, (Literal.Int) lit.value(), Infer.resolve(typing.types.get(lit), true));
        untypedLocals();
        unsizedLocals();
        typing.finish();
        checkExhaustive();
        return typing;
    }

    /**
     * A binding whose type nothing determined ({@code let x;} never assigned): rustc's E0282,
     * reported for the first such binding only, as the others usually follow from it.
     */
    private void untypedLocals() {
        typing.patterns.values().stream()
                .filter(p -> p instanceof Typing.PatRes.Binding b && Infer.hasUnresolved(Infer.resolve(b.local().type, true)))
                .map(p -> ((Typing.PatRes.Binding) p).local())
                .min(java.util.Comparator.comparingInt(l -> l.span.start()))
                .ifPresent(l -> error(l.span, "type annotations needed: consider giving `" + l.name + "` an explicit type"));
    }

    /** A binding of type {@code str} or {@code [T]} (from {@code *s} or {@code a[1..]}): rustc's E0277, each in source order. */
    private void unsizedLocals() {
        typing.patterns.values().stream()
                .filter(p -> p instanceof Typing.PatRes.Binding b && Infer.resolve(b.local().type, true) instanceof Ty t
                        && (t instanceof Ty.Str || t instanceof Ty.Slice))
                .map(p -> ((Typing.PatRes.Binding) p).local())
                .sorted(java.util.Comparator.comparingInt(l -> l.span.start()))
                .forEach(l -> sema.diags.add(dev.rivet.frontend.Diagnostic.error(l.span, "E0277", "the size for values of type `"
                        + Ty.show(l.type) + "` cannot be known at compilation time").withLabel("doesn't have a size known at compile-time")));
    }

    private void literalRange(Expr.Lit lit, Literal.Int i, Ty t) {
        if (!(t instanceof Ty.Int ti)) return;
        if (typing.negatedLiterals.contains(lit) && !ti.kind().signed) return; // the negation is the error, reported already
        BigInteger v = typing.negatedLiterals.contains(lit) ? i.value().negate() : i.value();
        if (!ti.kind().fits(v)) error(lit.span(), "literal out of range for `" + ti.kind().name + "`");
    }

    // ---- expressions ----

    @Override
    Ty check(Expr e, Ty expected) {
        Ty t = switch (e) {
            case Expr.Lit l -> literal(l, expected);
            case Expr.PathExpr p -> pathExpr(p);
            case Expr.Unary u -> unary(u, expected);
            case Expr.Binary b -> binary(b, expected);
            case Expr.Assign a -> assign(a);
            case Expr.CompoundAssign a -> compoundAssign(a);
            case Expr.Cast c -> cast(c);
            case Expr.AddrOf a -> addrOf(a, expected);
            case Expr.Call c -> call(c, expected);
            case Expr.MethodCall m -> methodCall(m);
            case Expr.Field f -> field(f);
            case Expr.TupleField f -> tupleField(f);
            case Expr.Index i -> index(i);
            case Expr.Range r -> unsupported(r.span(), "ranges as values (use them in `for` loops and slicing)");
            case Expr.BlockExpr b -> block(b.block(), expected);
            case Expr.Unsafe u -> block(u.block(), expected);
            case Expr.If i -> ifExpr(i, expected);
            case Expr.Let l -> error(l.span(), "expected expression, found `let` statement");
            case Expr.While w -> whileLoop(w);
            case Expr.Loop l -> loop(l, expected);
            case Expr.For f -> forLoop(f);
            case Expr.Labeled l -> labeled(l, expected);
            case Expr.Match m -> match(m, expected);
            case Expr.Break b -> breakExpr(b);
            case Expr.Continue c -> continueExpr(c);
            case Expr.Return r -> returnExpr(r);
            case Expr.Tuple tu -> tuple(tu, expected);
            case Expr.Array a -> array(a, expected);
            case Expr.Repeat r -> repeat(r, expected);
            case Expr.StructLit s -> structLit(s);
            case Expr.Closure c -> unsupported(c.span(), "closures (tier 2)");
            case Expr.Try tr -> unsupported(tr.span(), "the `?` operator (tier 2)");
            case Expr.Async a -> unsupported(a.span(), "async and await");
            case Expr.Macro m -> macro(m, expected);
            case Expr.MacroCall m -> unsupported(m.span(), "macro `" + m.path() + "!`");
        };
        typing.types.put(e, t);
        return t;
    }

    private Ty literal(Expr.Lit l, Ty expected) {
        return switch (l.value()) {
            case Literal.Int i -> {
                if (!i.suffix().isEmpty()) {
                    IntKind k = IntKind.byName(i.suffix());
                    if (k.bits > 64) yield unsupported(l.span(), "128-bit integers (tier 3)");
                    yield new Ty.Int(k);
                }
                if (expected != null && isInt(expected)) yield expected;
                yield infer.freshInt();
            }
            case Literal.Bool b -> Ty.BOOL;
            case Literal.Char c -> Ty.CHAR;
            case Literal.Byte b -> Ty.U8;
            case Literal.Str s -> Ty.STR_REF;
            case Literal.ByteStr b -> Ty.ref(new Ty.Array(Ty.U8, b.value().length));
            case Literal.Float f -> unsupported(l.span(), "floating-point numbers (tier 3)");
            case Literal.CStr c -> unsupported(l.span(), "C string literals");
        };
    }

    private Ty unary(Expr.Unary u, Ty expected) {
        switch (u.op()) {
            case NEG -> {
                if (u.operand() instanceof Expr.Lit lit && lit.value() instanceof Literal.Int) typing.negatedLiterals.add(lit);
                Ty t = operand(u.operand(), expected);
                Ty s = shallow(t);
                if (s instanceof Ty.Int i && !i.kind().signed)
                    return error(u.span(), "cannot apply unary operator `-` to type `" + i.kind().name + "`");
                if (!isInt(t) && !isError(t)) return error(u.span(), "cannot apply unary operator `-` to type `" + Ty.show(t) + "`");
                return t;
            }
            case NOT -> {
                Ty t = operand(u.operand(), expected);
                if (!isInt(t) && !(shallow(t) instanceof Ty.Bool) && !isError(t) && !(shallow(t) instanceof Ty.Never))
                    return error(u.span(), "cannot apply unary operator `!` to type `" + Ty.show(t) + "`");
                return t;
            }
            default -> {
                Ty t = shallow(check(u.operand(), null));
                if (t instanceof Ty.Ref r) return r.inner();
                if (t instanceof Ty.Ptr p) return p.inner();
                if (isError(t)) return t;
                return error(u.span(), "type `" + Ty.show(t) + "` cannot be dereferenced");
            }
        }
    }

    private Ty binary(Expr.Binary b, Ty expected) {
        Expr.BinOp op = b.op();
        if (op.isLazy()) {
            checkCoerce(b.left(), Ty.BOOL);
            checkCoerce(b.right(), Ty.BOOL);
            return Ty.BOOL;
        }
        if (op.isComparison()) {
            Ty l = check(b.left(), null);
            Ty r = check(b.right(), l);
            if (!unifyCompared(b.right(), l, r)) {
                mismatch(b.right().span(), l, r);
                return Ty.BOOL;
            }
            if (!comparable(l, op == Expr.BinOp.EQ || op == Expr.BinOp.NE))
                error(b.span(), "binary operation `" + op.symbol + "` cannot be applied to type `" + Ty.show(l) + "`");
            return Ty.BOOL;
        }
        Ty hint = expected != null && (isInt(expected) || shallow(expected) instanceof Ty.Bool) ? expected : null;
        Ty l = operand(b.left(), hint);
        if (op == Expr.BinOp.SHL || op == Expr.BinOp.SHR) {
            Ty r = operand(b.right(), null);
            if (!isInt(l) && !isError(l)) return error(b.span(), cannot(op, l, r));
            if (!isInt(r) && !isError(r)) return error(b.right().span(), "shift amount must be an integer");
            return l;
        }
        Ty r = operand(b.right(), l);
        if (!infer.unify(l, r)) {
            if (!isError(l) && !isError(r)) error(b.span(), cannot(op, l, r));
            return Ty.ERROR;
        }
        boolean bitwise = op == Expr.BinOp.BIT_AND || op == Expr.BinOp.BIT_OR || op == Expr.BinOp.BIT_XOR;
        if (!isInt(l) && !(bitwise && shallow(l) instanceof Ty.Bool) && !isError(l)) return error(b.span(), cannot(op, l, r));
        return l;
    }

    /** The right side of {@code ==} and friends takes the left's type; a diverging one ({@code x == return}) coerces to it. */
    private boolean unifyCompared(Expr right, Ty l, Ty r) {
        if (!(shallow(r) instanceof Ty.Never) || shallow(l) instanceof Ty.Never) return infer.unify(l, r);
        coerce(right, r, l);
        return true;
    }

    /**
     * An arithmetic operand. The standard library implements the operators for references to
     * integers and bools too ({@code &u32 * u32}); such an operand is recorded to be loaded first.
     */
    private Ty operand(Expr e, Ty hint) {
        Ty t = check(e, hint);
        if (shallow(t) instanceof Ty.Ref r && (isInt(r.inner()) || shallow(r.inner()) instanceof Ty.Bool)) {
            typing.derefOperands.add(e);
            return r.inner();
        }
        return t;
    }

    /** rustc's wording for an operator its operand types do not support. */
    private static String cannot(Expr.BinOp op, Ty l, Ty r) {
        String a = "`" + Ty.show(l) + "`", b = "`" + Ty.show(r) + "`";
        return switch (op) {
            case ADD -> "cannot add " + b + " to " + a;
            case SUB -> "cannot subtract " + b + " from " + a;
            case MUL -> "cannot multiply " + a + " by " + b;
            case DIV -> "cannot divide " + a + " by " + b;
            case REM -> "cannot calculate the remainder of " + a + " divided by " + b;
            default -> "no implementation for " + a + " " + op.symbol + " " + b;
        };
    }

    /** Types rivet can compare: integers, bool, char, raw pointers, str, and references/arrays/tuples of those (==). */
    private boolean comparable(Ty t, boolean equality) {
        return comparable(t, equality, new java.util.HashSet<>());
    }

    /** {@code seen}: the ADTs on the way here, so that a type reached through itself counts as comparable. */
    private boolean comparable(Ty t, boolean equality, java.util.Set<AdtInfo> seen) {
        Ty s = shallow(t);
        return switch (s) {
            case Ty.Int i -> true;
            case Ty.Var v -> true;
            case Ty.Bool b -> true;
            case Ty.Char c -> true;
            case Ty.Ptr p -> true;
            case Ty.Error e -> true;
            case Ty.Str str -> equality;
            case Ty.Ref r -> comparable(r.inner(), equality, seen);
            case Ty.Array a -> equality && comparable(a.element(), true, seen) && !(shallow(a.element()) instanceof Ty.Ref);
            case Ty.Slice sl -> equality && comparable(sl.element(), true, seen) && !(shallow(sl.element()) instanceof Ty.Ref);
            case Ty.Tuple tu -> equality && tu.elements().stream().allMatch(e -> comparable(e, true, seen));
            // == on a struct or enum that derives PartialEq: field by field, as the derived impl does.
            case Ty.Adt a -> equality && derivesPartialEq(a.def()) && (!seen.add(a.def())
                    || a.def().variants.stream().allMatch(v -> v.fields.stream().allMatch(f -> comparable(f.type(), true, seen))));
            default -> false;
        };
    }

    private static boolean derivesPartialEq(AdtInfo adt) {
        List<dev.rivet.frontend.ast.Attribute> attrs = switch (adt.ast) {
            case dev.rivet.frontend.ast.Item.Struct st -> st.attrs();
            case dev.rivet.frontend.ast.Item.Enum en -> en.attrs();
            default -> List.of();
        };
        return attrs.stream().anyMatch(at -> at.name().equals("derive") && at.words().contains("PartialEq"));
    }

    private Ty assign(Expr.Assign a) {
        if (a.target() instanceof Expr.PathExpr p && p.path().isSingle() && p.path().last().equals("_")) {
            check(a.value(), null);
            typing.types.put(a.target(), Ty.UNIT);
            return Ty.UNIT;
        }
        Ty t = check(a.target(), null);
        requirePlace(a.target());
        checkCoerce(a.value(), t);
        mutability.assign(a.target());
        return Ty.UNIT;
    }

    private Ty compoundAssign(Expr.CompoundAssign a) {
        Ty t = check(a.target(), null);
        requirePlace(a.target());
        mutability.assign(a.target());
        if (a.op() == Expr.BinOp.SHL || a.op() == Expr.BinOp.SHR) {
            Ty r = operand(a.value(), null);
            if ((!isInt(t) && !isError(t)) || (!isInt(r) && !isError(r)))
                error(a.span(), "binary assignment operation `" + a.op().symbol + "=` cannot be applied to type `" + Ty.show(t) + "`");
            return Ty.UNIT;
        }
        Ty r = operand(a.value(), t);
        boolean bitwise = a.op() == Expr.BinOp.BIT_AND || a.op() == Expr.BinOp.BIT_OR || a.op() == Expr.BinOp.BIT_XOR;
        if (!infer.unify(t, r)) mismatch(a.value().span(), t, r);
        else if (!isInt(t) && !(bitwise && shallow(t) instanceof Ty.Bool) && !isError(t))
            error(a.span(), "binary assignment operation `" + a.op().symbol + "=` cannot be applied to type `" + Ty.show(t) + "`");
        return Ty.UNIT;
    }

    /** Assignment targets must be places: locals, statics, fields, index, deref. */
    private void requirePlace(Expr e) {
        boolean place = switch (e) {
            case Expr.PathExpr p -> typing.paths.get(p) instanceof Res.LocalRes || typing.paths.get(p) instanceof Res.StaticRes
                    || typing.paths.get(p) == null;
            case Expr.Field f -> true;
            case Expr.TupleField f -> true;
            case Expr.Index i -> true;
            case Expr.Unary u -> u.op() == Expr.UnOp.DEREF;
            default -> false;
        };
        if (!place) error(e.span(), "invalid left-hand side of assignment");
    }

    private Ty cast(Expr.Cast c) {
        Ty target = sema.types.resolve(c.type(), env);
        Ty from = check(c.operand(), literalCastType(c.operand(), shallow(target)));
        Ty f = shallow(from), t = shallow(target);
        if (isError(f) || isError(t) || f instanceof Ty.Never) return target;
        if (t instanceof Ty.Ptr tp && isUnsized(tp.inner()) && !fatPointerCast(c, f, tp)) return target;
        if (t instanceof Ty.Int && f instanceof Ty.Ptr fp && isUnsized(fp.inner()))
            return error(c.span(), "casting `" + Ty.show(from) + "` as `" + Ty.show(target) + "` is invalid");
        boolean ok = switch (t) {
            case Ty.Int ti -> f instanceof Ty.Int || f instanceof Ty.Var || f instanceof Ty.Bool || f instanceof Ty.Char
                    || (f instanceof Ty.Adt a && a.def().isFieldless()) || f instanceof Ty.Ptr || f instanceof Ty.FnItem
                    || f instanceof Ty.FnPtr;
            case Ty.Char tc -> f instanceof Ty.Int fi && fi.kind() == IntKind.U8
                    || (f instanceof Ty.Var v && infer.unify(v, Ty.U8));
            case Ty.Ptr tp -> f instanceof Ty.Ptr || f instanceof Ty.Int || f instanceof Ty.Var
                    || (f instanceof Ty.Ref fr && castRefToPtr(fr, tp)) || f instanceof Ty.FnItem;
            case Ty.FnPtr fp -> f instanceof Ty.FnItem;
            default -> infer.unify(f, t);
        };
        if (!ok) error(c.span(), "non-primitive cast: `" + Ty.show(from) + "` as `" + Ty.show(target) + "`");
        return target;
    }

    /**
     * The type an unsuffixed integer literal (or its negation) takes as a cast's operand, as in
     * rustc: the cast's integer type ({@code 0x8000_0000 as u32} is a u32, {@code 300 as u8} out
     * of range, {@code -1 as u32} an error), u8 before {@code as char}, usize before a pointer.
     */
    private static Ty literalCastType(Expr operand, Ty target) {
        Expr e = operand instanceof Expr.Unary u && u.op() == Expr.UnOp.NEG ? u.operand() : operand;
        if (!(e instanceof Expr.Lit lit && lit.value() instanceof Literal.Int i && i.suffix().isEmpty())) return null;
        return switch (target) {
            case Ty.Int t -> t;
            case Ty.Char ch -> Ty.U8;
            case Ty.Ptr p -> Ty.USIZE;
            default -> null;
        };
    }

    private boolean isUnsized(Ty t) {
        Ty s = shallow(t);
        return s instanceof Ty.Str || s instanceof Ty.Slice;
    }

    /**
     * A cast to a pointer to a slice or str needs a pointer or reference that carries a length
     * too. To str only from str: rivet's str values come from literals (Debug's escapes rely on it).
     */
    private boolean fatPointerCast(Expr.Cast c, Ty from, Ty.Ptr to) {
        Ty pointee = from instanceof Ty.Ptr fp ? fp.inner() : from instanceof Ty.Ref fr ? fr.inner() : null;
        if (pointee == null || !isUnsized(pointee)) {
            error(c.span(), "cannot cast thin pointer `" + Ty.show(from) + "` to fat pointer `" + Ty.show(to) + "`");
            return false;
        }
        if (shallow(to.inner()) instanceof Ty.Str && !(shallow(pointee) instanceof Ty.Str)) {
            unsupported(c.span(), "casting a pointer to `" + Ty.show(to) + "` (str values come from literals in rivet's subset)");
            return false;
        }
        return true;
    }

    /** {@code &T as *const T}, and {@code &[T; N] as *const T} (the array's first element). */
    private boolean castRefToPtr(Ty.Ref from, Ty.Ptr to) {
        Ty fi = shallow(from.inner());
        if (fi instanceof Ty.Array a && !(shallow(to.inner()) instanceof Ty.Array) && infer.unify(a.element(), to.inner())) return true;
        return infer.unify(from.inner(), to.inner());
    }

    private Ty addrOf(Expr.AddrOf a, Ty expected) {
        Ty hint = null;
        if (expected != null && shallow(expected) instanceof Ty.Ref r) hint = r.inner();
        Ty inner = check(a.operand(), hint);
        if (a.mutable()) mutability.borrow(a.operand(), a.span());
        if (a.raw()) return new Ty.Ptr(a.mutable(), inner);
        return new Ty.Ref(a.mutable(), inner);
    }

    private Ty tuple(Expr.Tuple t, Ty expected) {
        List<Ty> hints = expected != null && shallow(expected) instanceof Ty.Tuple et && et.elements().size() == t.elements().size()
                ? et.elements() : null;
        List<Ty> types = new java.util.ArrayList<>();
        for (int i = 0; i < t.elements().size(); i++) {
            Expr e = t.elements().get(i);
            types.add(hints != null ? checkCoerce(e, hints.get(i)) : check(e, null));
        }
        return new Ty.Tuple(types);
    }

    private Ty elementHint(Ty expected) {
        if (expected == null) return null;
        Ty s = shallow(expected);
        if (s instanceof Ty.Array a) return a.element();
        if (s instanceof Ty.Slice sl) return sl.element();
        return null;
    }

    private Ty array(Expr.Array a, Ty expected) {
        Ty elem = elementHint(expected);
        if (elem == null) elem = infer.fresh();
        for (Expr e : a.elements()) checkCoerce(e, elem);
        return new Ty.Array(elem, a.elements().size());
    }

    private Ty repeat(Expr.Repeat r, Ty expected) {
        Ty elem = elementHint(expected);
        Ty t = elem != null ? checkCoerce(r.value(), elem) : check(r.value(), null);
        long n = sema.consts.arrayLength(r.count(), env);
        typing.types.put(r.count(), Ty.USIZE);
        return n < 0 ? Ty.ERROR : new Ty.Array(t, n);
    }

    // ---- blocks and statements ----

    @Override
    Ty block(Block b, Ty expected) {
        ModuleScope blockScope = sema.blockScopes.get(b);
        Env saved = env;
        if (blockScope != null) env = env.withScope(blockScope);
        push();
        boolean diverges = false;
        try {
            for (Stmt s : b.stmts()) diverges |= statement(s);
            if (b.tail() != null) return check(b.tail(), expected);
            return diverges ? Ty.NEVER : Ty.UNIT;
        } finally {
            pop();
            env = saved;
        }
    }

    /** Checks a statement; returns true if it diverges. */
    private boolean statement(Stmt s) {
        switch (s) {
            case Stmt.Let l -> {
                return let(l);
            }
            case Stmt.ExprStmt es -> {
                Ty t = check(es.expr(), es.semi() ? null : Ty.UNIT);
                if (!es.semi() && !Ty.isUnit(t) && !(shallow(t) instanceof Ty.Never) && !isError(t)
                        && !(shallow(t) instanceof Ty.Var))
                    mismatch(es.expr().span(), Ty.UNIT, t);
                if (!es.semi() && shallow(t) instanceof Ty.Var) infer.unify(t, Ty.UNIT);
                return shallow(t) instanceof Ty.Never;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean let(Stmt.Let l) {
        Ty declared = l.type() != null ? sema.types.resolve(l.type(), env) : null;
        Ty t;
        boolean diverges = false;
        if (l.init() != null) {
            t = declared != null ? checkCoerce(l.init(), declared) : check(l.init(), null);
            diverges = shallow(typing.type(l.init())) instanceof Ty.Never;
        } else {
            t = declared != null ? declared : infer.fresh();
        }
        if (l.otherwise() != null) {
            Ty e = block(l.otherwise(), null);
            if (!(shallow(e) instanceof Ty.Never)) error(l.otherwise().span(), "`else` clause of `let...else` does not diverge");
        }
        Map<String, Local> names = new LinkedHashMap<>();
        pattern(l.pattern(), t, Mode.MOVE, names);
        if (l.otherwise() == null) requireIrrefutable(l.pattern(), t, "local binding");
        if (l.init() == null) names.values().forEach(local -> local.deferredInit = true);
        names.values().forEach(this::bind);
        return diverges;
    }

    // ---- control flow ----

    private Ty condition(Expr cond, Map<String, Local> bindings) {
        if (cond instanceof Expr.Let let) {
            Ty t = check(let.value(), null);
            pattern(let.pattern(), t, Mode.MOVE, bindings);
            typing.types.put(cond, Ty.BOOL);
            return Ty.BOOL;
        }
        return checkCoerce(cond, Ty.BOOL);
    }

    private Ty ifExpr(Expr.If i, Ty expected) {
        Map<String, Local> bindings = new LinkedHashMap<>();
        condition(i.cond(), bindings);
        push();
        bindings.values().forEach(this::bind);
        Ty then = block(i.then(), i.otherwise() == null ? Ty.UNIT : expected);
        pop();
        if (i.otherwise() == null) {
            if (!Ty.isUnit(then) && !(shallow(then) instanceof Ty.Never) && !isError(then)) {
                if (shallow(then) instanceof Ty.Var) infer.unify(then, Ty.UNIT);
                else error(i.then().span(), "`if` may be missing an `else` clause: expected `()`, found `" + Ty.show(then) + "`");
            }
            return Ty.UNIT;
        }
        Ty other = check(i.otherwise(), expected != null ? expected : then);
        return join(i.then().tail() != null ? i.then().tail() : null, then, i.otherwise(), other, i.span());
    }

    /** The common type of two branches, with `!` coercing to the other. */
    private Ty join(Expr a, Ty ta, Expr b, Ty tb, Span span) {
        if (shallow(ta) instanceof Ty.Never) {
            if (a != null && !(shallow(tb) instanceof Ty.Never)) typing.coercions.put(a, new Coercion(Coercion.Kind.NEVER, tb));
            return tb;
        }
        if (shallow(tb) instanceof Ty.Never) {
            typing.coercions.put(b, new Coercion(Coercion.Kind.NEVER, ta));
            return ta;
        }
        coerce(b, tb, ta);
        return ta;
    }

    private Ty whileLoop(Expr.While w) {
        Map<String, Local> bindings = new LinkedHashMap<>();
        condition(w.cond(), bindings);
        loops.push(new LoopCtx(w.label(), Ty.UNIT, LoopCtx.Kind.WHILE));
        push();
        bindings.values().forEach(this::bind);
        block(w.body(), Ty.UNIT);
        pop();
        loops.pop();
        return Ty.UNIT;
    }

    private Ty loop(Expr.Loop l, Ty expected) {
        LoopCtx ctx = new LoopCtx(l.label(), expected != null ? expected : infer.fresh(), LoopCtx.Kind.LOOP);
        loops.push(ctx);
        block(l.body(), Ty.UNIT);
        loops.pop();
        return ctx.broken ? ctx.breakType : Ty.NEVER;
    }

    private Ty labeled(Expr.Labeled l, Ty expected) {
        LoopCtx ctx = new LoopCtx(l.label(), expected != null ? expected : infer.fresh(), LoopCtx.Kind.BLOCK);
        loops.push(ctx);
        Ty t = block(l.block(), ctx.breakType);
        loops.pop();
        if (l.block().tail() != null) coerce(l.block().tail(), t, ctx.breakType);
        else if (!(shallow(t) instanceof Ty.Never)) infer.unify(ctx.breakType, Ty.UNIT);
        return ctx.breakType;
    }

    /** {@code for} over {@code a..b}, {@code a..=b} and {@code (a..b).rev()} (the tier-1 forms). */
    private Ty forLoop(Expr.For f) {
        Expr iter = f.iterable();
        Expr.Range range = null;
        if (iter instanceof Expr.Range r) range = r;
        else if (iter instanceof Expr.MethodCall m && m.method().equals("rev") && m.args().isEmpty() && m.receiver() instanceof Expr.Range r)
            range = r;
        if (range == null || range.from() == null) return forCollection(f);
        if (range.to() == null) {
            check(range.from(), null);
            unsupported(range.span(), "`for` over an unbounded range");
            return forBody(f, Ty.ERROR);
        }
        Ty elem = check(range.from(), null);
        if (range.to() != null) checkCoerce(range.to(), elem);
        if (!isInt(elem) && !(shallow(elem) instanceof Ty.Char) && !isError(elem))
            error(range.span(), "`for` over a range of `" + Ty.show(elem) + "` is not supported");
        typing.types.put(range, Ty.UNIT);
        if (iter != range) typing.types.put(iter, Ty.UNIT);
        return forBody(f, elem);
    }

    /**
     * {@code for} over an array (elements by value), a reference to an array or slice, or
     * {@code .iter()} / {@code .iter_mut()} of one (elements by reference).
     */
    private Ty forCollection(Expr.For f) {
        Expr iter = f.iterable();
        Expr collection = iter;
        Typing.ElementMode mode = null;
        if (iter instanceof Expr.MethodCall m && m.args().isEmpty() && (m.method().equals("iter") || m.method().equals("iter_mut"))) {
            collection = m.receiver();
            mode = m.method().equals("iter") ? Typing.ElementMode.REF : Typing.ElementMode.MUT;
        }
        Ty t = check(collection, null);
        int derefs = 0;
        Ty at = shallow(t);
        boolean viaMutRef = true;
        while (at instanceof Ty.Ref r) {
            viaMutRef &= r.mutable();
            at = shallow(r.inner());
            derefs++;
        }
        Ty element = at instanceof Ty.Array a ? a.element() : at instanceof Ty.Slice sl ? sl.element() : null;
        if (mode == null && element != null) {
            if (derefs == 0 && at instanceof Ty.Array) mode = Typing.ElementMode.VALUE;
            else if (derefs > 0) mode = viaMutRef ? Typing.ElementMode.MUT : Typing.ElementMode.REF;
        }
        Ty bound = Ty.ERROR;
        if (element == null || mode == null) {
            if (!isError(t)) unsupported(iter.span(), "`for` over `" + Ty.show(t) + "` (only integer ranges, arrays and slices; iterators are tier 2)");
        } else {
            bound = mode == Typing.ElementMode.VALUE ? element : new Ty.Ref(mode == Typing.ElementMode.MUT, element);
            typing.forCollections.put(f, new Typing.ForCollection(collection, derefs, mode, element));
            if (iter != collection) typing.types.put(iter, Ty.UNIT);
        }
        return forBody(f, bound);
    }

    /** Binds the loop pattern to {@code element} and checks the body. */
    private Ty forBody(Expr.For f, Ty element) {
        Map<String, Local> names = new LinkedHashMap<>();
        pattern(f.pattern(), element, Mode.MOVE, names);
        requireIrrefutable(f.pattern(), element, "`for` loop binding");
        loops.push(new LoopCtx(f.label(), Ty.UNIT, LoopCtx.Kind.WHILE));
        push();
        names.values().forEach(this::bind);
        block(f.body(), Ty.UNIT);
        pop();
        loops.pop();
        return Ty.UNIT;
    }

    private Ty match(Expr.Match m, Ty expected) {
        Ty scrutinee = check(m.scrutinee(), null);
        if (shallow(scrutinee) instanceof Ty.Never) scrutinee = infer.fresh(); // `match return x { .. }`: the arms never run
        Ty result = null;
        Expr first = null;
        for (Expr.Arm arm : m.arms()) {
            Map<String, Local> names = new LinkedHashMap<>();
            pattern(arm.pattern(), scrutinee, Mode.MOVE, names);
            push();
            names.values().forEach(this::bind);
            if (arm.guard() != null) checkCoerce(arm.guard(), Ty.BOOL);
            Ty t = check(arm.body(), expected != null ? expected : result);
            pop();
            if (result == null || shallow(result) instanceof Ty.Never) {
                if (result != null && first != null && !(shallow(t) instanceof Ty.Never))
                    typing.coercions.put(first, new Coercion(Coercion.Kind.NEVER, t));
                if (result == null || !(shallow(t) instanceof Ty.Never)) {
                    result = t;
                    first = arm.body();
                }
            } else {
                coerce(arm.body(), t, result);
            }
        }
        exhaustive.add(new Exhaustiveness.Site.Match(m, scrutinee));
        if (result == null) return Ty.NEVER;
        return result;
    }

    /** The loop a break or continue leaves: by label, or the innermost loop (labelled blocks need a label). */
    private LoopCtx findLoop(String label, Span span, boolean isContinue) {
        for (LoopCtx l : loops) {
            if (label == null && l.kind == LoopCtx.Kind.BLOCK) continue;
            if (label != null && !label.equals(l.label)) continue;
            if (isContinue && l.kind == LoopCtx.Kind.BLOCK) {
                error(span, "`continue` pointing to a labeled block");
                return null;
            }
            return l;
        }
        error(span, label != null ? "use of undeclared label `" + label + "`"
                : "`" + (isContinue ? "continue" : "break") + "` outside of a loop");
        return null;
    }

    private Ty breakExpr(Expr.Break b) {
        LoopCtx l = findLoop(b.label(), b.span(), false);
        if (l == null) return Ty.NEVER;
        l.broken = true;
        if (b.value() != null) {
            if (l.kind == LoopCtx.Kind.WHILE) error(b.span(), "`break` with value from a `while` or `for` loop");
            else checkCoerce(b.value(), l.breakType);
        } else if (l.kind != LoopCtx.Kind.WHILE) {
            expect(b.span(), l.breakType, Ty.UNIT);
        }
        return Ty.NEVER;
    }

    private Ty continueExpr(Expr.Continue c) {
        findLoop(c.label(), c.span(), true);
        return Ty.NEVER;
    }

    private Ty returnExpr(Expr.Return r) {
        if (r.value() != null) checkCoerce(r.value(), returnType);
        else if (!Ty.isUnit(returnType) && !isError(returnType)) mismatch(r.span(), returnType, Ty.UNIT);
        return Ty.NEVER;
    }

    // ---- macros ----

    private Ty macro(Expr.Macro m, Ty expected) {
        switch (m.name()) {
            case "print", "println", "eprint", "eprintln" -> {
                FormatPlan plan = formats.check(m, 0);
                if (plan != null) typing.formats.put(m, plan);
                return Ty.UNIT;
            }
            case "panic", "unreachable", "todo", "unimplemented" -> {
                FormatPlan plan = formats.check(m, 0);
                if (plan != null) typing.formats.put(m, plan);
                return Ty.NEVER;
            }
            case "assert", "debug_assert" -> {
                if (m.args().isEmpty()) return error(m.span(), "the `" + m.name() + "!` macro needs a boolean expression");
                checkCoerce(m.args().getFirst(), Ty.BOOL);
                FormatPlan plan = formats.check(m, 1);
                if (plan != null) typing.formats.put(m, plan);
                return Ty.UNIT;
            }
            case "assert_eq", "assert_ne", "debug_assert_eq", "debug_assert_ne" -> {
                if (m.args().size() < 2) return error(m.span(), "the `" + m.name() + "!` macro needs two arguments");
                Ty l = check(m.args().get(0), null);
                Ty r = check(m.args().get(1), l);
                if (!unifyCompared(m.args().get(1), l, r)) mismatch(m.args().get(1).span(), l, r);
                else if (!comparable(l, true)) error(m.span(), "binary operation `==` cannot be applied to type `" + Ty.show(l) + "`");
                FormatPlan plan = formats.check(m, 2);
                if (plan != null) typing.formats.put(m, plan);
                return Ty.UNIT;
            }
            case "matches" -> {
                Ty t = check(m.args().getFirst(), null);
                Map<String, Local> names = new LinkedHashMap<>();
                pattern(m.pattern(), t, Mode.MOVE, names);
                if (m.guard() != null) {
                    push();
                    names.values().forEach(this::bind);
                    checkCoerce(m.guard(), Ty.BOOL);
                    pop();
                }
                return Ty.BOOL;
            }
            case "line", "column" -> {
                return Ty.U32;
            }
            case "file" -> {
                return Ty.STR_REF;
            }
            default -> {
                m.args().forEach(a -> check(a, null));
                return unsupported(m.span(), "`" + m.name() + "!` (needs tier-2 features)");
            }
        }
    }
}
