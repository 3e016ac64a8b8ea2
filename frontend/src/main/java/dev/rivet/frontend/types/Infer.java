package dev.rivet.frontend.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Inference variables and unification. Integral variables (from unsuffixed literals) only
 * unify with integer types and default to {@code i32}; general variables take any type.
 */
public final class Infer {
    private final List<Ty.Var> vars = new ArrayList<>();

    public Ty.Var fresh() { return add(false); }

    public Ty.Var freshInt() { return add(true); }

    private Ty.Var add(boolean integral) {
        Ty.Var v = new Ty.Var(vars.size(), integral);
        vars.add(v);
        return v;
    }

    /** Follows variable bindings to the representative type (one level, not into components). */
    public static Ty shallow(Ty t) {
        while (t instanceof Ty.Var v && v.binding != null) t = v.binding;
        return t;
    }

    /** Resolves variables everywhere inside {@code t}; unbound integral variables become i32 when {@code defaults}. */
    public static Ty resolve(Ty t, boolean defaults) {
        t = shallow(t);
        return switch (t) {
            case Ty.Var v -> defaults && v.integral ? Ty.I32 : v;
            case Ty.Tuple tu -> new Ty.Tuple(tu.elements().stream().map(e -> resolve(e, defaults)).toList());
            case Ty.Array a -> new Ty.Array(resolve(a.element(), defaults), a.length());
            case Ty.Slice s -> new Ty.Slice(resolve(s.element(), defaults));
            case Ty.Ref r -> new Ty.Ref(r.mutable(), resolve(r.inner(), defaults));
            case Ty.Ptr p -> new Ty.Ptr(p.mutable(), resolve(p.inner(), defaults));
            case Ty.FnPtr f -> new Ty.FnPtr(f.params().stream().map(e -> resolve(e, defaults)).toList(), resolve(f.ret(), defaults));
            default -> t;
        };
    }

    /** True if {@code t} still contains an unbound general variable. */
    public static boolean hasUnresolved(Ty t) {
        t = shallow(t);
        return switch (t) {
            case Ty.Var v -> true;
            case Ty.Tuple tu -> tu.elements().stream().anyMatch(Infer::hasUnresolved);
            case Ty.Array a -> hasUnresolved(a.element());
            case Ty.Slice s -> hasUnresolved(s.element());
            case Ty.Ref r -> hasUnresolved(r.inner());
            case Ty.Ptr p -> hasUnresolved(p.inner());
            case Ty.FnPtr f -> f.params().stream().anyMatch(Infer::hasUnresolved) || hasUnresolved(f.ret());
            default -> false;
        };
    }

    /** Makes {@code a} and {@code b} the same type; false if they cannot be. */
    public boolean unify(Ty first, Ty second) {
        Ty a = shallow(first);
        Ty b = shallow(second);
        if (a == b) return true;
        if (a instanceof Ty.Error || b instanceof Ty.Error) return true;
        if (a instanceof Ty.Var va) return bind(va, b);
        if (b instanceof Ty.Var vb) return bind(vb, a);
        return switch (a) {
            case Ty.Tuple ta when b instanceof Ty.Tuple tb -> unifyAll(ta.elements(), tb.elements());
            case Ty.Array aa when b instanceof Ty.Array ab -> aa.length() == ab.length() && unify(aa.element(), ab.element());
            case Ty.Slice sa when b instanceof Ty.Slice sb -> unify(sa.element(), sb.element());
            case Ty.Ref ra when b instanceof Ty.Ref rb -> ra.mutable() == rb.mutable() && unify(ra.inner(), rb.inner());
            case Ty.Ptr pa when b instanceof Ty.Ptr pb -> pa.mutable() == pb.mutable() && unify(pa.inner(), pb.inner());
            case Ty.FnPtr fa when b instanceof Ty.FnPtr fb -> unifyAll(fa.params(), fb.params()) && unify(fa.ret(), fb.ret());
            case Ty.Adt x when b instanceof Ty.Adt y -> x.def() == y.def();
            case Ty.FnItem x when b instanceof Ty.FnItem y -> x.fn() == y.fn();
            default -> a.equals(b);
        };
    }

    private boolean unifyAll(List<Ty> as, List<Ty> bs) {
        if (as.size() != bs.size()) return false;
        for (int i = 0; i < as.size(); i++) if (!unify(as.get(i), bs.get(i))) return false;
        return true;
    }

    private boolean bind(Ty.Var v, Ty t) {
        if (t instanceof Ty.Var w) {
            if (v.integral && !w.integral) {
                w.binding = v;
                return true;
            }
            v.binding = w;
            return true;
        }
        if (v.integral && !(t instanceof Ty.Int)) return false;
        if (occurs(v, t)) return false;
        v.binding = t;
        return true;
    }

    private static boolean occurs(Ty.Var v, Ty t) {
        t = shallow(t);
        return switch (t) {
            case Ty.Var w -> w == v;
            case Ty.Tuple tu -> tu.elements().stream().anyMatch(e -> occurs(v, e));
            case Ty.Array a -> occurs(v, a.element());
            case Ty.Slice s -> occurs(v, s.element());
            case Ty.Ref r -> occurs(v, r.inner());
            case Ty.Ptr p -> occurs(v, p.inner());
            default -> false;
        };
    }
}
