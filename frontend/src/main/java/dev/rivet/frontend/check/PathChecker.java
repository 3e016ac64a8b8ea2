package dev.rivet.frontend.check;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.ast.Path;
import dev.rivet.frontend.ast.TypeExpr;
import dev.rivet.frontend.resolve.Def;
import dev.rivet.frontend.resolve.Resolver;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.Ty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Value paths, calls (functions, constructors, intrinsics) and struct literals. */
abstract class PathChecker extends PatternChecker {
    PathChecker(Sema sema, Env env, Ty returnType) {
        super(sema, env, returnType);
    }

    // ---- paths ----

    @Override
    Res valuePath(Path path, Span span, Object node) {
        Res res = resolveValue(path, span);
        if (res != null && node instanceof Expr e) typing.paths.put(e, res);
        return res;
    }

    private Res resolveValue(Path path, Span span) {
        if (path.qself() != null) {
            unsupported(span, "qualified paths `<T as Trait>::X`");
            return null;
        }
        List<Path.Segment> segs = path.segments();
        if (path.isSingle()) {
            Local l = lookupLocal(path.last());
            if (l != null) return new Res.LocalRes(l);
        }
        if (!path.global() && segs.getFirst().name().equals("Self")) {
            if (env.selfType() == null) {
                error(span, "cannot find `Self` in this scope");
                return null;
            }
            if (segs.size() == 1) {
                if (shallow(env.selfType()) instanceof Ty.Adt a && a.def().kind == AdtInfo.Kind.STRUCT
                        && a.def().struct().kind != Item.StructKind.NAMED) return new Res.CtorRes(a.def(), a.def().struct());
                error(span, "the `Self` constructor can only be used with tuple or unit structs");
                return null;
            }
            if (segs.size() == 2) return associated(env.selfType(), segs.get(1).name(), segs.get(1).span());
        }
        Resolver.Resolution r = sema.resolver.resolve(scope(), path, Resolver.Namespace.VALUE);
        if (r == null) return null;
        if (r.used() < segs.size()) {
            if (r.used() != segs.size() - 1) {
                unsupported(span, "associated items of associated items");
                return null;
            }
            Ty base = switch (r.def()) {
                case Def.Adt a -> new Ty.Adt(a.adt());
                case Def.Prim p -> p.type();
                case Def.Alias a -> sema.types.resolve(new TypeExpr.PathType(
                        new Path(path.global(), null, segs.subList(0, r.used()), span), span), env);
                case Def.Unsupported u -> { unsupported(span, u.what()); yield null; }
                default -> { error(span, "cannot find `" + path + "`"); yield null; }
            };
            return base == null ? null : associated(base, segs.getLast().name(), segs.getLast().span());
        }
        return switch (r.def()) {
            case Def.Fn f -> new Res.FnRes(f.fn());
            case Def.Const c -> new Res.ConstRes(c.info());
            case Def.Static s -> new Res.StaticRes(s.info());
            case Def.Ctor c -> new Res.CtorRes(c.adt(), c.variant());
            case Def.Intrinsic i -> new Res.IntrinsicRes(i.name(), null);
            case Def.Unsupported u -> { unsupported(span, u.what()); yield null; }
            case Def.Variant v -> { error(span, "expected value, found struct variant `" + path + "`"); yield null; }
            case Def.Adt a -> { error(span, "expected value, found " + a.adt().kind.name().toLowerCase() + " `" + path + "`"); yield null; }
            default -> { error(span, "expected value, found `" + path + "`"); yield null; }
        };
    }

    /** {@code Type::name}: an associated function or constant, or a primitive's constant or constructor. */
    protected Res associated(Ty type, String name, Span span) {
        Ty t = shallow(type);
        if (t instanceof Ty.Adt a) {
            FnInfo m = a.def().methods.get(name);
            if (m != null) return new Res.FnRes(m);
            var c = a.def().consts.get(name);
            if (c != null) return new Res.ConstRes(c);
            if (a.def().kind == AdtInfo.Kind.ENUM) {
                AdtInfo.Variant v = a.def().variant(name);
                if (v != null && v.kind != Item.StructKind.NAMED) return new Res.CtorRes(a.def(), v);
            }
            error(span, "no function or associated item named `" + name + "` found for `" + a.def().name + "`");
            return null;
        }
        if (t instanceof Ty.Int i) {
            IntKind k = i.kind();
            switch (name) {
                case "MAX": return new Res.ValueRes(new ConstValue.Int(k.max(), t));
                case "MIN": return new Res.ValueRes(new ConstValue.Int(k.min(), t));
                case "BITS": return new Res.ValueRes(new ConstValue.Int(BigInteger.valueOf(k.bits), Ty.U32));
                case "from_le_bytes", "from_be_bytes", "from_ne_bytes": return new Res.IntrinsicRes("int::" + name, t);
                default: break;
            }
        }
        if (t instanceof Ty.Char && (name.equals("MAX") || name.equals("REPLACEMENT_CHARACTER")))
            return new Res.ValueRes(new ConstValue.Char(name.equals("MAX") ? 0x10FFFF : 0xFFFD));
        if (MethodTable.exists(t, name)) return new Res.IntrinsicRes("method::" + name, t);
        error(span, "no function or associated item named `" + name + "` found for `" + Ty.show(t) + "`");
        return null;
    }

    /** The type a resolved value path has when used as an expression. */
    protected Ty typeOf(Res res, Span span, Path path) {
        return switch (res) {
            case Res.LocalRes l -> l.local().type;
            case Res.FnRes f -> {
                sema.items.signature(f.fn());
                if (f.fn().skipped) yield unsupported(span, Sema.skippedReason(f.fn()));
                yield new Ty.FnItem(f.fn());
            }
            case Res.ConstRes c -> sema.items.constType(c.info());
            case Res.StaticRes s -> sema.items.staticType(s.info());
            case Res.CtorRes c -> c.variant().kind == Item.StructKind.UNIT ? new Ty.Adt(c.adt())
                    : new Ty.FnPtr(c.variant().fields.stream().map(AdtInfo.Field::type).toList(), new Ty.Adt(c.adt()));
            case Res.IntrinsicRes i -> error(span, "`" + path + "` can only be called");
            case Res.ValueRes v -> v.value().type();
        };
    }

    protected Ty pathExpr(Expr.PathExpr p) {
        Res res = valuePath(p.path(), p.span(), p);
        if (res == null) return Ty.ERROR;
        if (p.path().hasGenericArgs()) return unsupported(p.span(), "generic arguments (tier 2)");
        return typeOf(res, p.span(), p.path());
    }

    // ---- calls ----

    protected Ty call(Expr.Call c, Ty expected) {
        if (c.callee() instanceof Expr.PathExpr p) {
            Res res = valuePath(p.path(), p.span(), p);
            if (res == null) {
                c.args().forEach(a -> check(a, null));
                typing.types.put(p, Ty.ERROR);
                return Ty.ERROR;
            }
            switch (res) {
                case Res.FnRes f -> {
                    Ty t = typeOf(res, p.span(), p.path());
                    typing.types.put(p, t);
                    if (isError(t)) {
                        c.args().forEach(a -> check(a, null));
                        return Ty.ERROR;
                    }
                    return arguments(c, f.fn().params, f.fn().ret, f.fn().displayName);
                }
                case Res.CtorRes k when k.variant().kind == Item.StructKind.TUPLE -> {
                    typing.types.put(p, typeOf(res, p.span(), p.path()));
                    return arguments(c, k.variant().fields.stream().map(AdtInfo.Field::type).toList(),
                            new Ty.Adt(k.adt()), k.variant().name);
                }
                case Res.IntrinsicRes i -> {
                    typing.types.put(p, Ty.UNIT);
                    return intrinsic(c, i, p.path(), expected);
                }
                default -> { }
            }
            Ty t = typeOf(res, p.span(), p.path());
            typing.types.put(p, t);
            return callValue(c, t);
        }
        return callValue(c, check(c.callee(), null));
    }

    private Ty callValue(Expr.Call c, Ty calleeType) {
        Ty t = shallow(calleeType);
        if (t instanceof Ty.FnItem f) return arguments(c, f.fn().params, f.fn().ret, f.fn().displayName);
        if (t instanceof Ty.FnPtr f) return arguments(c, f.params(), f.ret(), "function pointer");
        c.args().forEach(a -> check(a, null));
        if (isError(t)) return Ty.ERROR;
        return error(c.callee().span(), "expected function, found `" + Ty.show(t) + "`");
    }

    /** Checks arguments against parameter types; returns the result type. */
    protected Ty arguments(Expr.Call c, List<Ty> params, Ty ret, String what) {
        if (params.size() != c.args().size()) {
            error(c.span(), "this function takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
                    + " but " + c.args().size() + " argument" + (c.args().size() == 1 ? " was" : "s were") + " supplied");
            c.args().forEach(a -> check(a, null));
            return ret;
        }
        for (int i = 0; i < params.size(); i++) checkCoerce(c.args().get(i), params.get(i));
        return ret;
    }

    /**
     * {@code u32::max(a, b)}, {@code u8::is_ascii_digit(&c)}: a built-in method called by path,
     * with the receiver as the first argument; lowered as the method call {@code a.max(b)}.
     */
    private Ty qualifiedMethod(Expr.Call c, String method, Ty self) {
        MethodTable.Method bm = MethodTable.lookup(self, method);
        List<Expr> args = c.args();
        if (bm == null || args.size() != bm.params().size() + 1) {
            args.forEach(a -> check(a, null));
            if (bm == null) return error(c.span(), "no function or associated item named `" + method + "` found for `" + Ty.show(self) + "`");
            int n = bm.params().size() + 1;
            return error(c.span(), "this function takes " + n + " argument" + (n == 1 ? "" : "s") + " but " + args.size()
                    + (args.size() == 1 ? " argument was" : " arguments were") + " supplied");
        }
        boolean byRef = bm.self() != MethodRes.AutoRef.NONE;
        checkCoerce(args.getFirst(), byRef ? new Ty.Ref(bm.self() == MethodRes.AutoRef.MUT, self) : self);
        for (int k = 0; k < bm.params().size(); k++) checkCoerce(args.get(k + 1), bm.params().get(k));
        Expr.MethodCall call = new Expr.MethodCall(args.getFirst(), method, List.of(), args.subList(1, args.size()),
                c.callee().span(), c.span());
        typing.methods.put(call, new MethodRes(null, method, byRef ? 1 : 0, bm.self(), false, self));
        typing.qualifiedMethods.put(c, call);
        return bm.ret();
    }

    /** Compiler-implemented functions: their typing rules. */
    private Ty intrinsic(Expr.Call c, Res.IntrinsicRes i, Path path, Ty expected) {
        List<Expr> args = c.args();
        Ty typeArg = turbofish(path);
        String name = i.name();
        if (name.startsWith("method::")) return qualifiedMethod(c, name.substring("method::".length()), i.self());
        int arity = switch (name) {
            case "ptr::null", "ptr::null_mut", "mem::size_of", "mem::align_of", "hint::spin_loop", "rivet::debug_escapes" -> 0;
            case "ptr::read_volatile", "ptr::read", "hint::black_box", "int::from_le_bytes", "int::from_be_bytes",
                 "int::from_ne_bytes" -> 1;
            default -> 2;
        };
        if (args.size() != arity) {
            args.forEach(a -> check(a, null));
            return error(c.span(), "this function takes " + arity + " argument" + (arity == 1 ? "" : "s") + " but "
                    + args.size() + (args.size() == 1 ? " argument was" : " arguments were") + " supplied");
        }
        Ty t = typeArg != null ? typeArg : infer.fresh();
        switch (name) {
            case "ptr::read_volatile", "ptr::read" -> {
                checkCoerce(args.get(0), new Ty.Ptr(false, t));
                return t;
            }
            case "ptr::write_volatile", "ptr::write" -> {
                checkCoerce(args.get(0), new Ty.Ptr(true, t));
                checkCoerce(args.get(1), t);
                return Ty.UNIT;
            }
            case "ptr::null", "ptr::null_mut" -> {
                return new Ty.Ptr(name.endsWith("mut"), t);
            }
            case "mem::size_of", "mem::align_of" -> {
                if (typeArg == null) error(c.span(), "type annotations needed: write `" + name.substring(5) + "::<T>()`");
                return Ty.USIZE;
            }
            case "mem::swap" -> {
                checkCoerce(args.get(0), new Ty.Ref(true, t));
                checkCoerce(args.get(1), new Ty.Ref(true, t));
                return Ty.UNIT;
            }
            case "mem::replace" -> {
                checkCoerce(args.get(0), new Ty.Ref(true, t));
                checkCoerce(args.get(1), t);
                return t;
            }
            case "hint::black_box" -> {
                return checkCoerce(args.get(0), expected != null ? expected : t);
            }
            case "hint::spin_loop" -> {
                return Ty.UNIT;
            }
            case "cmp::min", "cmp::max" -> {
                Ty a = check(args.get(0), expected);
                checkCoerce(args.get(1), a);
                if (!isInt(a) && !(shallow(a) instanceof Ty.Char) && !isError(a))
                    unsupported(c.span(), "`" + name + "` on `" + Ty.show(a) + "` (tier 2)");
                return a;
            }
            case "rivet::debug_escapes" -> {
                return new Ty.Ptr(false, Ty.U32);
            }
            case "rivet::semihost" -> {
                checkCoerce(args.get(0), Ty.U32);
                checkCoerce(args.get(1), Ty.USIZE);
                return Ty.U32;
            }
            case "int::from_le_bytes", "int::from_be_bytes", "int::from_ne_bytes" -> {
                IntKind k = ((Ty.Int) i.self()).kind();
                checkCoerce(args.get(0), new Ty.Array(Ty.U8, k.bytes()));
                return i.self();
            }
            default -> {
                return unsupported(c.span(), "`" + name + "`");
            }
        }
    }

    /** The single type argument of {@code f::<T>()}, or null. */
    private Ty turbofish(Path path) {
        List<Path.GenericArg> args = path.segments().getLast().args();
        if (args.isEmpty()) return null;
        if (args.size() != 1 || !(args.getFirst() instanceof Path.GenericArg.Type t)) {
            error(path.span(), "expected one type argument");
            return null;
        }
        return sema.types.resolve(t.type(), env);
    }

    // ---- struct literals ----

    protected Ty structLit(Expr.StructLit s) {
        AdtInfo adt;
        AdtInfo.Variant v;
        Path path = s.path();
        Def d;
        if (path.isSingle() && path.last().equals("Self") && shallow(env.selfType()) instanceof Ty.Adt a) {
            d = new Def.Adt(a.def());
        } else if (path.segments().size() == 2 && path.segments().getFirst().name().equals("Self")
                && shallow(env.selfType()) instanceof Ty.Adt a && a.def().variant(path.last()) != null) {
            d = new Def.Variant(a.def(), a.def().variant(path.last()));
        } else {
            Resolver.Resolution r = sema.resolver.resolve(scope(), path, Resolver.Namespace.TYPE);
            d = r == null ? null : r.used() < path.segments().size() ? null : r.def();
            if (r != null && d == null) error(path.span(), "expected struct, variant or union type, found `" + path + "`");
        }
        switch (d) {
            case Def.Adt a when a.adt().kind != AdtInfo.Kind.ENUM -> { adt = a.adt(); v = adt.struct(); }
            case Def.Variant var -> { adt = var.adt(); v = var.variant(); }
            case Def.Ctor ctor -> { adt = ctor.adt(); v = ctor.variant(); }
            case null -> {
                s.fields().forEach(f -> check(f.value(), null));
                return Ty.ERROR;
            }
            default -> {
                s.fields().forEach(f -> check(f.value(), null));
                return error(path.span(), "expected struct, variant or union type, found `" + path + "`");
            }
        }
        typing.structs.put(s, new Res.CtorRes(adt, v));
        Set<String> seen = new HashSet<>();
        for (Expr.FieldInit f : s.fields()) {
            int i = v.fieldIndex(f.name());
            if (i < 0) {
                error(f.span(), (adt.kind == AdtInfo.Kind.ENUM ? "variant `" + adt.name + "::" : "struct `")
                        + v.name + "` has no field named `" + f.name() + "`");
                check(f.value(), null);
                continue;
            }
            if (!seen.add(f.name())) error(f.span(), "field `" + f.name() + "` specified more than once");
            checkCoerce(f.value(), v.fields.get(i).type());
        }
        Ty type = new Ty.Adt(adt);
        if (s.base() != null) {
            if (adt.kind == AdtInfo.Kind.ENUM) error(s.base().span(), "functional record update syntax requires a struct");
            checkCoerce(s.base(), type);
        } else if (adt.kind != AdtInfo.Kind.UNION) {
            List<String> missing = new ArrayList<>();
            for (AdtInfo.Field f : v.fields) if (!seen.contains(f.name())) missing.add("`" + f.name() + "`");
            if (!missing.isEmpty())
                error(s.span(), "missing field" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                        + " in initializer of `" + (adt.kind == AdtInfo.Kind.ENUM ? adt.name + "::" : "") + v.name + "`");
        } else if (s.fields().size() != 1) {
            error(s.span(), "union expressions should have exactly one field");
        }
        return type;
    }
}
