package dev.rivet.codegen.thumb;

import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import dev.rivet.codegen.StackObject;
import dev.rivet.codegen.isel.CallingConvention;
import dev.rivet.codegen.isel.CaseTable;
import dev.rivet.codegen.isel.IselContext;
import dev.rivet.codegen.isel.NarrowValues;
import dev.rivet.codegen.isel.Isa;
import dev.rivet.codegen.thumb.ThumbEncoder.Dp;
import dev.rivet.ir.Block;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.TargetTriple;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.List;

/**
 * Instruction selection for Thumb: each IR instruction becomes 16-bit instructions on
 * registers r0-r7 wherever possible. Narrow values (i8, i16) may carry garbage in their upper
 * bits; operations that look at those bits (comparisons, division, right shifts, extensions)
 * extend first, unless the value is known to be zero-extended already (loads, constants).
 * Comparisons used only by the block's branch or by a select are fused into them.
 */
final class ThumbIsel implements Isa {
    final TargetTriple target;
    final boolean thumb2;
    private final ThumbRegs regs = new ThumbRegs();
    private final Aapcs aapcs = new Aapcs();
    private final ThumbPairs pairs = new ThumbPairs(this);
    final ThumbMemory memory = new ThumbMemory(this);

    ThumbIsel(TargetTriple target) {
        this.target = target;
        this.thumb2 = target.has(TargetTriple.Feature.THUMB2);
    }

    @Override public RegInfo regs() { return regs; }

    @Override public CallingConvention conventions() { return aapcs; }

    @Override
    public Reg constant(IselContext ctx, long value) {
        Reg d = ctx.newReg();
        ctx.emit(new ThumbInst.Const(d, (int) value));
        return d;
    }

    @Override
    public Reg stackAddress(IselContext ctx, StackObject slot) {
        Reg d = ctx.newReg();
        ctx.emit(new ThumbInst.StackAddr(d, slot));
        return d;
    }

    @Override
    public Reg symbolAddress(IselContext ctx, String symbol, long offset) {
        Reg d = ctx.newReg();
        ctx.emit(new ThumbInst.Sym(d, symbol, offset));
        return d;
    }

    @Override public MInst jump(int block) { return new ThumbInst.Jump(block); }

    @Override public MInst loadStack(Reg dst, StackObject slot) { return new ThumbInst.StackMem(false, dst, slot, 0); }

    @Override public MInst storeOutgoing(Reg src, int offset) { return new ThumbInst.OutArg(src, offset); }

    // ---- selection ----

    @Override
    public void select(IselContext ctx, Inst i) {
        if (i.args.stream().anyMatch(a -> a.type() == Type.I64) || i.type == Type.I64) {
            if (pairs.select(ctx, i)) return;
        }
        switch (i.op) {
            case ADD, SUB -> addSub(ctx, i);
            case MUL -> twoAddress(ctx, i, Dp.MUL);
            case AND -> {
                if (!movedByShift(ctx, i)) twoAddress(ctx, i, Dp.AND);
            }
            case OR -> twoAddress(ctx, i, Dp.ORR);
            case XOR -> xor(ctx, i);
            case SHL, LSHR, ASHR -> shift(ctx, i);
            case UDIV, SDIV, UREM, SREM -> division(ctx, i);
            case ICMP -> {
                if (!fusable(ctx, i)) setCond(ctx, i);
            }
            case SELECT -> select32(ctx, i);
            case ZEXT, SEXT, TRUNC -> convert(ctx, i);
            case PTRADD -> ptradd(ctx, i);
            case PTRTOINT, INTTOPTR -> ctx.emit(regs.move(ctx.resultReg(i), ctx.reg(i.arg(0))));
            case LOAD, STORE, COPY, FILL -> memory.select(ctx, i);
            case CALL -> {
                // ARMv6-M has no B.W: its 16-bit B reaches 2 KiB only
                if (thumb2 && ctx.isTailCall(i)) ctx.tailCall(i, args -> new ThumbInst.TailCall(i.symbol, args));
                else ctx.call(i.args, i, (args, results) -> new ThumbInst.Call(i.symbol, null, args, results));
            }
            case CALL_INDIRECT -> {
                Reg target = ctx.reg(i.arg(0));
                ctx.call(i.args.subList(1, i.args.size()), i, (args, results) -> new ThumbInst.Call(null, target, args, results));
            }
            case SEMIHOST -> {
                ctx.emit(regs.move(Reg.phys(0), ctx.reg(i.arg(0))));
                ctx.emit(regs.move(Reg.phys(1), ctx.reg(i.arg(1))));
                ctx.emit(new ThumbInst.Semihost());
                ctx.emit(regs.move(ctx.resultReg(i), Reg.phys(0)));
            }
            case JMP -> ctx.emit(new ThumbInst.Jump(ctx.target(i.targets.getFirst(), true)));
            case BR -> branch(ctx, i);
            case SWITCH -> switchChain(ctx, i);
            case RET -> ctx.emit(new ThumbInst.Ret(i.args.isEmpty() ? List.of() : ctx.returnValue(i.arg(0))));
            case TRAP -> ctx.emit(new ThumbInst.Trap(ctx.followsNoReturnCall(i)));
            default -> throw new IllegalStateException("Thumb: no selection for " + i.op);
        }
    }

    // ---- arithmetic ----

    private void addSub(IselContext ctx, Inst i) {
        boolean sub = i.op == Op.SUB;
        Reg d = ctx.resultReg(i);
        Value b = i.arg(1);
        if (IselContext.isConst(b)) {
            int imm = (int) i.type.signed(IselContext.constValue(b));
            if (imm < 0 && imm > -256) {
                imm = -imm;
                sub = !sub;
            }
            if (imm >= 0 && imm < 256) {
                ctx.emit(new ThumbInst.AddImm(sub, d, ctx.reg(i.arg(0)), imm));
                return;
            }
        }
        if (!sub && IselContext.isConst(i.arg(0))) { // commutative: constant on the left
            int imm = (int) i.type.signed(IselContext.constValue(i.arg(0)));
            if (imm >= 0 && imm < 256) {
                ctx.emit(new ThumbInst.AddImm(false, d, ctx.reg(b), imm));
                return;
            }
        }
        ctx.emit(new ThumbInst.Add3(sub, d, ctx.reg(i.arg(0)), ctx.reg(b)));
    }

    /** dn = a op b for the two-address 16-bit group: copy a into the result first. */
    private void twoAddress(IselContext ctx, Inst i, Dp op) {
        Reg d = ctx.resultReg(i);
        Value a = i.arg(0), b = i.arg(1);
        if (IselContext.isConst(a) && !IselContext.isConst(b)) { // commutative ops: keep the constant second
            Value t = a;
            a = b;
            b = t;
        }
        Reg rb = ctx.reg(b);
        ctx.emit(regs.move(d, ctx.reg(a)));
        ctx.emit(new ThumbInst.Dp(op, d, rb));
    }

    private void xor(IselContext ctx, Inst i) {
        if (IselContext.isConst(i.arg(1)) && i.type.wrap(IselContext.constValue(i.arg(1))) == i.type.mask() && i.type != Type.I1) {
            Reg d = ctx.resultReg(i);
            ctx.emit(new ThumbInst.Dp(Dp.MVN, d, ctx.reg(i.arg(0))));
            return;
        }
        twoAddress(ctx, i, Dp.EOR);
    }

    private void shift(IselContext ctx, Inst i) {
        Reg d = ctx.resultReg(i);
        Inst and = lowMaskShifted(ctx, i);
        if (and != null) {
            int n = Long.numberOfTrailingZeros(IselContext.constValue(and.arg(1)) + 1), k = (int) IselContext.constValue(i.arg(1));
            Reg up = ctx.newReg();
            ctx.emit(new ThumbInst.ShiftImm(0, up, ctx.reg(and.arg(0)), 32 - n));
            if (32 - n - k == 0) ctx.emit(regs.move(d, up));
            else ctx.emit(new ThumbInst.ShiftImm(1, d, up, 32 - n - k));
            return;
        }
        Value a = i.arg(0);
        int kind = i.op == Op.SHL ? 0 : i.op == Op.LSHR ? 1 : 2;
        Reg ra = kind == 0 ? ctx.reg(a) : kind == 1 ? zeroExtended(ctx, a) : signExtended(ctx, a);
        if (IselContext.isConst(i.arg(1))) {
            int n = (int) (IselContext.constValue(i.arg(1)) & (i.type.bits() - 1));
            if (n == 0) ctx.emit(regs.move(d, ra));
            else ctx.emit(new ThumbInst.ShiftImm(kind, d, ra, n));
            return;
        }
        Reg amount = ctx.reg(i.arg(1));
        ctx.emit(regs.move(d, ra));
        ctx.emit(new ThumbInst.Dp(kind == 0 ? Dp.LSL : kind == 1 ? Dp.LSR : Dp.ASR, d, amount));
    }

    /**
     * For {@code shl (and x, 2^n - 1), k}, where the AND has no other use: the AND. Two shifts,
     * {@code lsls t, x, #(32 - n); lsrs d, t, #(32 - n - k)}, then do both without building the
     * mask in a register.
     */
    private static Inst lowMaskShifted(IselContext ctx, Inst shl) {
        if (shl.op != Op.SHL || shl.type != Type.I32 || !IselContext.isConst(shl.arg(1))) return null;
        long k = IselContext.constValue(shl.arg(1));
        if (!(shl.arg(0) instanceof Inst and) || and.op != Op.AND || and.block() != shl.block() || ctx.uses(and) != 1
                || !IselContext.isConst(and.arg(1)))
            return null;
        long mask = Type.I32.wrap(IselContext.constValue(and.arg(1)));
        int n = Long.numberOfTrailingZeros(mask + 1);
        boolean lowMask = mask != 0 && Long.bitCount(mask + 1) == 1 && n < 32;
        return lowMask && k >= 1 && k + n <= 32 ? and : null;
    }

    /** True if {@code and} is left to the shift that uses it (see {@link #lowMaskShifted}). */
    private static boolean movedByShift(IselContext ctx, Inst and) {
        for (Inst user : and.block().insts())
            if (user.args.contains(and)) return lowMaskShifted(ctx, user) == and;
        return false;
    }

    private void division(IselContext ctx, Inst i) {
        boolean signed = i.op == Op.SDIV || i.op == Op.SREM;
        boolean rem = i.op == Op.UREM || i.op == Op.SREM;
        Reg n = signed ? signExtended(ctx, i.arg(0)) : zeroExtended(ctx, i.arg(0));
        Reg m = signed ? signExtended(ctx, i.arg(1)) : zeroExtended(ctx, i.arg(1));
        Reg d = ctx.resultReg(i);
        if (target.has(TargetTriple.Feature.DIV)) {
            if (!rem) {
                ctx.emit(new ThumbInst.Wide(signed ? "sdiv" : "udiv", d, n, m));
                return;
            }
            Reg q = ctx.newReg();
            ctx.emit(new ThumbInst.Wide(signed ? "sdiv" : "udiv", q, n, m));
            ctx.emit(new ThumbInst.Mla(true, d, q, m, n)); // d = n - q * m
            return;
        }
        // ARMv6-M: the run-time ABI's helpers; the divmod forms return the remainder in r1
        String helper = signed ? (rem ? "__aeabi_idivmod" : "__aeabi_idiv") : (rem ? "__aeabi_uidivmod" : "__aeabi_uidiv");
        callHelper(ctx, helper, List.of(n, m), rem ? 2 : 1);
        ctx.emit(regs.move(d, Reg.phys(rem ? 1 : 0)));
    }

    /**
     * Calls a run-time helper with 32-bit arguments in r0.. and {@code results} result words
     * in r0..; the caller copies the results out.
     */
    void callHelper(IselContext ctx, String name, List<Reg> args, int results) {
        List<Integer> argRegs = new java.util.ArrayList<>(), resRegs = new java.util.ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            ctx.emit(regs.move(Reg.phys(k), args.get(k)));
            argRegs.add(k);
        }
        for (int k = 0; k < results; k++) resRegs.add(k);
        ctx.emit(new ThumbInst.Call(name, null, argRegs, resRegs));
        ctx.mf.makesCalls = true;
    }

    // ---- comparisons and selects ----

    /** A compare whose only use is the block's branch or a select after it is emitted there instead. */
    private boolean fusable(IselContext ctx, Inst cmp) {
        if (ctx.uses(cmp) != 1) return false;
        Block b = cmp.block();
        if (ctx.onlyFeedsTerminator(cmp, b) && b.terminator().op == Op.BR) return true;
        for (Inst u : b.insts()) if (u.op == Op.SELECT && u.arg(0) == cmp) return fusesIntoSelect(ctx, cmp, u);
        return false;
    }

    /** Whether {@code sel} evaluates {@code cmp} itself (it is the compare's only use, in the same block). */
    private static boolean fusesIntoSelect(IselContext ctx, Inst cmp, Inst sel) {
        return cmp.op == Op.ICMP && cmp.block() == sel.block() && ctx.uses(cmp) == 1 && sel.type != Type.I64;
    }

    /**
     * The flag-setting instruction for a comparison, and the condition that holds when the
     * comparison is true. 64-bit equality folds both halves into one word compared with zero.
     */
    record Flags(ThumbInst.Compare cmp, Cond cond) {}

    Flags compare(IselContext ctx, Inst cmp) {
        if (cmp.arg(0).type() == Type.I64) return pairs.compare(ctx, cmp);
        Cond c = Cond.of(cmp.cond);
        boolean signed = cmp.cond.isSigned();
        Value a = cmp.arg(0), b = cmp.arg(1);
        if (IselContext.isConst(a) && !IselContext.isConst(b)) {
            Value t = a;
            a = b;
            b = t;
            c = c.swap();
        }
        Reg n = signed ? signExtended(ctx, a) : zeroExtended(ctx, a);
        if (IselContext.isConst(b)) {
            long v = signed ? b.type().signed(IselContext.constValue(b)) : b.type().wrap(IselContext.constValue(b));
            if (v >= 0 && v < 256) return new Flags(new ThumbInst.Cmp(n, null, (int) v), c);
        }
        Reg m = signed ? signExtended(ctx, b) : zeroExtended(ctx, b);
        return new Flags(new ThumbInst.Cmp(n, m, 0), c);
    }

    /** Flags for "the i1 in {@code v} is true". */
    Flags isTrue(IselContext ctx, Value v) {
        return new Flags(new ThumbInst.Cmp(ctx.reg(v), null, 0), Cond.NE);
    }

    private void setCond(IselContext ctx, Inst cmp) {
        Flags f = compare(ctx, cmp);
        ctx.emit(new ThumbInst.SetCond(f.cond(), ctx.resultReg(cmp), f.cmp()));
    }

    private void select32(IselContext ctx, Inst i) {
        Value c = i.arg(0);
        Reg d = ctx.resultReg(i);
        Reg a = ctx.reg(i.arg(1)), b = ctx.reg(i.arg(2));
        Flags f = c instanceof Inst cmp && fusesIntoSelect(ctx, cmp, i) ? compare(ctx, cmp) : isTrue(ctx, c);
        ctx.emit(new ThumbInst.Select(f.cond(), d, f.cmp(), a, b));
    }

    private void branch(IselContext ctx, Inst br) {
        Value c = br.arg(0);
        int t = ctx.target(br.targets.get(0), false), f = ctx.target(br.targets.get(1), false);
        Flags flags = c instanceof Inst cmp && cmp.op == Op.ICMP && fusable(ctx, cmp) ? compare(ctx, cmp) : isTrue(ctx, c);
        ctx.emit(flags.cmp());
        ctx.emit(new ThumbInst.Branch(flags.cond(), t));
        ctx.emit(new ThumbInst.Jump(f));
    }

    /** A chain of compares; the emitter turns it into short branches. */
    private void switchChain(IselContext ctx, Inst sw) {
        if (jumpTable(ctx, sw)) return;
        Reg r = zeroExtended(ctx, sw.arg(0));
        for (int k = 0; k < sw.cases.length; k++) {
            int target = ctx.target(sw.targets.get(k + 1), false);
            long value = sw.cases[k];
            if (value >= 0 && value < 256) {
                ctx.emit(new ThumbInst.CaseBranch(r, (int) value, target));
            } else {
                Reg c = constant(ctx, value);
                ctx.emit(new ThumbInst.Cmp(r, c, 0));
                ctx.emit(new ThumbInst.Branch(Cond.EQ, target));
            }
        }
        ctx.emit(new ThumbInst.Jump(ctx.target(sw.targets.getFirst(), false)));
    }

    /**
     * Dense cases: index = value - lowest case, one unsigned bounds check to the default, then
     * a table with an entry per value (holes go to the default): tbb/tbh on Thumb-2, on Thumb-1
     * five instructions that load the entry and add it to pc. Taken where it is smaller than
     * the compare chain: about 10 (Thumb-2) or 14 (Thumb-1) bytes plus one per value, against
     * 4 per case.
     */
    private boolean jumpTable(IselContext ctx, Inst sw) {
        CaseTable.Shape shape = CaseTable.shape(sw);
        long min = shape.min(), span = shape.span();
        int fixedCost = thumb2 ? 10 : 14 + (min != 0 ? 2 : 0);
        if (shape.cases() < 4 || Math.abs(min) > 255 || span > 256 || span + fixedCost >= 4L * shape.cases()) return false;
        Reg r = shape.signed() ? signExtended(ctx, sw.arg(0)) : zeroExtended(ctx, sw.arg(0));
        CaseTable table = CaseTable.build(ctx, sw, shape);
        Reg index = r;
        if (min != 0) {
            index = ctx.newReg();
            ctx.emit(new ThumbInst.AddImm(min > 0, index, r, (int) Math.abs(min)));
        }
        ctx.emit(new ThumbInst.Cmp(index, null, (int) span - 1));
        ctx.emit(new ThumbInst.Branch(Cond.HI, table.fallback()));
        ctx.emit(new ThumbInst.Table(index, thumb2 ? null : ctx.newReg(), table.blocks()));
        return true;
    }

    // ---- conversions and addresses ----

    private void convert(IselContext ctx, Inst i) {
        Reg d = ctx.resultReg(i);
        Type from = i.arg(0).type();
        switch (i.op) {
            case ZEXT -> ctx.emit(regs.move(d, zeroExtended(ctx, i.arg(0))));
            case SEXT -> {
                if (from == Type.I1) {
                    ctx.emit(new ThumbInst.Dp(Dp.RSB, d, ctx.reg(i.arg(0))));
                } else {
                    ctx.emit(regs.move(d, signExtended(ctx, i.arg(0))));
                }
            }
            default -> { // TRUNC
                if (i.type == Type.I1) {
                    ctx.emit(new ThumbInst.Const(d, 1));
                    ctx.emit(new ThumbInst.Dp(Dp.AND, d, ctx.reg(i.arg(0))));
                } else {
                    ctx.emit(regs.move(d, ctx.reg(i.arg(0))));
                }
            }
        }
    }

    private void ptradd(IselContext ctx, Inst i) {
        if (memory.foldedAddress(ctx, i)) return; // the load or store using it addresses [base, offset] itself
        Reg d = ctx.resultReg(i);
        Value b = i.arg(1);
        if (IselContext.isConst(b)) {
            int imm = (int) Type.I32.signed(IselContext.constValue(b));
            if (imm > -256 && imm < 256) {
                ctx.emit(new ThumbInst.AddImm(imm < 0, d, ctx.reg(i.arg(0)), Math.abs(imm)));
                return;
            }
        }
        ctx.emit(new ThumbInst.Add3(false, d, ctx.reg(i.arg(0)), ctx.reg(b)));
    }

    // ---- narrow values ----

    /** A register holding {@code v} zero-extended to 32 bits. */
    Reg zeroExtended(IselContext ctx, Value v) {
        Reg r = ctx.reg(v);
        Type t = v.type();
        if (t == Type.I32 || t == Type.PTR || t == Type.I1 || knownZeroExtended(v)) return r;
        Reg d = ctx.newReg();
        ctx.emit(new ThumbInst.Extend(t == Type.I8 ? 3 : 2, d, r));
        return d;
    }

    Reg signExtended(IselContext ctx, Value v) {
        Reg r = ctx.reg(v);
        Type t = v.type();
        if (t == Type.I32 || t == Type.PTR) return r;
        Reg d = ctx.newReg();
        if (t == Type.I1) {
            ctx.emit(new ThumbInst.Dp(Dp.RSB, d, r));
            return d;
        }
        ctx.emit(new ThumbInst.Extend(t == Type.I8 ? 1 : 0, d, r));
        return d;
    }

    /** Loads zero-extend; so do constants (materialised whole) and extensions. */
    static boolean knownZeroExtended(Value v) {
        return NarrowValues.knownZeroExtended(v, false); // an AND's constant operand is a register holding imm
    }
}
