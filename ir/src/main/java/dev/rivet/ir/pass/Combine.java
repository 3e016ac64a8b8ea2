package dev.rivet.ir.pass;

import dev.rivet.ir.Block;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Function;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Module;
import dev.rivet.ir.Op;
import dev.rivet.ir.Target;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local algebraic simplification, instruction by instruction: identities ({@code x + 0},
 * {@code x & -1}, {@code x - x}), strength reduction (multiplying or dividing unsigned by a
 * power of two, constant or {@code 1 << n}, becomes a shift, the remainder a mask), constants moved to the right of
 * commutative operations, and chains of constant pointer offsets merged. Replaced instructions
 * are left for dce. Cost: linear; each block's list is rebuilt once, with the constants a
 * rewrite needs placed before the instruction that uses them.
 */
public final class Combine implements Pass {
    @Override
    public String name() { return "combine"; }

    @Override
    public void run(Module m) {
        for (Function f : m.functions()) if (!f.isDeclaration()) run(f);
    }

    private final Map<Value, Value> replaced = new IdentityHashMap<>();
    /** The block being rebuilt, up to the instruction being simplified, which comes next. */
    private List<Inst> out;
    private Inst current;

    void run(Function f) {
        replaced.clear();
        for (Block b : f.blocks()) {
            out = new ArrayList<>(b.insts().size() + 4);
            for (Inst i : b.insts()) {
                i.args.replaceAll(this::resolve);
                for (Target t : i.targets) t.args.replaceAll(this::resolve);
                current = i;
                Value r = simplify(i);
                if (r != null && r != i) replaced.put(i, r);
                out.add(i);
            }
            b.setInsts(out);
        }
        out = null;
        current = null;
        if (replaced.isEmpty()) return;
        for (Block b : f.blocks())
            for (Inst i : b.insts()) {
                i.args.replaceAll(this::resolve);
                for (Target t : i.targets) t.args.replaceAll(this::resolve);
            }
    }

    private Value resolve(Value v) {
        Value r = v;
        while (replaced.containsKey(r)) r = replaced.get(r);
        return r;
    }

    private static boolean isConst(Value v, long c) {
        return v instanceof Inst i && i.op == Op.CONST && i.type.wrap(i.imm) == i.type.wrap(c);
    }

    private static Long constOf(Value v) {
        return v instanceof Inst i && i.op == Op.CONST ? i.type.wrap(i.imm) : null;
    }

    /** The power of two {@code v} is (k for 2^k, k >= 1), or -1. */
    private static int log2(Long v) {
        if (v == null || v <= 1 || Long.bitCount(v) != 1) return -1;
        return Long.numberOfTrailingZeros(v);
    }

    /**
     * For {@code v = 1 << n} with n known to be below v's width (masked, as Rust's release
     * shifts are, or constant), n; else null. Such a v is a power of two, never zero.
     */
    private static Value shiftOfOne(Value v) {
        if (!(v instanceof Inst s) || s.op != Op.SHL || !isConst(s.arg(0), 1)) return null;
        Value n = s.arg(1);
        Long bound = constOf(n);
        if (bound == null && n instanceof Inst m && m.op == Op.AND) bound = constOf(m.arg(1));
        return bound != null && bound < s.type.bits() ? n : null;
    }

    /** A replacement for {@code i}, or null to keep it (possibly after rewriting it in place). */
    private Value simplify(Inst i) {
        if (i.op.is(Op.Flag.COMMUTATIVE) && i.args.size() == 2 && constOf(i.arg(0)) != null && constOf(i.arg(1)) == null) {
            Value t = i.arg(0);
            i.args.set(0, i.arg(1));
            i.args.set(1, t);
        }
        Value a = i.args.isEmpty() ? null : i.arg(0), c = i.args.size() > 1 ? i.arg(1) : null;
        Type t = i.type;
        switch (i.op) {
            case ADD, OR, XOR, SUB, SHL, LSHR, ASHR -> {
                if (isConst(c, 0)) return a;
                if (a == c && (i.op == Op.SUB || i.op == Op.XOR)) return constant(t, 0);
                if (a == c && i.op == Op.OR) return a;
            }
            case AND -> {
                if (isConst(c, -1)) return a;
                if (isConst(c, 0)) return c;
                if (a == c) return a;
            }
            case MUL -> {
                if (isConst(c, 1)) return a;
                if (isConst(c, 0)) return c;
                int k = log2(constOf(c));
                if (k > 0) return rewrite(i, Op.SHL, constant(t, k));
            }
            case UDIV -> {
                if (isConst(c, 1)) return a;
                int k = log2(constOf(c));
                if (k > 0) return rewrite(i, Op.LSHR, constant(t, k));
                Value n = shiftOfOne(c);
                if (n != null) return rewrite(i, Op.LSHR, n);
            }
            case UREM -> {
                int k = log2(constOf(c));
                if (k > 0) return rewrite(i, Op.AND, constant(t, (1L << k) - 1));
                if (shiftOfOne(c) != null) {
                    Inst minusOne = constant(t, -1);
                    return rewrite(i, Op.AND, before(Inst.binary(Op.ADD, c, minusOne)));
                }
            }
            case ICMP -> {
                // 1 << n with n below the width is never zero: the divide-by-zero check before x % (1 << n)
                if (shiftOfOne(a) != null && isConst(c, 0) && (i.cond == Cond.EQ || i.cond == Cond.NE))
                    return constant(Type.I1, i.cond == Cond.NE ? 1 : 0);
            }
            case PTRADD -> {
                if (isConst(c, 0)) return a;
                if (a instanceof Inst inner && inner.op == Op.PTRADD && constOf(inner.arg(1)) != null && constOf(c) != null) {
                    long sum = Type.I32.signed(constOf(inner.arg(1))) + Type.I32.signed(constOf(c));
                    i.args.set(0, inner.arg(0));
                    i.args.set(1, constant(Type.I32, sum));
                    return null;
                }
            }
            case SELECT -> {
                if (i.arg(1) == i.arg(2)) return i.arg(1);
            }
            case ZEXT -> {
                if (a instanceof Inst inner && inner.op == Op.ZEXT) {
                    i.args.set(0, inner.arg(0));
                    return null;
                }
            }
            case TRUNC -> {
                if (a instanceof Inst inner && (inner.op == Op.ZEXT || inner.op == Op.SEXT) && inner.arg(0).type() == t) return inner.arg(0);
            }
            default -> { }
        }
        return null;
    }

    /** Turns {@code i} into {@code op i.arg(0), amount} in place. */
    private static Value rewrite(Inst i, Op op, Value amount) {
        i.op = op;
        i.args.set(1, amount);
        return null;
    }

    private Inst constant(Type t, long v) {
        return before(Inst.constant(t, t.wrap(v)));
    }

    /** Places {@code i} before the instruction being simplified, with its source location as Block.insert gives. */
    private Inst before(Inst i) {
        if (i.loc == null) i.loc = current.loc;
        out.add(i);
        return i;
    }
}
