package dev.rivet.frontend.lower;

import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.check.Typing;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Block;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code match} on an integer, char or fieldless enum whose arms are literals, constants,
 * unit variants, small ranges, alternatives of those, or a catch-all, without guards, becomes
 * one IR {@code switch}: the back ends then pick a jump table or a binary search, whichever is
 * smaller.
 */
final class SwitchLowering {
    private static final int MAX_RANGE = 32;
    private final ExprLowering l;

    SwitchLowering(ExprLowering l) {
        this.l = l;
    }

    static boolean applies(ExprLowering l, Expr.Match m) {
        Ty t = LowerBase.strip(l.typing.type(m.scrutinee()));
        boolean scalar = t instanceof Ty.Int || t instanceof Ty.Char || (t instanceof Ty.Adt a && a.def().isFieldless());
        if (!scalar || m.arms().isEmpty()) return false;
        for (Expr.Arm arm : m.arms()) {
            if (arm.guard() != null || l.typing.patternDerefs.containsKey(arm.pattern())) return false;
            if (values(l, arm.pattern()) == null && !catchAll(l, arm.pattern())) return false;
        }
        return true;
    }

    private static boolean catchAll(ExprLowering l, Pat p) {
        return p instanceof Pat.Wild || (p instanceof Pat.Ident id && id.sub() == null
                && l.typing.patterns.get(id) instanceof Typing.PatRes.Binding);
    }

    /** The values a pattern matches, or null if it is not a finite set of constants. */
    private static List<Long> values(ExprLowering l, Pat p) {
        Typing.PatRes res = l.typing.patterns.get(p);
        if (res instanceof Typing.PatRes.Constant c) return constant(c.value());
        if (res instanceof Typing.PatRes.Variant v && v.adt().isFieldless()) return List.of(v.variant().discriminant.longValue());
        if (p instanceof Pat.Or or) {
            List<Long> all = new ArrayList<>();
            for (Pat alt : or.alternatives()) {
                List<Long> vs = values(l, alt);
                if (vs == null) return null;
                all.addAll(vs);
            }
            return all;
        }
        if (p instanceof Pat.Range r && r.low() != null && r.high() != null) {
            List<Long> lo = values(l, r.low()), hi = values(l, r.high());
            if (lo == null || hi == null) return null;
            long from = lo.getFirst(), to = hi.getFirst() - (r.inclusive() ? 0 : 1);
            if (to < from || to - from < 0 || to - from >= MAX_RANGE) return null; // (overflow-safe)
            List<Long> out = new ArrayList<>();
            for (long v = from; v <= to; v++) out.add(v);
            return out;
        }
        return null;
    }

    private static List<Long> constant(ConstValue v) {
        return switch (v) {
            case ConstValue.Int i -> List.of(i.value().longValue());
            case ConstValue.Char c -> List.of((long) c.codePoint());
            case ConstValue.Bool b -> List.of(b.value() ? 1L : 0L);
            default -> null;
        };
    }

    Operand lower(Expr.Match m, LowerBase.Place scrut, Value slot, Ty t, Block join) {
        FnBuilder b = l.b;
        Ty st = LowerBase.strip(scrut.type());
        Value value = st instanceof Ty.Adt ? l.discriminant(new Operand.Mem(scrut.address(), false), st) : l.read(scrut).scalar();
        Inst sw = new Inst(Op.SWITCH, Type.VOID, value);
        b.emit(sw);
        Block trap = null;
        Set<Long> taken = new LinkedHashSet<>();
        List<Long> cases = new ArrayList<>();
        Block fallback = null;
        boolean arrives = false;
        for (Expr.Arm arm : m.arms()) {
            Block body = b.newBlock();
            if (catchAll(l, arm.pattern())) {
                fallback = body;
            } else {
                for (long v : values(l, arm.pattern())) {
                    long w = value.type().wrap(v);
                    if (taken.add(w)) {
                        cases.add(w);
                        sw.targets.add(new Target(body, List.of()));
                    }
                }
            }
            b.switchTo(body);
            if (arm.pattern() instanceof Pat.Ident id && l.typing.patterns.get(id) instanceof Typing.PatRes.Binding bind)
                l.bindLocal(bind, scrut);
            Operand v = l.expr(arm.body());
            if (b.reachable() && !(v instanceof Operand.Diverged)) {
                arrives = true;
                if (slot != null) l.store(v, slot, LowerBase.strip(t));
                b.jump(join);
            }
            if (fallback != null) break;
        }
        if (fallback == null) {
            trap = b.newBlock();
            b.switchTo(trap);
            b.trap();
            fallback = trap;
        }
        sw.targets.addFirst(new Target(fallback, List.of()));
        sw.cases = cases.stream().mapToLong(Long::longValue).toArray();
        b.switchTo(join);
        if (!arrives) {
            b.trap();
            return Operand.DIVERGED;
        }
        if (slot == null) return Operand.ZST;
        Operand v = l.load(slot, LowerBase.strip(t));
        return v instanceof Operand.Mem ? new Operand.Mem(slot, true) : v;
    }
}
