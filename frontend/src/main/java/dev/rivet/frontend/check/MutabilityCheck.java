package dev.rivet.frontend.check;

import dev.rivet.frontend.Diagnostic;
import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.Ty;

/**
 * The part of rustc's borrow checker that concerns mutability: a place that is assigned or
 * borrowed {@code &mut} (also by a {@code &mut self} method) must be a {@code mut} local, a
 * {@code static mut}, or reached through {@code &mut} or {@code *mut}. Runs on typed
 * expressions; a local declared without a value ({@code let x;}) may be assigned (rivet does
 * not track definite initialisation, so it does not report a second assignment to one).
 */
final class MutabilityCheck {
    private final Typing typing;
    private final Diagnostics diags;

    MutabilityCheck(Typing typing, Diagnostics diags) {
        this.typing = typing;
        this.diags = diags;
    }

    /** Why a place cannot be mutated: an immutable local or static (by name), or what it lies behind. */
    private sealed interface Denial {
        record Local(dev.rivet.frontend.check.Local local) implements Denial {}
        record Static(String name) implements Denial {}
        record Behind(String what) implements Denial {}
    }

    /** {@code target = ...} and {@code target op= ...}. */
    void assign(Expr target) {
        Denial d = deny(target);
        if (d == null) return;
        String place = text(target);
        switch (d) {
            case Denial.Local l when isLocal(target, l.local()) -> {
                if (l.local().deferredInit) return;
                String what = l.local().argument ? "cannot assign to immutable argument `" : "cannot assign twice to immutable variable `";
                diags.add(Diagnostic.error(target.span(), what + l.local().name + "`")
                        .withHelp("consider making this binding mutable: `mut " + l.local().name + "`"));
            }
            case Denial.Local l -> diags.error(target.span(), "cannot assign to `" + place + "`, as `" + l.local().name
                    + "` is not declared as mutable");
            case Denial.Static s -> diags.error(target.span(), "cannot assign to immutable static item `" + s.name() + "`");
            case Denial.Behind b -> diags.error(target.span(), "cannot assign to `" + place + "`, which is behind " + b.what());
        }
    }

    /** {@code &mut place}. */
    void borrow(Expr place, Span at) {
        report(deny(place), text(place), place, at);
    }

    /** A method taking {@code &mut self}: the receiver after {@code derefs} automatic derefs is borrowed. */
    void borrowReceiver(Expr receiver, int derefs) {
        if (derefs == 0) {
            report(deny(receiver), text(receiver), receiver, receiver.span());
            return;
        }
        report(throughRefs(typing.types.get(receiver), derefs), "*".repeat(derefs) + text(receiver), null, receiver.span());
    }

    private void report(Denial d, String place, Expr whole, Span at) {
        if (d == null) return;
        String message = switch (d) {
            case Denial.Local l when whole != null && isLocal(whole, l.local()) ->
                    "cannot borrow `" + place + "` as mutable, as it is not declared as mutable";
            case Denial.Local l -> "cannot borrow `" + place + "` as mutable, as `" + l.local().name + "` is not declared as mutable";
            case Denial.Static s -> "cannot borrow immutable static item `" + s.name() + "` as mutable";
            case Denial.Behind b -> "cannot borrow `" + place + "` as mutable, as it is behind " + b.what();
        };
        diags.error(at, message);
    }

    private boolean isLocal(Expr e, Local local) {
        return e instanceof Expr.PathExpr p && typing.paths.get(p) instanceof Res.LocalRes l && l.local() == local;
    }

    /** Why {@code e} cannot be mutated, or null when it can (or is not a place rivet reasons about). */
    private Denial deny(Expr e) {
        return switch (e) {
            case Expr.PathExpr p -> switch (typing.paths.get(p)) {
                case Res.LocalRes l -> l.local().mutable ? null : new Denial.Local(l.local());
                case Res.StaticRes s -> s.info().mutable() ? null : new Denial.Static(p.path().last());
                case null, default -> null;
            };
            case Expr.Field f -> projection(f.base(), typing.fields.get(f) == null ? 0 : typing.fields.get(f)[0]);
            case Expr.TupleField f -> projection(f.base(), typing.fields.get(f) == null ? 0 : typing.fields.get(f)[0]);
            case Expr.Index ix -> projection(ix.base(), typing.indexDerefs.getOrDefault(ix, 0));
            case Expr.Unary u when u.op() == Expr.UnOp.DEREF -> switch (Infer.shallow(typing.types.get(u.operand()))) {
                case Ty.Ref r -> r.mutable() ? null : new Denial.Behind("a `&` reference");
                case Ty.Ptr ptr -> ptr.mutable() ? null : new Denial.Behind("a `*const` pointer");
                case null, default -> null;
            };
            default -> null;
        };
    }

    private Denial projection(Expr base, int derefs) {
        return derefs == 0 ? deny(base) : throughRefs(typing.types.get(base), derefs);
    }

    /** Automatic derefs go through references only; every one of them must be {@code &mut}. */
    private static Denial throughRefs(Ty t, int derefs) {
        for (int k = 0; k < derefs && t != null; k++) {
            if (!(Infer.shallow(t) instanceof Ty.Ref r)) return null;
            if (!r.mutable()) return new Denial.Behind("a `&` reference");
            t = r.inner();
        }
        return null;
    }

    /** The place as rustc names it: indexes as {@code [_]}. */
    private static String text(Expr e) {
        return switch (e) {
            case Expr.Index ix -> text(ix.base()) + "[_]";
            case Expr.Field f -> text(f.base()) + "." + f.name();
            case Expr.TupleField f -> text(f.base()) + "." + f.index();
            case Expr.Unary u when u.op() == Expr.UnOp.DEREF -> "*" + text(u.operand());
            default -> e.span().file().text().substring(e.span().start(), e.span().end());
        };
    }
}
