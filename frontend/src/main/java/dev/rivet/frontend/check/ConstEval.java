package dev.rivet.frontend.check;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.ast.Literal;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.ast.Stmt;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstInfo;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.StaticInfo;
import dev.rivet.frontend.types.Ty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compile-time evaluation of consts, statics, array lengths and discriminants. The expression
 * is type-checked like any body first, then evaluated over its typing: literals, arithmetic
 * (overflow and division by zero are errors, as in rustc's const evaluation), casts, other
 * constants, references to data, aggregates, blocks with {@code let}, {@code if} and
 * {@code size_of}. A static is a place: {@code &STATIC}, {@code &TABLE[1].field} and {@code &*p}
 * (with p pointing into a static) become {@link ConstValue.StaticRef}s to the place, so the
 * address is the static's own and a slice made from it keeps the array's length; reading a
 * static yields its initial value, as rustc's constant evaluation does.
 */
public final class ConstEval {
    /** Thrown when evaluation cannot go on; the error is reported already. */
    private static final class Failed extends RuntimeException {
        Failed() {
            super(null, null, false, false);
        }
    }

    private final Sema sema;

    ConstEval(Sema sema) {
        this.sema = sema;
    }

    /** An array length: a usize constant; -1 after an error. */
    public long arrayLength(Expr e, Env env) {
        ConstValue v = evaluate(e, Ty.USIZE, env);
        if (v instanceof ConstValue.Int i) return i.value().longValueExact();
        return -1;
    }

    /** Type-checks {@code e} against {@code type} and evaluates it; null after an error. */
    public ConstValue evaluate(Expr e, Ty type, Env env) {
        int errorsBefore = sema.diags.errorCount();
        Typing t = new TypeChecker(sema, new Env(env.scope(), env.selfType(), new Infer()), type).checkConstant(e, type);
        sema.remember(e, t);
        if (sema.diags.errorCount() > errorsBefore || hasErrorType(t)) return null;
        try {
            return new Evaluator(t).eval(e);
        } catch (Failed f) {
            return null;
        }
    }

    private static boolean hasErrorType(Typing t) {
        return t.types.values().stream().anyMatch(x -> x instanceof Ty.Error);
    }

    public ConstValue value(ConstInfo c) {
        if (c.value != null || c.init() == null) return c.value;
        if (c.evaluating) {
            sema.diags.error(c.ast.nameSpan(), "cycle detected when evaluating constant `" + c.name + "`");
            return null;
        }
        c.evaluating = true;
        try {
            c.value = evaluate(c.init(), sema.items.constType(c), new Env(c.scope, c.selfType, null));
        } finally {
            c.evaluating = false;
        }
        return c.value;
    }

    public ConstValue value(StaticInfo s) {
        if (s.value != null || s.ast.value() == null) return s.value;
        if (s.evaluating) {
            sema.diags.error(s.ast.nameSpan(), "cycle detected when evaluating static `" + s.ast.name() + "`");
            return null;
        }
        s.evaluating = true;
        try {
            s.value = evaluate(s.ast.value(), sema.items.staticType(s), new Env(s.scope, null, null));
        } finally {
            s.evaluating = false;
        }
        return s.value;
    }

    /** Walks one typed constant expression. */
    private final class Evaluator {
        private final Typing typing;
        private final Map<Local, ConstValue> locals = new HashMap<>();

        Evaluator(Typing typing) {
            this.typing = typing;
        }

        private Failed fail(Span span, String message) {
            sema.diags.error(span, message);
            return new Failed();
        }

        ConstValue eval(Expr e) {
            ConstValue v = raw(e);
            Coercion c = typing.coercions.get(e);
            if (c != null && c.kind() == Coercion.Kind.UNSIZE && v instanceof ConstValue.Ref r)
                return new ConstValue.Ref(r.target(), c.target());
            if (c != null && c.kind() == Coercion.Kind.UNSIZE && v instanceof ConstValue.StaticRef r
                    && Infer.resolve(typing.type(e), true) instanceof Ty.Ref from && from.inner() instanceof Ty.Array a)
                return new ConstValue.StaticRef(r.target(), r.path(), a.length(), c.target());
            if (c != null && (c.kind() == Coercion.Kind.WEAKEN || c.kind() == Coercion.Kind.REF_TO_PTR)) return retype(v, c.target());
            return v;
        }

        private ConstValue retype(ConstValue v, Ty t) {
            return switch (v) {
                case ConstValue.Ref r -> new ConstValue.Ref(r.target(), t);
                case ConstValue.StaticRef r -> new ConstValue.StaticRef(r.target(), r.path(), r.length(), t);
                default -> v;
            };
        }

        private ConstValue raw(Expr e) {
            Ty type = typing.type(e);
            return switch (e) {
                case Expr.Lit l -> literal(l, type);
                case Expr.PathExpr p -> path(p, type);
                case Expr.Unary u -> unary(u, type);
                case Expr.Binary b -> binary(b, type);
                case Expr.Cast c -> cast(c, type);
                case Expr.AddrOf a -> addrOf(a, type);
                case Expr.Tuple t -> new ConstValue.Aggregate(t.elements().stream().map(this::eval).toList(), type);
                case Expr.Array a -> new ConstValue.Aggregate(a.elements().stream().map(this::eval).toList(), type);
                case Expr.Repeat r -> {
                    ConstValue v = eval(r.value());
                    long n = ((Ty.Array) type).length();
                    if (n > 1 << 20) throw fail(r.span(), "array too large for a constant");
                    yield new ConstValue.Aggregate(java.util.Collections.nCopies((int) n, v), type);
                }
                case Expr.StructLit s -> structLit(s, type);
                case Expr.Call c -> call(c, type);
                case Expr.MethodCall m -> method(m, type);
                case Expr.BlockExpr b -> block(b.block());
                case Expr.Unsafe u -> block(u.block());
                case Expr.If i -> ifExpr(i);
                case Expr.Field f -> read(place(f), f.span());
                case Expr.TupleField f -> read(place(f), f.span());
                case Expr.Index i -> read(place(i), i.span());
                default -> throw fail(e.span(), "unsupported in a constant: this kind of expression");
            };
        }

        private ConstValue literal(Expr.Lit l, Ty type) {
            return switch (l.value()) {
                case Literal.Int i -> new ConstValue.Int(i.value(), type);
                case Literal.Bool b -> new ConstValue.Bool(b.value());
                case Literal.Char c -> new ConstValue.Char(c.codePoint());
                case Literal.Byte b -> new ConstValue.Int(BigInteger.valueOf(b.value()), Ty.U8);
                case Literal.Str s -> new ConstValue.Ref(new ConstValue.StrData(s.value()), type);
                case Literal.ByteStr b -> {
                    List<ConstValue> bytes = new ArrayList<>();
                    for (byte x : b.value()) bytes.add(new ConstValue.Int(BigInteger.valueOf(x & 0xFF), Ty.U8));
                    yield new ConstValue.Ref(new ConstValue.Aggregate(bytes, new Ty.Array(Ty.U8, bytes.size())), type);
                }
                default -> throw fail(l.span(), "unsupported literal in a constant");
            };
        }

        private ConstValue path(Expr.PathExpr p, Ty type) {
            Res r = typing.paths.get(p);
            return switch (r) {
                case Res.ConstRes c -> {
                    ConstValue v = value(c.info());
                    if (v == null) throw new Failed();
                    yield v;
                }
                case Res.ValueRes v -> v.value();
                case Res.LocalRes l -> {
                    ConstValue v = locals.get(l.local());
                    if (v == null) throw fail(p.span(), "use of an uninitialised variable in a constant");
                    yield v;
                }
                case Res.CtorRes c when c.variant().kind == Item.StructKind.UNIT -> adtValue(c.adt(), c.variant(), List.of(), type);
                case Res.FnRes f -> new ConstValue.FnRef(f.fn(), type);
                case Res.StaticRes s -> read(place(p), p.span());
                case null, default -> throw fail(p.span(), "unsupported in a constant: `" + p.path() + "`");
            };
        }

        private ConstValue adtValue(AdtInfo adt, AdtInfo.Variant v, List<ConstValue> fields, Ty type) {
            if (adt.kind == AdtInfo.Kind.ENUM) return new ConstValue.Enum(v, fields, type);
            return new ConstValue.Aggregate(fields, type);
        }

        private ConstValue unary(Expr.Unary u, Ty type) {
            ConstValue v = eval(u.operand());
            return switch (u.op()) {
                case NEG -> {
                    BigInteger r = integer(v, u.span()).negate();
                    yield checked(r, type, u.span(), "negate");
                }
                case NOT -> v instanceof ConstValue.Bool b ? new ConstValue.Bool(!b.value())
                        : intValue(((Ty.Int) type).kind().value(~((Ty.Int) type).kind().wrap(integer(v, u.span()))), type);
                case DEREF -> read(deref(v, u.span()), u.span());
            };
        }

        private BigInteger integer(ConstValue v, Span span) {
            if (v instanceof ConstValue.Int i) return i.value();
            throw fail(span, "expected an integer constant");
        }

        private ConstValue intValue(BigInteger v, Ty type) {
            return new ConstValue.Int(v, type);
        }

        private ConstValue checked(BigInteger r, Ty type, Span span, String what) {
            IntKind k = ((Ty.Int) type).kind();
            if (!k.fits(r)) throw fail(span, "evaluation of constant value failed: attempt to " + what + " with overflow");
            return new ConstValue.Int(r, type);
        }

        private ConstValue binary(Expr.Binary b, Ty type) {
            ConstValue l = eval(b.left());
            if (b.op() == Expr.BinOp.AND || b.op() == Expr.BinOp.OR) {
                boolean lv = ((ConstValue.Bool) l).value();
                if (b.op() == Expr.BinOp.AND && !lv) return new ConstValue.Bool(false);
                if (b.op() == Expr.BinOp.OR && lv) return new ConstValue.Bool(true);
                return eval(b.right());
            }
            ConstValue r = eval(b.right());
            if (l instanceof ConstValue.Bool x && r instanceof ConstValue.Bool y) return boolOp(b, x.value(), y.value());
            if (l instanceof ConstValue.Char x && r instanceof ConstValue.Char y)
                return compare(b.op(), BigInteger.valueOf(x.codePoint()), BigInteger.valueOf(y.codePoint()), b.span());
            BigInteger x = integer(l, b.left().span()), y = integer(r, b.right().span());
            if (b.op().isComparison()) return compare(b.op(), x, y, b.span());
            IntKind k = ((Ty.Int) type).kind();
            return switch (b.op()) {
                case ADD -> checked(x.add(y), type, b.span(), "add");
                case SUB -> checked(x.subtract(y), type, b.span(), "subtract");
                case MUL -> checked(x.multiply(y), type, b.span(), "multiply");
                case DIV, REM -> {
                    if (y.signum() == 0) throw fail(b.span(), "evaluation of constant value failed: attempt to "
                            + (b.op() == Expr.BinOp.DIV ? "divide" : "calculate the remainder") + " by zero");
                    yield checked(b.op() == Expr.BinOp.DIV ? x.divide(y) : x.remainder(y), type, b.span(), "divide");
                }
                case BIT_AND -> intValue(k.value(k.wrap(x) & k.wrap(y)), type);
                case BIT_OR -> intValue(k.value(k.wrap(x) | k.wrap(y)), type);
                case BIT_XOR -> intValue(k.value(k.wrap(x) ^ k.wrap(y)), type);
                case SHL, SHR -> {
                    if (y.signum() < 0 || y.compareTo(BigInteger.valueOf(k.bits)) >= 0)
                        throw fail(b.span(), "evaluation of constant value failed: attempt to shift with overflow");
                    int n = y.intValue();
                    yield b.op() == Expr.BinOp.SHL ? intValue(k.value(k.wrap(x.shiftLeft(n))), type) : intValue(x.shiftRight(n), type);
                }
                default -> throw fail(b.span(), "unsupported operator in a constant");
            };
        }

        private ConstValue boolOp(Expr.Binary b, boolean x, boolean y) {
            return new ConstValue.Bool(switch (b.op()) {
                case BIT_AND -> x & y;
                case BIT_OR -> x | y;
                case BIT_XOR, NE -> x ^ y;
                case EQ -> x == y;
                case LT -> !x && y;
                case LE -> !x || y;
                case GT -> x && !y;
                case GE -> x || !y;
                default -> throw fail(b.span(), "unsupported operator on bool in a constant");
            });
        }

        private ConstValue compare(Expr.BinOp op, BigInteger x, BigInteger y, Span span) {
            int c = x.compareTo(y);
            return new ConstValue.Bool(switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                default -> throw fail(span, "unsupported comparison in a constant");
            });
        }

        private ConstValue cast(Expr.Cast c, Ty type) {
            ConstValue v = eval(c.operand());
            Ty t = Infer.resolve(type, true);
            if (t instanceof Ty.Int ti) {
                BigInteger n = switch (v) {
                    case ConstValue.Int i -> i.value();
                    case ConstValue.Bool b -> b.value() ? BigInteger.ONE : BigInteger.ZERO;
                    case ConstValue.Char ch -> BigInteger.valueOf(ch.codePoint());
                    case ConstValue.Enum en -> en.variant().discriminant;
                    case ConstValue.Address a -> BigInteger.valueOf(a.value());
                    default -> throw fail(c.span(), "unsupported cast in a constant");
                };
                return new ConstValue.Int(ti.kind().value(ti.kind().wrap(n)), t);
            }
            if (t instanceof Ty.Char && v instanceof ConstValue.Int i) return new ConstValue.Char(i.value().intValue());
            if (t instanceof Ty.Ptr) {
                if (v instanceof ConstValue.Int i) return new ConstValue.Address(i.value().longValue() & 0xFFFF_FFFFL, t);
                return retype(v, t);
            }
            if (t instanceof Ty.FnPtr && v instanceof ConstValue.FnRef f) return new ConstValue.FnRef(f.fn(), t);
            throw fail(c.span(), "unsupported cast in a constant");
        }

        private ConstValue addrOf(Expr.AddrOf a, Ty type) {
            return switch (place(a.operand())) {
                case Place.InStatic s -> new ConstValue.StaticRef(s.target(), s.path(), -1, type);
                case Place.Temp t -> new ConstValue.Ref(t.value(), type);
            };
        }

        private ConstValue structLit(Expr.StructLit s, Ty type) {
            Res.CtorRes ctor = typing.structs.get(s);
            if (s.base() != null) throw fail(s.base().span(), "unsupported in a constant: `..base`");
            ConstValue[] fields = new ConstValue[ctor.variant().fields.size()];
            for (Expr.FieldInit f : s.fields()) fields[ctor.variant().fieldIndex(f.name())] = eval(f.value());
            return adtValue(ctor.adt(), ctor.variant(), List.of(fields), type);
        }

        /** A built-in method ({@link ConstMethods}); user methods are const fns, which are tier 2. */
        private ConstValue method(Expr.MethodCall m, Ty type) {
            MethodRes res = typing.methods.get(m);
            if (res == null || !res.isBuiltin()) throw fail(m.span(), "calls in constants are not supported yet (const fn is tier 2)");
            ConstValue recv = eval(m.receiver());
            List<ConstValue> args = m.args().stream().map(this::eval).toList();
            try {
                ConstValue v = ConstMethods.apply(m.method(), recv, args, type);
                if (v == null && List.of("min", "max", "clamp").contains(m.method()))
                    throw fail(m.span(), "cannot call conditionally-const method `<" + Ty.show(res.receiver()) + " as Ord>::" + m.method()
                            + "` in constants");
                if (v == null) throw fail(m.nameSpan(), "unsupported in a constant: the `" + m.method() + "` method");
                return v;
            } catch (ConstMethods.Overflow o) {
                throw fail(m.span(), "evaluation of constant value failed: attempt to "
                        + (m.method().equals("abs") ? "negate" : "multiply") + " with overflow");
            }
        }

        private ConstValue call(Expr.Call c, Ty type) {
            Expr.MethodCall qualified = typing.qualifiedMethods.get(c);
            if (qualified != null) return method(qualified, type);
            if (c.callee() instanceof Expr.PathExpr p) {
                Res r = typing.paths.get(p);
                if (r instanceof Res.CtorRes ctor) return adtValue(ctor.adt(), ctor.variant(), c.args().stream().map(this::eval).toList(), type);
                if (r instanceof Res.IntrinsicRes i && (i.name().equals("mem::size_of") || i.name().equals("mem::align_of"))) {
                    Ty arg = sema.types.resolve(((Path.GenericArg.Type) p.path().segments().getLast().args().getFirst()).type(),
                            new Env(typing.scope, null, null));
                    var layout = sema.layouts.of(arg);
                    return new ConstValue.Int(BigInteger.valueOf(i.name().endsWith("size_of") ? layout.size() : layout.align()), Ty.USIZE);
                }
            }
            throw fail(c.span(), "calls in constants are not supported yet (const fn is tier 2)");
        }

        private ConstValue block(Block b) {
            for (Stmt s : b.stmts()) {
                switch (s) {
                    case Stmt.Let l when l.pattern() instanceof Pat.Ident id && l.init() != null -> {
                        Typing.PatRes.Binding binding = (Typing.PatRes.Binding) typing.patterns.get(id);
                        locals.put(binding.local(), eval(l.init()));
                    }
                    case Stmt.Empty e -> { }
                    case Stmt.ItemStmt i -> { }
                    default -> throw fail(s.span(), "unsupported statement in a constant");
                }
            }
            if (b.tail() == null) return ConstValue.UNIT;
            return eval(b.tail());
        }

        private ConstValue ifExpr(Expr.If i) {
            if (!(eval(i.cond()) instanceof ConstValue.Bool c)) throw fail(i.cond().span(), "unsupported condition in a constant");
            if (c.value()) return block(i.then());
            if (i.otherwise() == null) return ConstValue.UNIT;
            return eval(i.otherwise());
        }

        // ---- places: what `&e` takes the address of, and what reading `e` loads ----

        /** A place in a constant expression: inside a static (it has an address there) or in a temporary value. */
        private sealed interface Place {
            /** {@code path} indexes elements and fields from the static's value down to the place. */
            record InStatic(StaticInfo target, List<Integer> path) implements Place {}

            record Temp(ConstValue value) implements Place {}
        }

        private Place place(Expr e) {
            return switch (e) {
                case Expr.PathExpr p when typing.paths.get(p) instanceof Res.StaticRes s -> new Place.InStatic(s.info(), List.of());
                case Expr.Field f -> project(place(f.base()), typing.fields.get(f), f.span());
                case Expr.TupleField f -> project(place(f.base()), typing.fields.get(f), f.span());
                case Expr.Index i when !(i.index() instanceof Expr.Range) -> {
                    Place base = derefs(place(i.base()), typing.indexDerefs.getOrDefault(i, 0), i.span());
                    yield element(base, integer(eval(i.index()), i.index().span()), i.span());
                }
                case Expr.Index i -> throw fail(i.span(), "unsupported indexing in a constant");
                case Expr.Unary u when u.op() == Expr.UnOp.DEREF -> deref(eval(u.operand()), u.span());
                default -> new Place.Temp(eval(e));
            };
        }

        /** The place a reference value points at. */
        private Place deref(ConstValue v, Span span) {
            return switch (v) {
                case ConstValue.Ref r -> new Place.Temp(r.target());
                case ConstValue.StaticRef r -> new Place.InStatic(r.target(), r.path());
                default -> throw fail(span, "unsupported dereference in a constant");
            };
        }

        private Place derefs(Place p, int count, Span span) {
            for (int d = 0; d < count; d++) p = deref(read(p, span), span);
            return p;
        }

        /** Field {@code res[1]} of the struct or tuple {@code res[0]} dereferences below {@code base}. */
        private Place project(Place base, int[] res, Span span) {
            Place p = derefs(base, res[0], span);
            return switch (p) {
                case Place.InStatic s -> new Place.InStatic(s.target(), append(s.path(), res[1]));
                case Place.Temp t when t.value() instanceof ConstValue.Aggregate a -> new Place.Temp(a.elements().get(res[1]));
                case Place.Temp t -> throw fail(span, "unsupported field access in a constant");
            };
        }

        /** Element {@code n} of an array place, bounds-checked as rustc's constant evaluation does. */
        private Place element(Place base, BigInteger n, Span span) {
            long length = switch (base) {
                case Place.InStatic s when typeAt(s) instanceof Ty.Array a -> a.length();
                case Place.Temp t when t.value() instanceof ConstValue.Aggregate a -> a.elements().size();
                default -> throw fail(span, "unsupported indexing in a constant");
            };
            if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(length)) >= 0)
                throw fail(span, "evaluation of constant value failed: index out of bounds: the len is " + length + " but the index is " + n);
            return switch (base) {
                case Place.InStatic s -> new Place.InStatic(s.target(), append(s.path(), n.intValue()));
                case Place.Temp t -> new Place.Temp(((ConstValue.Aggregate) t.value()).elements().get(n.intValue()));
            };
        }

        /** The value at a place: a static's initial value (read at compile time, as rustc does) followed down its path. */
        private ConstValue read(Place p, Span span) {
            if (p instanceof Place.Temp t) return t.value();
            Place.InStatic s = (Place.InStatic) p;
            if (s.target().external) throw fail(span, "cannot read an `extern` static in a constant");
            ConstValue v = value(s.target());
            if (v == null) throw new Failed();
            for (int i : s.path()) {
                if (!(v instanceof ConstValue.Aggregate a)) throw fail(span, "unsupported read of a static in a constant");
                v = a.elements().get(i);
            }
            return v;
        }

        /** The type of the place {@code s} inside its static. */
        private Ty typeAt(Place.InStatic s) {
            Ty t = Infer.resolve(sema.items.staticType(s.target()), true);
            for (int i : s.path()) {
                t = switch (t) {
                    case Ty.Array a -> a.element();
                    case Ty.Tuple tu -> tu.elements().get(i);
                    case Ty.Adt adt -> adt.def().struct().fields.get(i).type();
                    default -> Ty.ERROR;
                };
            }
            return t;
        }

        private static List<Integer> append(List<Integer> path, int index) {
            List<Integer> longer = new ArrayList<>(path);
            longer.add(index);
            return longer;
        }
    }
}
