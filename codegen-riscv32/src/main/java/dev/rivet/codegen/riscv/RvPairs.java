package dev.rivet.codegen.riscv;

import dev.rivet.codegen.Reg;
import dev.rivet.codegen.isel.IselContext;
import dev.rivet.codegen.isel.KnownWords;
import dev.rivet.codegen.riscv.RvEncoder.Alu;
import dev.rivet.codegen.riscv.RvEncoder.AluImm;
import dev.rivet.codegen.riscv.RvEncoder.BranchOp;
import dev.rivet.ir.Cond;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * 64-bit values on RV32 as register pairs (low word first). RISC-V has no carry flag: carries
 * and borrows come from sltu. Multiplication uses mulhu with M and __muldi3 without;
 * division and variable shifts call the libgcc-named helpers.
 */
final class RvPairs {
    private final RvIsel isel;

    RvPairs(RvIsel isel) {
        this.isel = isel;
    }

    boolean select(IselContext ctx, Inst i) {
        switch (i.op) {
            case ADD, SUB -> addSub(ctx, i);
            case AND, OR, XOR -> {
                Alu op = i.op == Op.AND ? Alu.AND : i.op == Op.OR ? Alu.OR : Alu.XOR;
                Reg[] d = ctx.result(i);
                for (int w = 0; w < 2; w++) {
                    switch (KnownWords.logic(i.op, i.arg(0), i.arg(1), w)) {
                        case KnownWords.Logic.Constant k -> ctx.emit(new RvInst.Li(d[w], (int) k.value()));
                        case KnownWords.Logic.Copy c -> ctx.emit(new RvInst.Mv(d[w], ctx.word(i.arg(c.operand()), w)));
                        case KnownWords.Logic.Compute c -> logicWord(ctx, i, op, d[w], w);
                    }
                }
            }
            case MUL -> multiply(ctx, i);
            case UDIV, SDIV, UREM, SREM -> {
                String helper = switch (i.op) {
                    case UDIV -> "__udivdi3"; case SDIV -> "__divdi3"; case UREM -> "__umoddi3"; default -> "__moddi3";
                };
                ctx.call(i.args, i, (args, results) -> new RvInst.Call(helper, null, args, results));
            }
            case SHL, LSHR, ASHR -> shift(ctx, i);
            case ZEXT, SEXT -> {
                if (i.type != Type.I64) return false;
                Reg[] d = ctx.result(i);
                if (i.op == Op.ZEXT) {
                    ctx.emit(new RvInst.Mv(d[0], isel.zeroExtended(ctx, i.arg(0))));
                    ctx.emit(new RvInst.Li(d[1], 0));
                } else {
                    ctx.emit(new RvInst.Mv(d[0], isel.signExtended(ctx, i.arg(0))));
                    ctx.emit(new RvInst.OpImm(AluImm.SRAI, d[1], d[0], 31));
                }
            }
            case TRUNC -> {
                Reg lo = ctx.regs(i.arg(0))[0];
                if (i.type == Type.I1) ctx.emit(new RvInst.OpImm(AluImm.ANDI, ctx.resultReg(i), lo, 1));
                else ctx.emit(new RvInst.Mv(ctx.resultReg(i), lo));
            }
            case SELECT -> {
                Reg c = ctx.reg(i.arg(0));
                Reg[] d = ctx.result(i), a = ctx.regs(i.arg(1)), b = ctx.regs(i.arg(2));
                for (int w = 0; w < 2; w++) ctx.emit(new RvInst.Select(d[w], c, a[w], b[w]));
            }
            case SWITCH -> {
                Reg[] v = ctx.regs(i.arg(0));
                for (int k = 0; k < i.cases.length; k++) {
                    int target = ctx.target(i.targets.get(k + 1), false);
                    Reg diff = difference(ctx, v, new Reg[] {isel.constant(ctx, i.cases[k] & 0xFFFF_FFFFL), isel.constant(ctx, i.cases[k] >>> 32)});
                    ctx.emit(new RvInst.Branch(BranchOp.BEQ, diff, RvInst.ZERO, target));
                }
                ctx.emit(new RvInst.Jump(ctx.target(i.targets.getFirst(), false)));
            }
            default -> { return false; }
        }
        return true;
    }

    /**
     * Addition and subtraction with the carry from sltu, unless a low word is known to be zero:
     * then no carry can arise, the low word is copied and only the high words are added.
     */
    private static void addSub(IselContext ctx, Inst i) {
        boolean sub = i.op == Op.SUB;
        Value x = i.arg(0), y = i.arg(1);
        KnownWords.Logic high = KnownWords.highWords(i.op, x, y);
        Value low = KnownWords.carryFreeLow(i.op, x, y);
        if (low != null) {
            Reg[] d = ctx.result(i);
            ctx.emit(new RvInst.Mv(d[0], ctx.word(low, 0)));
            if (high instanceof KnownWords.Logic.Copy c) ctx.emit(new RvInst.Mv(d[1], ctx.word(i.arg(c.operand()), 1)));
            else ctx.emit(new RvInst.Op(sub ? Alu.SUB : Alu.ADD, d[1], ctx.word(x, 1), ctx.word(y, 1)));
            return;
        }
        Reg[] d = ctx.result(i), a = ctx.regs(x), b = ctx.regs(y);
        Reg carry = ctx.newReg(), hi = ctx.newReg();
        if (i.op == Op.ADD) {
            Reg lo = ctx.newReg();
            ctx.emit(new RvInst.Op(Alu.ADD, lo, a[0], b[0]));
            ctx.emit(new RvInst.Op(Alu.SLTU, carry, lo, a[0])); // the sum wrapped: carry out
            if (high instanceof KnownWords.Logic.Copy c) hi = c.operand() == 0 ? a[1] : b[1]; // a zero high word adds only the carry
            else ctx.emit(new RvInst.Op(Alu.ADD, hi, a[1], b[1]));
            ctx.emit(new RvInst.Op(Alu.ADD, d[1], hi, carry));
            ctx.emit(new RvInst.Mv(d[0], lo));
        } else {
            ctx.emit(new RvInst.Op(Alu.SLTU, carry, a[0], b[0])); // borrow out of the low word
            ctx.emit(new RvInst.Op(Alu.SUB, d[0], a[0], b[0]));
            ctx.emit(new RvInst.Op(Alu.SUB, hi, a[1], b[1]));
            ctx.emit(new RvInst.Op(Alu.SUB, d[1], hi, carry));
        }
    }

    private void multiply(IselContext ctx, Inst i) {
        if (!isel.hasM) {
            ctx.call(i.args, i, (args, results) -> new RvInst.Call("__muldi3", null, args, results));
            return;
        }
        // (ahi:alo) * (bhi:blo) mod 2^64 = alo*blo + ((alo*bhi + ahi*blo) << 32); a high word
        // known to be zero drops its product
        Value x = i.arg(0), y = i.arg(1);
        Reg[] d = ctx.result(i);
        Reg alo = ctx.word(x, 0), blo = ctx.word(y, 0);
        Reg hi = ctx.newReg();
        ctx.emit(new RvInst.Op(Alu.MULHU, hi, alo, blo));
        if (!KnownWords.zero(y, 1)) hi = addProduct(ctx, hi, alo, ctx.word(y, 1));
        if (!KnownWords.zero(x, 1)) hi = addProduct(ctx, hi, ctx.word(x, 1), blo);
        ctx.emit(new RvInst.Mv(d[1], hi));
        ctx.emit(new RvInst.Op(Alu.MUL, d[0], alo, blo));
    }

    private static Reg addProduct(IselContext ctx, Reg sum, Reg a, Reg b) {
        Reg product = ctx.newReg(), total = ctx.newReg();
        ctx.emit(new RvInst.Op(Alu.MUL, product, a, b));
        ctx.emit(new RvInst.Op(Alu.ADD, total, sum, product));
        return total;
    }

    private void shift(IselContext ctx, Inst i) {
        Reg[] a = ctx.regs(i.arg(0));
        Reg[] d = ctx.result(i);
        if (!IselContext.isConst(i.arg(1))) {
            String helper = i.op == Op.SHL ? "__ashldi3" : i.op == Op.LSHR ? "__lshrdi3" : "__ashrdi3";
            Reg amount = ctx.regs(i.arg(1))[0];
            for (int k = 0; k < 2; k++) ctx.emit(new RvInst.Mv(Reg.phys(10 + k), a[k]));
            ctx.emit(new RvInst.Mv(Reg.phys(12), amount));
            ctx.emit(new RvInst.Call(helper, null, List.of(10, 11, 12), List.of(10, 11)));
            ctx.mf.makesCalls = true;
            ctx.emit(new RvInst.Mv(d[0], Reg.phys(10)));
            ctx.emit(new RvInst.Mv(d[1], Reg.phys(11)));
            return;
        }
        int n = (int) (IselContext.constValue(i.arg(1)) & 63);
        if (n == 0) {
            ctx.emit(new RvInst.Mv(d[0], a[0]));
            ctx.emit(new RvInst.Mv(d[1], a[1]));
        } else if (i.op == Op.SHL) {
            if (n < 32) {
                ctx.emit(new RvInst.Mv(d[1], shiftOr(ctx, a[1], AluImm.SLLI, n, a[0], AluImm.SRLI, 32 - n)));
                ctx.emit(new RvInst.OpImm(AluImm.SLLI, d[0], a[0], n));
            } else {
                shiftOrMove(ctx, d[1], AluImm.SLLI, a[0], n - 32);
                ctx.emit(new RvInst.Li(d[0], 0));
            }
        } else {
            AluImm op = i.op == Op.LSHR ? AluImm.SRLI : AluImm.SRAI;
            if (n < 32) {
                ctx.emit(new RvInst.Mv(d[0], shiftOr(ctx, a[0], AluImm.SRLI, n, a[1], AluImm.SLLI, 32 - n)));
                ctx.emit(new RvInst.OpImm(op, d[1], a[1], n));
            } else {
                shiftOrMove(ctx, d[0], op, a[1], n - 32);
                if (op == AluImm.SRLI) ctx.emit(new RvInst.Li(d[1], 0));
                else ctx.emit(new RvInst.OpImm(AluImm.SRAI, d[1], a[1], 31));
            }
        }
    }

    private static Reg shiftOr(IselContext ctx, Reg x, AluImm opx, int nx, Reg y, AluImm opy, int ny) {
        Reg t = ctx.newReg(), u = ctx.newReg(), r = ctx.newReg();
        ctx.emit(new RvInst.OpImm(opx, t, x, nx));
        ctx.emit(new RvInst.OpImm(opy, u, y, ny));
        ctx.emit(new RvInst.Op(Alu.OR, r, t, u));
        return r;
    }

    /** One word of a 64-bit AND, OR or XOR; with a known word that fits, the immediate form. */
    private static void logicWord(IselContext ctx, Inst i, Alu op, Reg d, int w) {
        for (int k = 0; k < 2; k++) {
            Long known = KnownWords.word(i.arg(k), w);
            if (known != null && (int) (long) known >= -2048 && (int) (long) known < 2048) {
                AluImm imm = op == Alu.AND ? AluImm.ANDI : op == Alu.OR ? AluImm.ORI : AluImm.XORI;
                ctx.emit(new RvInst.OpImm(imm, d, ctx.word(i.arg(1 - k), w), (int) (long) known));
                return;
            }
        }
        ctx.emit(new RvInst.Op(op, d, ctx.word(i.arg(0), w), ctx.word(i.arg(1), w)));
    }

    private static void shiftOrMove(IselContext ctx, Reg d, AluImm op, Reg a, int n) {
        if (n == 0) ctx.emit(new RvInst.Mv(d, a));
        else ctx.emit(new RvInst.OpImm(op, d, a, n));
    }

    /** A word that is zero exactly when the pairs are equal. */
    private static Reg difference(IselContext ctx, Reg[] a, Reg[] b) {
        Reg lo = ctx.newReg(), hi = ctx.newReg(), r = ctx.newReg();
        ctx.emit(new RvInst.Op(Alu.XOR, lo, a[0], b[0]));
        ctx.emit(new RvInst.Op(Alu.XOR, hi, a[1], b[1]));
        ctx.emit(new RvInst.Op(Alu.OR, r, lo, hi));
        return r;
    }

    /**
     * A word that is zero exactly when the 64-bit values are equal, leaving out a word known
     * equal on both sides and the XOR with a known zero word ({@code x != 0} is one OR).
     */
    Reg difference(IselContext ctx, Value a, Value b) {
        Reg lo = wordDifference(ctx, a, b, 0), hi = wordDifference(ctx, a, b, 1);
        if (lo == null || hi == null) return lo != null ? lo : hi != null ? hi : RvInst.ZERO;
        Reg r = ctx.newReg();
        ctx.emit(new RvInst.Op(Alu.OR, r, lo, hi));
        return r;
    }

    private Reg wordDifference(IselContext ctx, Value a, Value b, int w) {
        return KnownWords.differenceWord(ctx, a, b, w, v -> isel.constant(ctx, v), (x, y) -> {
            Reg d = ctx.newReg();
            ctx.emit(new RvInst.Op(Alu.XOR, d, x, y));
            return d;
        });
    }

    /** d = (a cond b) ? 1 : 0 for 64-bit operands. */
    void setCond(IselContext ctx, Inst cmp, Reg d) {
        Cond c = cmp.cond;
        if (c == Cond.EQ || c == Cond.NE) {
            Reg diff = difference(ctx, cmp.arg(0), cmp.arg(1));
            if (c == Cond.EQ) ctx.emit(new RvInst.OpImm(AluImm.SLTIU, d, diff, 1));
            else ctx.emit(new RvInst.Op(Alu.SLTU, d, RvInst.ZERO, diff));
            return;
        }
        Reg[] a = ctx.regs(cmp.arg(0)), b = ctx.regs(cmp.arg(1));
        boolean swap = c == Cond.SGT || c == Cond.SLE || c == Cond.UGT || c == Cond.ULE;
        boolean negate = c == Cond.SGE || c == Cond.UGE || c == Cond.SLE || c == Cond.ULE;
        if (swap) {
            Reg[] t = a;
            a = b;
            b = t;
        }
        // a < b  <=>  hi(a) < hi(b) || (hi(a) == hi(b) && lo(a) <u lo(b))
        Reg hiLt = ctx.newReg(), hiDiff = ctx.newReg(), hiEq = ctx.newReg(), loLt = ctx.newReg(), both = ctx.newReg();
        ctx.emit(new RvInst.Op(c.isSigned() ? Alu.SLT : Alu.SLTU, hiLt, a[1], b[1]));
        ctx.emit(new RvInst.Op(Alu.XOR, hiDiff, a[1], b[1]));
        ctx.emit(new RvInst.OpImm(AluImm.SLTIU, hiEq, hiDiff, 1));
        ctx.emit(new RvInst.Op(Alu.SLTU, loLt, a[0], b[0]));
        ctx.emit(new RvInst.Op(Alu.AND, both, hiEq, loLt));
        if (!negate) {
            ctx.emit(new RvInst.Op(Alu.OR, d, hiLt, both));
            return;
        }
        Reg lt = ctx.newReg();
        ctx.emit(new RvInst.Op(Alu.OR, lt, hiLt, both));
        ctx.emit(new RvInst.OpImm(AluImm.XORI, d, lt, 1));
    }
}
