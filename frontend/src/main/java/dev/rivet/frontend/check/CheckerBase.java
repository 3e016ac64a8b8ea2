package dev.rivet.frontend.check;

import dev.rivet.frontend.Diagnostic;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.resolve.ModuleScope;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.Ty;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * State and helpers shared by the type checker's layers: the inference context, lexical
 * scopes of locals, the loop stack, and coercion at coercion sites (let with a type, arguments,
 * returns, fields, array elements, assignments).
 */
abstract class CheckerBase {
    /** A loop (or labelled block) that {@code break} can leave; {@code breakType} is its value type. */
    static final class LoopCtx {
        /** {@code loop} (breaks may carry values), {@code while}/{@code for} (they may not), labelled block. */
        enum Kind { LOOP, WHILE, BLOCK }

        final String label;
        final Ty breakType;
        final Kind kind;
        boolean broken;

        LoopCtx(String label, Ty breakType, Kind kind) {
            this.label = label;
            this.breakType = breakType;
            this.kind = kind;
        }
    }

    protected final Sema sema;
    protected Env env;
    protected final Infer infer;
    protected final Typing typing = new Typing();
    protected final MutabilityCheck mutability;
    protected final Deque<Map<String, Local>> scopes = new ArrayDeque<>();
    protected final Deque<LoopCtx> loops = new ArrayDeque<>();
    /** The function's return type (the constant's type when checking an initialiser). */
    protected final Ty returnType;

    CheckerBase(Sema sema, Env env, Ty returnType) {
        this.sema = sema;
        this.env = env;
        this.infer = env.infer();
        this.returnType = returnType;
        this.mutability = new MutabilityCheck(typing, sema.diags);
        typing.scope = env.scope();
    }

    abstract Ty check(Expr e, Ty expected);

    abstract Ty block(Block b, Ty expected);

    // ---- diagnostics ----

    protected Ty error(Span span, String message) {
        sema.diags.error(span, message);
        return Ty.ERROR;
    }

    protected Ty unsupported(Span span, String what) {
        sema.diags.unsupported(span, what);
        return Ty.ERROR;
    }

    protected void mismatch(Span span, Ty expected, Ty found) {
        if (Infer.shallow(expected) instanceof Ty.Error || Infer.shallow(found) instanceof Ty.Error) return;
        sema.diags.add(Diagnostic.error(span, "mismatched types")
                .withLabel("expected `" + Ty.show(expected) + "`, found `" + Ty.show(found) + "`"));
    }

    // ---- scopes ----

    protected void push() { scopes.push(new HashMap<>()); }

    protected void pop() { scopes.pop(); }

    protected void bind(Local l) { scopes.peek().put(l.name, l); }

    protected Local lookupLocal(String name) {
        for (String n = name; n != null; n = dev.rivet.frontend.Names.outer(n)) { // a macro's `x` also sees the `x` where it was written
            for (Map<String, Local> s : scopes) {
                Local l = s.get(n);
                if (l != null) return l;
            }
        }
        return null;
    }

    protected ModuleScope scope() { return env.scope(); }

    // ---- types ----

    protected Ty shallow(Ty t) { return Infer.shallow(t); }

    protected boolean isInt(Ty t) {
        Ty s = shallow(t);
        return s instanceof Ty.Int || (s instanceof Ty.Var v && v.toString().equals("{integer}"));
    }

    protected boolean isError(Ty t) { return shallow(t) instanceof Ty.Error; }

    /** Unifies or reports a mismatch at {@code span}. */
    protected boolean expect(Span span, Ty expected, Ty found) {
        if (infer.unify(expected, found)) return true;
        mismatch(span, expected, found);
        return false;
    }

    /**
     * Coerces {@code e} (of type {@code found}) to {@code target} where Rust allows it; records the
     * coercion for lowering; reports a mismatch otherwise. Returns the type the site sees.
     */
    protected Ty coerce(Expr e, Ty found, Ty target) {
        Ty f = shallow(found), t = shallow(target);
        if (f instanceof Ty.Never) {
            if (!(t instanceof Ty.Never)) typing.coercions.put(e, new Coercion(Coercion.Kind.NEVER, target));
            return target;
        }
        if (f instanceof Ty.Ref fr && t instanceof Ty.Ref tr && (!tr.mutable() || fr.mutable())) {
            Ty fi = shallow(fr.inner()), ti = shallow(tr.inner());
            if (fi instanceof Ty.Array fa && ti instanceof Ty.Slice ts) {
                expect(e.span(), ts.element(), fa.element());
                typing.coercions.put(e, new Coercion(Coercion.Kind.UNSIZE, target));
                return target;
            }
            if (fr.mutable() && !tr.mutable()) {
                if (!infer.unify(fi, ti)) mismatch(e.span(), target, found);
                typing.coercions.put(e, new Coercion(Coercion.Kind.WEAKEN, target));
                return target;
            }
        }
        if (t instanceof Ty.Ptr tp) {
            if (f instanceof Ty.Ref fr && (!tp.mutable() || fr.mutable())) {
                if (!infer.unify(fr.inner(), tp.inner())) mismatch(e.span(), target, found);
                typing.coercions.put(e, new Coercion(Coercion.Kind.REF_TO_PTR, target));
                return target;
            }
            if (f instanceof Ty.Ptr fp && fp.mutable() && !tp.mutable()) {
                if (!infer.unify(fp.inner(), tp.inner())) mismatch(e.span(), target, found);
                typing.coercions.put(e, new Coercion(Coercion.Kind.WEAKEN, target));
                return target;
            }
        }
        if (f instanceof Ty.FnItem fi && t instanceof Ty.FnPtr tp) {
            sema.items.signature(fi.fn());
            if (!infer.unify(new Ty.FnPtr(fi.fn().params, fi.fn().ret), tp)) mismatch(e.span(), target, found);
            typing.coercions.put(e, new Coercion(Coercion.Kind.FN_TO_PTR, target));
            return target;
        }
        if (!infer.unify(target, found)) mismatch(e.span(), target, found);
        return target;
    }

    /** Checks {@code e} at a coercion site of type {@code target}. */
    protected Ty checkCoerce(Expr e, Ty target) {
        Ty found = check(e, target);
        return coerce(e, found, target);
    }
}
