package dev.rivet.frontend.check;

import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.Ty;
import java.util.List;

/**
 * Method calls (user methods from inherent impls and built-in methods, with auto-deref and
 * auto-ref of the receiver), field access and indexing (both auto-deref through references).
 */
abstract class MethodChecker extends PathChecker {
    private static final int MAX_DEREFS = 8;

    MethodChecker(Sema sema, Env env, Ty returnType) {
        super(sema, env, returnType);
    }

    protected Ty methodCall(Expr.MethodCall m) {
        Ty recv = check(m.receiver(), null);
        if (!m.turbofish().isEmpty()) {
            m.args().forEach(a -> check(a, null));
            return unsupported(m.span(), "generic method arguments (tier 2)");
        }
        Ty t = recv;
        for (int derefs = 0; derefs < MAX_DEREFS; derefs++) {
            Ty s = shallow(t);
            if (isError(s)) {
                m.args().forEach(a -> check(a, null));
                return Ty.ERROR;
            }
            if (s instanceof Ty.Var v) {
                m.args().forEach(a -> check(a, null));
                return error(m.nameSpan(), "can't call method `" + m.method() + "` on ambiguous "
                        + (v.toString().equals("{integer}") ? "numeric type `{integer}`" : "type") + "; add a type annotation");
            }
            Ty r = userMethod(m, s, derefs);
            if (r != null) return r;
            r = builtinMethod(m, s, derefs, false);
            if (r != null) return r;
            if (s instanceof Ty.Array a && (r = builtinMethod(m, new Ty.Slice(a.element()), derefs, true)) != null) return r;
            if (!(s instanceof Ty.Ref ref)) break;
            t = ref.inner();
        }
        m.args().forEach(a -> check(a, null));
        if (MethodTable.isLaterTier(recv, m.method()))
            return unsupported(m.nameSpan(), "the `" + m.method() + "` method of `" + Ty.show(recv) + "` (tier 2: traits, iterators, Option)");
        return error(m.nameSpan(), "no method named `" + m.method() + "` found for `" + Ty.show(recv) + "` in the current scope");
    }

    private Ty userMethod(Expr.MethodCall m, Ty s, int derefs) {
        if (!(s instanceof Ty.Adt a)) return null;
        FnInfo fn = a.def().methods.get(m.method());
        if (fn == null) return null;
        if (!fn.isMethod()) {
            m.args().forEach(x -> check(x, null));
            return error(m.nameSpan(), "`" + fn.displayName + "` is an associated function, not a method; call it as `"
                    + a.def().name + "::" + m.method() + "(...)`");
        }
        sema.items.signature(fn);
        MethodRes.AutoRef autoref = switch (fn.ast.self()) {
            case REF -> MethodRes.AutoRef.SHARED;
            case REF_MUT -> MethodRes.AutoRef.MUT;
            default -> MethodRes.AutoRef.NONE;
        };
        typing.methods.put(m, new MethodRes(fn, null, derefs, autoref, false, s));
        if (autoref == MethodRes.AutoRef.MUT) mutability.borrowReceiver(m.receiver(), derefs);
        return args(m, fn.params.subList(1, fn.params.size()), fn.ret, fn.displayName);
    }

    private Ty builtinMethod(Expr.MethodCall m, Ty s, int derefs, boolean unsize) {
        MethodTable.Method bm = MethodTable.lookup(s, m.method());
        if (bm == null) return null;
        typing.methods.put(m, new MethodRes(null, m.method(), derefs, bm.self(), unsize, s));
        if (bm.self() == MethodRes.AutoRef.MUT) mutability.borrowReceiver(m.receiver(), derefs);
        return args(m, bm.params(), bm.ret(), m.method());
    }

    private Ty args(Expr.MethodCall m, List<Ty> params, Ty ret, String what) {
        if (params.size() != m.args().size()) {
            m.args().forEach(a -> check(a, null));
            error(m.span(), "this method takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s") + " but "
                    + m.args().size() + (m.args().size() == 1 ? " argument was" : " arguments were") + " supplied");
            return ret;
        }
        for (int i = 0; i < params.size(); i++) checkCoerce(m.args().get(i), params.get(i));
        return ret;
    }

    // ---- fields ----

    protected Ty field(Expr.Field f) {
        Ty t = check(f.base(), null);
        for (int derefs = 0; derefs < MAX_DEREFS; derefs++) {
            Ty s = shallow(t);
            if (isError(s)) return Ty.ERROR;
            if (s instanceof Ty.Adt a && a.def().kind != AdtInfo.Kind.ENUM) {
                AdtInfo.Variant v = a.def().struct();
                int i = v.fieldIndex(f.name());
                if (i >= 0 && v.kind == Item.StructKind.NAMED) {
                    typing.fields.put(f, new int[] {derefs, i});
                    return v.fields.get(i).type();
                }
                if (a.def().methods.containsKey(f.name()))
                    return error(f.nameSpan(), "attempted to take value of method `" + f.name() + "` on type `" + a.def().name + "`");
                return error(f.nameSpan(), "no field `" + f.name() + "` on type `" + a.def().name + "`");
            }
            if (!(s instanceof Ty.Ref r)) break;
            t = r.inner();
        }
        if (shallow(t) instanceof Ty.Var) return error(f.span(), "type annotations needed");
        return error(f.nameSpan(), "no field `" + f.name() + "` on type `" + Ty.show(t) + "`");
    }

    protected Ty tupleField(Expr.TupleField f) {
        Ty t = check(f.base(), null);
        for (int derefs = 0; derefs < MAX_DEREFS; derefs++) {
            Ty s = shallow(t);
            if (isError(s)) return Ty.ERROR;
            if (s instanceof Ty.Tuple tu) {
                if (f.index() >= tu.elements().size()) break;
                typing.fields.put(f, new int[] {derefs, f.index()});
                return tu.elements().get(f.index());
            }
            if (s instanceof Ty.Adt a && a.def().kind == AdtInfo.Kind.STRUCT && a.def().struct().kind == Item.StructKind.TUPLE) {
                if (f.index() >= a.def().struct().fields.size()) break;
                typing.fields.put(f, new int[] {derefs, f.index()});
                return a.def().struct().fields.get(f.index()).type();
            }
            if (!(s instanceof Ty.Ref r)) break;
            t = r.inner();
        }
        return error(f.span(), "no field `" + f.index() + "` on type `" + Ty.show(t) + "`");
    }

    // ---- indexing ----

    protected Ty index(Expr.Index ix) {
        Ty t = check(ix.base(), null);
        for (int derefs = 0; derefs < MAX_DEREFS; derefs++) {
            Ty s = shallow(t);
            if (isError(s)) {
                check(ix.index(), null);
                return Ty.ERROR;
            }
            Ty elem = s instanceof Ty.Array a ? a.element() : s instanceof Ty.Slice sl ? sl.element() : null;
            if (elem != null || s instanceof Ty.Str) {
                typing.indexDerefs.put(ix, derefs);
                if (ix.index() instanceof Expr.Range r) {
                    rangeBounds(r);
                    typing.types.put(ix.index(), Ty.UNIT);
                    return s instanceof Ty.Str ? Ty.STR : new Ty.Slice(elem);
                }
                if (s instanceof Ty.Str) {
                    check(ix.index(), null);
                    return error(ix.span(), "the type `str` cannot be indexed by an integer; index a range or use .as_bytes()");
                }
                Ty it = check(ix.index(), Ty.USIZE);
                if (shallow(it) instanceof Ty.Never) // rustc: the diverging index's type falls back to ()
                    sema.diags.add(dev.rivet.frontend.Diagnostic.error(ix.span(), "E0277", "the type `[" + Ty.show(elem) + "]` cannot be indexed by `()`")
                            .withLabel("slice indices are of type `usize` or ranges of `usize`"));
                else coerce(ix.index(), it, Ty.USIZE);
                return elem;
            }
            if (!(s instanceof Ty.Ref r)) break;
            t = r.inner();
        }
        check(ix.index(), null);
        return error(ix.span(), "cannot index into a value of type `" + Ty.show(t) + "`");
    }

    /** The bounds of a range used to slice: both usize. */
    protected void rangeBounds(Expr.Range r) {
        if (r.from() != null) checkCoerce(r.from(), Ty.USIZE);
        if (r.to() != null) checkCoerce(r.to(), Ty.USIZE);
        if (r.inclusive() && r.to() == null) error(r.span(), "inclusive range with no end");
    }
}
