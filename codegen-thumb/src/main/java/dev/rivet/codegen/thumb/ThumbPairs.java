package dev.rivet.codegen.thumb;

import dev.rivet.codegen.Reg;
import dev.rivet.codegen.isel.IselContext;
import dev.rivet.codegen.isel.KnownWords;
import dev.rivet.codegen.thumb.ThumbEncoder.Dp;
import dev.rivet.codegen.thumb.ThumbIsel.Flags;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * 64-bit values on Thumb, as register pairs (low word first). Addition and subtraction use the
 * carry flag, logic works on each half, constant shifts combine the halves inline, and
 * multiplication, division and variable shifts call run-time helpers where the core lacks an
 * instruction. Loads, stores, calls and returns of pairs are handled where 32-bit ones are.
 */
final class ThumbPairs {
    private final ThumbIsel isel;

    ThumbPairs(ThumbIsel isel) {
        this.isel = isel;
    }

    /** Selects {@code i} if it is a 64-bit operation this class handles; false leaves it to the caller. */
    boolean select(IselContext ctx, Inst i) {
        switch (i.op) {
            case ADD, SUB -> addSub(ctx, i);
            case AND, OR, XOR -> {
                Dp op = i.op == Op.AND ? Dp.AND : i.op == Op.OR ? Dp.ORR : Dp.EOR;
                Reg[] d = ctx.result(i);
                for (int w = 0; w < 2; w++) {
                    switch (KnownWords.logic(i.op, i.arg(0), i.arg(1), w)) {
                        case KnownWords.Logic.Constant k -> ctx.emit(new ThumbInst.Const(d[w], (int) k.value()));
                        case KnownWords.Logic.Copy c -> ctx.emit(new ThumbInst.Mov(d[w], ctx.word(i.arg(c.operand()), w)));
                        case KnownWords.Logic.Compute c -> {
                            ctx.emit(new ThumbInst.Mov(d[w], ctx.word(i.arg(0), w)));
                            ctx.emit(new ThumbInst.Dp(op, d[w], ctx.word(i.arg(1), w)));
                        }
                    }
                }
            }
            case MUL -> multiply(ctx, i);
            case UDIV, SDIV, UREM, SREM -> {
                String helper = switch (i.op) {
                    case UDIV -> "__udivdi3"; case SDIV -> "__divdi3"; case UREM -> "__umoddi3"; default -> "__moddi3";
                };
                ctx.call(i.args, i, (args, results) -> new ThumbInst.Call(helper, null, args, results));
            }
            case SHL, LSHR, ASHR -> shift(ctx, i);
            case ZEXT, SEXT -> {
                if (i.type != Type.I64) return false;
                Reg[] d = ctx.result(i);
                if (i.op == Op.ZEXT) {
                    ctx.emit(new ThumbInst.Mov(d[0], isel.zeroExtended(ctx, i.arg(0))));
                    ctx.emit(new ThumbInst.Const(d[1], 0));
                } else {
                    ctx.emit(new ThumbInst.Mov(d[0], isel.signExtended(ctx, i.arg(0))));
                    ctx.emit(new ThumbInst.ShiftImm(2, d[1], d[0], 31));
                }
            }
            case TRUNC -> {
                Reg lo = ctx.regs(i.arg(0))[0];
                Reg d = ctx.resultReg(i);
                if (i.type == Type.I1) {
                    ctx.emit(new ThumbInst.Const(d, 1));
                    ctx.emit(new ThumbInst.Dp(Dp.AND, d, lo));
                } else {
                    ctx.emit(new ThumbInst.Mov(d, lo));
                }
            }
            case SELECT -> {
                Flags f = isel.isTrue(ctx, i.arg(0));
                Reg[] d = ctx.result(i), a = ctx.regs(i.arg(1)), b = ctx.regs(i.arg(2));
                for (int w = 0; w < 2; w++) ctx.emit(new ThumbInst.Select(f.cond(), d[w], f.cmp(), a[w], b[w]));
            }
            case SWITCH -> switchChain(ctx, i);
            default -> { return false; }
        }
        return true;
    }

    private void multiply(IselContext ctx, Inst i) {
        if (!isel.thumb2) {
            ctx.call(i.args, i, (args, results) -> new ThumbInst.Call("__aeabi_lmul", null, args, results));
            return;
        }
        // (ahi:alo) * (bhi:blo) mod 2^64 = alo*blo + ((alo*bhi + ahi*blo) << 32); a high word
        // known to be zero drops its product
        Value x = i.arg(0), y = i.arg(1);
        Reg[] d = ctx.result(i);
        Reg alo = ctx.word(x, 0), blo = ctx.word(y, 0);
        Reg hi = ctx.newReg();
        ctx.emit(new ThumbInst.Umull(d[0], hi, alo, blo));
        if (!KnownWords.zero(y, 1)) {
            Reg sum = ctx.newReg();
            ctx.emit(new ThumbInst.Mla(false, sum, alo, ctx.word(y, 1), hi));
            hi = sum;
        }
        if (!KnownWords.zero(x, 1)) {
            Reg sum = ctx.newReg();
            ctx.emit(new ThumbInst.Mla(false, sum, ctx.word(x, 1), blo, hi));
            hi = sum;
        }
        ctx.emit(new ThumbInst.Mov(d[1], hi));
    }

    /**
     * Addition and subtraction with the carry flag, unless a low word is known to be zero: then
     * no carry can arise, the low word is copied and only the high words are added.
     */
    private static void addSub(IselContext ctx, Inst i) {
        boolean sub = i.op == Op.SUB;
        Value x = i.arg(0), y = i.arg(1);
        Reg[] d = ctx.result(i);
        Value low = KnownWords.carryFreeLow(i.op, x, y);
        if (low != null) {
            ctx.emit(new ThumbInst.Mov(d[0], ctx.word(low, 0)));
            if (KnownWords.highWords(i.op, x, y) instanceof KnownWords.Logic.Copy c) ctx.emit(new ThumbInst.Mov(d[1], ctx.word(i.arg(c.operand()), 1)));
            else ctx.emit(new ThumbInst.Add3(sub, d[1], ctx.word(x, 1), ctx.word(y, 1)));
            return;
        }
        Reg[] a = ctx.regs(x), b = ctx.regs(y);
        ctx.emit(new ThumbInst.AddSub64(sub, d[0], d[1], a[0], a[1], b[0], b[1]));
    }

    private void shift(IselContext ctx, Inst i) {
        Reg[] a = ctx.regs(i.arg(0));
        if (!IselContext.isConst(i.arg(1))) {
            String helper = i.op == Op.SHL ? "__aeabi_llsl" : i.op == Op.LSHR ? "__aeabi_llsr" : "__aeabi_lasr";
            Reg amount = ctx.regs(i.arg(1))[0];
            isel.callHelper(ctx, helper, List.of(a[0], a[1], amount), 2);
            Reg[] d = ctx.result(i);
            ctx.emit(new ThumbInst.Mov(d[0], Reg.phys(0)));
            ctx.emit(new ThumbInst.Mov(d[1], Reg.phys(1)));
            return;
        }
        int n = (int) (IselContext.constValue(i.arg(1)) & 63);
        Reg[] d = ctx.result(i);
        if (n == 0) {
            ctx.emit(new ThumbInst.Mov(d[0], a[0]));
            ctx.emit(new ThumbInst.Mov(d[1], a[1]));
            return;
        }
        if (i.op == Op.SHL) {
            if (n < 32) {
                Reg t = shiftOr(ctx, a[1], 0, n, a[0], 1, 32 - n);
                ctx.emit(new ThumbInst.ShiftImm(0, d[0], a[0], n));
                ctx.emit(new ThumbInst.Mov(d[1], t));
            } else {
                shiftOrMove(ctx, d[1], 0, a[0], n - 32);
                ctx.emit(new ThumbInst.Const(d[0], 0));
            }
            return;
        }
        int kind = i.op == Op.LSHR ? 1 : 2;
        if (n < 32) {
            Reg t = shiftOr(ctx, a[0], 1, n, a[1], 0, 32 - n);
            ctx.emit(new ThumbInst.ShiftImm(kind, d[1], a[1], n));
            ctx.emit(new ThumbInst.Mov(d[0], t));
        } else {
            shiftOrMove(ctx, d[0], kind, a[1], n - 32);
            if (kind == 1) ctx.emit(new ThumbInst.Const(d[1], 0));
            else ctx.emit(new ThumbInst.ShiftImm(2, d[1], a[1], 31));
        }
    }

    /** (x shifted by kx, nx) | (y shifted by ky, ny), both amounts in 1..31. */
    private static Reg shiftOr(IselContext ctx, Reg x, int kx, int nx, Reg y, int ky, int ny) {
        Reg t = ctx.newReg(), u = ctx.newReg();
        ctx.emit(new ThumbInst.ShiftImm(kx, t, x, nx));
        ctx.emit(new ThumbInst.ShiftImm(ky, u, y, ny));
        ctx.emit(new ThumbInst.Dp(Dp.ORR, t, u));
        return t;
    }

    private static void shiftOrMove(IselContext ctx, Reg d, int kind, Reg a, int n) {
        if (n == 0) ctx.emit(new ThumbInst.Mov(d, a));
        else ctx.emit(new ThumbInst.ShiftImm(kind, d, a, n));
    }

    /** The flags for a 64-bit comparison. */
    Flags compare(IselContext ctx, Inst cmp) {
        Cond c = Cond.of(cmp.cond);
        Value a = cmp.arg(0), b = cmp.arg(1);
        if (c == Cond.EQ || c == Cond.NE) return new Flags(new ThumbInst.Cmp(differences(ctx, a, b), null, 0), c);
        if (c == Cond.GT || c == Cond.LE || c == Cond.HI || c == Cond.LS) {
            Value t = a;
            a = b;
            b = t;
            c = c.swap();
        }
        Reg[] ra = ctx.regs(a), rb = ctx.regs(b);
        return new Flags(new ThumbInst.Cmp64(ra[0], ra[1], rb[0], rb[1], ctx.newReg()), c);
    }

    /**
     * A word that is zero exactly when the two 64-bit values are equal: the two words' XORs
     * ORed, leaving out a word known equal on both sides and the XOR with a known zero word
     * ({@code x != 0} is then one ORR of x's words).
     */
    private Reg differences(IselContext ctx, Value a, Value b) {
        Reg lo = wordDifference(ctx, a, b, 0), hi = wordDifference(ctx, a, b, 1);
        if (lo == null || hi == null) return lo != null ? lo : hi != null ? hi : isel.constant(ctx, 0);
        Reg d = ctx.newReg();
        ctx.emit(new ThumbInst.Mov(d, lo));
        ctx.emit(new ThumbInst.Dp(Dp.ORR, d, hi));
        return d;
    }

    private Reg wordDifference(IselContext ctx, Value a, Value b, int w) {
        return KnownWords.differenceWord(ctx, a, b, w, v -> isel.constant(ctx, v), (x, y) -> {
            Reg d = ctx.newReg();
            ctx.emit(new ThumbInst.Mov(d, x));
            ctx.emit(new ThumbInst.Dp(Dp.EOR, d, y));
            return d;
        });
    }

    /** A 64-bit switch: one equality test per case. */
    private void switchChain(IselContext ctx, Inst sw) {
        Reg[] v = ctx.regs(sw.arg(0));
        for (int k = 0; k < sw.cases.length; k++) {
            int target = ctx.target(sw.targets.get(k + 1), false);
            Reg[] c = {isel.constant(ctx, sw.cases[k] & 0xFFFF_FFFFL), isel.constant(ctx, sw.cases[k] >>> 32)};
            Reg lo = ctx.newReg(), hi = ctx.newReg();
            ctx.emit(new ThumbInst.Mov(lo, v[0]));
            ctx.emit(new ThumbInst.Dp(Dp.EOR, lo, c[0]));
            ctx.emit(new ThumbInst.Mov(hi, v[1]));
            ctx.emit(new ThumbInst.Dp(Dp.EOR, hi, c[1]));
            ctx.emit(new ThumbInst.Dp(Dp.ORR, lo, hi));
            ctx.emit(new ThumbInst.CaseBranch(lo, 0, target));
        }
        ctx.emit(new ThumbInst.Jump(ctx.target(sw.targets.getFirst(), false)));
    }
}
