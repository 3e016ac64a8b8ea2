package dev.rivet.codegen.riscv;

import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import dev.rivet.codegen.StackObject;
import dev.rivet.codegen.isel.CallingConvention;
import dev.rivet.codegen.isel.CaseTable;
import dev.rivet.codegen.isel.IselContext;
import dev.rivet.codegen.isel.NarrowValues;
import dev.rivet.codegen.isel.Isa;
import dev.rivet.codegen.riscv.RvEncoder.Alu;
import dev.rivet.codegen.riscv.RvEncoder.AluImm;
import dev.rivet.codegen.riscv.RvEncoder.BranchOp;
import dev.rivet.ir.Block;
import dev.rivet.ir.Inst;
import dev.rivet.ir.Op;
import dev.rivet.ir.TargetTriple;
import dev.rivet.ir.Type;
import dev.rivet.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Instruction selection for RV32. Comparisons produce values directly (slt, sltu) and fuse into
 * compare-and-branch when the branch is their only use; immediates are used wherever they fit
 * in 12 bits. Narrow values (i8, i16) may carry garbage in their upper bits; operations that
 * look at those bits extend first unless the value is known to be zero-extended already.
 * Without the M extension, multiplication and division call the libgcc-named helpers.
 */
final class RvIsel implements Isa {
    final TargetTriple target;
    final boolean hasM;
    final boolean compressed;
    private final RvRegs regs;
    private final RvAbi abi;
    private final RvPairs pairs = new RvPairs(this);
    private final RvMemory memory = new RvMemory(this);

    RvIsel(TargetTriple target) {
        this.target = target;
        this.hasM = target.has(TargetTriple.Feature.MUL);
        this.compressed = target.has(TargetTriple.Feature.COMPRESSED);
        boolean embedded = target.has(TargetTriple.Feature.REDUCED_REGS);
        this.regs = new RvRegs(embedded);
        this.abi = new RvAbi(embedded);
    }

    @Override public RegInfo regs() { return regs; }

    @Override public CallingConvention conventions() { return abi; }

    @Override
    public Reg constant(IselContext ctx, long value) {
        if ((int) value == 0) return RvInst.ZERO;
        Reg d = ctx.newReg();
        ctx.emit(new RvInst.Li(d, (int) value));
        return d;
    }

    /** A register holding the constant, even zero (for instructions that write it). */
    Reg freshConstant(IselContext ctx, long value) {
        Reg d = ctx.newReg();
        ctx.emit(new RvInst.Li(d, (int) value));
        return d;
    }

    @Override
    public Reg stackAddress(IselContext ctx, StackObject slot) {
        Reg d = ctx.newReg();
        ctx.emit(new RvInst.StackAddr(d, slot));
        return d;
    }

    @Override
    public Reg symbolAddress(IselContext ctx, String symbol, long offset) {
        Reg d = ctx.newReg();
        ctx.emit(new RvInst.La(d, symbol, offset));
        return d;
    }

    @Override public MInst jump(int block) { return new RvInst.Jump(block); }

    @Override public MInst loadStack(Reg dst, StackObject slot) { return new RvInst.StackMem(false, 4, dst, slot, 0); }

    @Override public MInst storeOutgoing(Reg src, int offset) { return new RvInst.OutArg(src, offset); }

    static boolean fits12(long v) { return v >= -2048 && v <= 2047; }

    // ---- selection ----

    @Override
    public void select(IselContext ctx, Inst i) {
        if ((i.args.stream().anyMatch(a -> a.type() == Type.I64) || i.type == Type.I64) && pairs.select(ctx, i)) return;
        switch (i.op) {
            case ADD -> addSub(ctx, i, false);
            case SUB -> addSub(ctx, i, true);
            case MUL -> {
                if (hasM) ctx.emit(new RvInst.Op(Alu.MUL, ctx.resultReg(i), ctx.reg(i.arg(0)), ctx.reg(i.arg(1))));
                else helper(ctx, "__mulsi3", List.of(ctx.reg(i.arg(0)), ctx.reg(i.arg(1))), ctx.resultReg(i));
            }
            case UDIV, SDIV, UREM, SREM -> division(ctx, i);
            case AND -> logic(ctx, i, Alu.AND, AluImm.ANDI);
            case OR -> logic(ctx, i, Alu.OR, AluImm.ORI);
            case XOR -> logic(ctx, i, Alu.XOR, AluImm.XORI);
            case SHL, LSHR, ASHR -> shift(ctx, i);
            case ICMP -> {
                if (!fusedIntoBranch(ctx, i)) setCond(ctx, i, ctx.resultReg(i));
            }
            case SELECT -> {
                Reg[] d = ctx.result(i);
                ctx.emit(new RvInst.Select(d[0], ctx.reg(i.arg(0)), ctx.reg(i.arg(1)), ctx.reg(i.arg(2))));
            }
            case ZEXT -> ctx.emit(new RvInst.Mv(ctx.resultReg(i), zeroExtended(ctx, i.arg(0))));
            case SEXT -> ctx.emit(new RvInst.Mv(ctx.resultReg(i), signExtended(ctx, i.arg(0))));
            case TRUNC -> {
                if (i.type == Type.I1) ctx.emit(new RvInst.OpImm(AluImm.ANDI, ctx.resultReg(i), ctx.reg(i.arg(0)), 1));
                else ctx.emit(new RvInst.Mv(ctx.resultReg(i), ctx.reg(i.arg(0))));
            }
            case PTRADD -> {
                if (!memory.foldedAddress(ctx, i)) addSub(ctx, i, false);
            }
            case PTRTOINT, INTTOPTR -> ctx.emit(new RvInst.Mv(ctx.resultReg(i), ctx.reg(i.arg(0))));
            case LOAD, STORE, COPY, FILL -> memory.select(ctx, i);
            case CALL -> {
                if (i.symbol.equals("__rivet_set_sp")) ctx.emit(new RvInst.SetPinned(RvRegs.SP, ctx.reg(i.arg(0))));
                else if (i.symbol.equals("__rivet_set_gp")) {
                    ctx.emit(new RvInst.SetPinned(RvRegs.GP, ctx.reg(i.arg(0))));
                    ctx.mf.setsGlobalPointer = true;
                }
                else if (i.symbol.equals("__rivet_csrr")) ctx.emit(new RvInst.CsrRead(ctx.resultReg(i), csrNumber(i)));
                else if (i.symbol.equals("__rivet_csrw")) ctx.emit(new RvInst.CsrWrite(csrNumber(i), ctx.reg(i.arg(1))));
                else if (ctx.isTailCall(i)) ctx.tailCall(i, args -> new RvInst.TailCall(i.symbol, args));
                else ctx.call(i.args, i, (args, results) -> new RvInst.Call(i.symbol, null, args, results));
            }
            case CALL_INDIRECT -> {
                Reg target = ctx.reg(i.arg(0));
                ctx.call(i.args.subList(1, i.args.size()), i, (args, results) -> new RvInst.Call(null, target, args, results));
            }
            case SEMIHOST -> {
                ctx.emit(new RvInst.Mv(Reg.phys(10), ctx.reg(i.arg(0))));
                ctx.emit(new RvInst.Mv(Reg.phys(11), ctx.reg(i.arg(1))));
                ctx.emit(new RvInst.Semihost());
                ctx.emit(new RvInst.Mv(ctx.resultReg(i), Reg.phys(10)));
            }
            case JMP -> ctx.emit(new RvInst.Jump(ctx.target(i.targets.getFirst(), true)));
            case BR -> branch(ctx, i);
            case SWITCH -> switchChain(ctx, i);
            case RET -> ctx.emit(new RvInst.Ret(i.args.isEmpty() ? List.of() : ctx.returnValue(i.arg(0))));
            case TRAP -> ctx.emit(new RvInst.Trap(ctx.followsNoReturnCall(i)));
            default -> throw new IllegalStateException("RV32: no selection for " + i.op);
        }
    }

    // ---- arithmetic ----

    private void addSub(IselContext ctx, Inst i, boolean sub) {
        Reg d = ctx.resultReg(i);
        Value a = i.arg(0), b = i.arg(1);
        if (IselContext.isConst(b)) {
            long k = Type.I32.signed(IselContext.constValue(b)) * (sub ? -1 : 1);
            if (fits12(k)) {
                ctx.emit(new RvInst.OpImm(AluImm.ADDI, d, ctx.reg(a), (int) k));
                return;
            }
        }
        if (!sub && IselContext.isConst(a) && fits12(Type.I32.signed(IselContext.constValue(a)))) {
            ctx.emit(new RvInst.OpImm(AluImm.ADDI, d, ctx.reg(b), (int) Type.I32.signed(IselContext.constValue(a))));
            return;
        }
        ctx.emit(new RvInst.Op(sub ? Alu.SUB : Alu.ADD, d, ctx.reg(a), ctx.reg(b)));
    }

    private void logic(IselContext ctx, Inst i, Alu op, AluImm opImm) {
        Reg d = ctx.resultReg(i);
        Value a = i.arg(0), b = i.arg(1);
        if (IselContext.isConst(a) && !IselContext.isConst(b)) {
            Value t = a;
            a = b;
            b = t;
        }
        if (IselContext.isConst(b)) {
            // OR and XOR may take the sign-extended constant (the upper bits are garbage anyway);
            // AND takes the zero-extended one, so that its result is known zero-extended
            long c = IselContext.constValue(b);
            boolean narrowAnd = op == Alu.AND && (i.type == Type.I8 || i.type == Type.I16);
            long k = i.type == Type.I1 || narrowAnd ? i.type.wrap(c) : i.type.signed(c);
            if (fits12(k)) {
                ctx.emit(new RvInst.OpImm(opImm, d, ctx.reg(a), (int) k));
                return;
            }
            if (narrowAnd) {
                ctx.emit(new RvInst.Op(op, d, ctx.reg(a), constant(ctx, k)));
                return;
            }
        }
        ctx.emit(new RvInst.Op(op, d, ctx.reg(a), ctx.reg(b)));
    }

    private void shift(IselContext ctx, Inst i) {
        Reg d = ctx.resultReg(i);
        Value a = i.arg(0);
        Reg ra = i.op == Op.SHL ? ctx.reg(a) : i.op == Op.LSHR ? zeroExtended(ctx, a) : signExtended(ctx, a);
        if (IselContext.isConst(i.arg(1))) {
            int n = (int) (IselContext.constValue(i.arg(1)) & (i.type.bits() - 1));
            AluImm op = i.op == Op.SHL ? AluImm.SLLI : i.op == Op.LSHR ? AluImm.SRLI : AluImm.SRAI;
            if (n == 0) ctx.emit(new RvInst.Mv(d, ra));
            else ctx.emit(new RvInst.OpImm(op, d, ra, n));
            return;
        }
        Alu op = i.op == Op.SHL ? Alu.SLL : i.op == Op.LSHR ? Alu.SRL : Alu.SRA;
        ctx.emit(new RvInst.Op(op, d, ra, ctx.reg(i.arg(1))));
    }

    private void division(IselContext ctx, Inst i) {
        boolean signed = i.op == Op.SDIV || i.op == Op.SREM;
        boolean rem = i.op == Op.UREM || i.op == Op.SREM;
        Reg n = signed ? signExtended(ctx, i.arg(0)) : zeroExtended(ctx, i.arg(0));
        Reg m = signed ? signExtended(ctx, i.arg(1)) : zeroExtended(ctx, i.arg(1));
        Reg d = ctx.resultReg(i);
        if (hasM) {
            Alu op = signed ? (rem ? Alu.REM : Alu.DIV) : (rem ? Alu.REMU : Alu.DIVU);
            ctx.emit(new RvInst.Op(op, d, n, m));
            return;
        }
        String name = signed ? (rem ? "__modsi3" : "__divsi3") : (rem ? "__umodsi3" : "__udivsi3");
        helper(ctx, name, List.of(n, m), d);
    }

    /** Calls a helper with 32-bit arguments in a0.., copying its a0 result to {@code d} (if not null). */
    void helper(IselContext ctx, String name, List<Reg> args, Reg d) {
        List<Integer> argRegs = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            ctx.emit(new RvInst.Mv(Reg.phys(10 + k), args.get(k)));
            argRegs.add(10 + k);
        }
        ctx.emit(new RvInst.Call(name, null, argRegs, d == null ? List.of() : List.of(10)));
        ctx.mf.makesCalls = true;
        if (d != null) ctx.emit(new RvInst.Mv(d, Reg.phys(10)));
    }

    // ---- comparisons ----

    /** An icmp whose only use is the block's two-way branch becomes a compare-and-branch there. */
    private static boolean fusedIntoBranch(IselContext ctx, Inst cmp) {
        Block b = cmp.block();
        return ctx.onlyFeedsTerminator(cmp, b) && b.terminator().op == Op.BR && b.terminator().arg(0) == cmp;
    }

    /** Operands ready for a compare: extended as the predicate needs, constant zero as x0. */
    record Operands(Reg a, Reg b) {}

    Operands operands(IselContext ctx, Inst cmp) {
        boolean signed = cmp.cond.isSigned();
        return new Operands(extendedFor(ctx, cmp.arg(0), signed), extendedFor(ctx, cmp.arg(1), signed));
    }

    private Reg extendedFor(IselContext ctx, Value v, boolean signed) {
        if (IselContext.isConst(v)) return constant(ctx, signed ? v.type().signed(IselContext.constValue(v)) : v.type().wrap(IselContext.constValue(v)));
        return signed ? signExtended(ctx, v) : zeroExtended(ctx, v);
    }

    /** d = (a cond b) ? 1 : 0. */
    void setCond(IselContext ctx, Inst cmp, Reg d) {
        if (cmp.arg(0).type() == Type.I64) {
            pairs.setCond(ctx, cmp, d);
            return;
        }
        boolean signed = cmp.cond.isSigned();
        Alu slt = signed ? Alu.SLT : Alu.SLTU;
        Value bv = cmp.arg(1);
        Reg a = extendedFor(ctx, cmp.arg(0), signed);
        switch (cmp.cond) {
            case EQ, NE -> {
                Reg diff = a;
                if (!(IselContext.isConst(bv) && bv.type().wrap(IselContext.constValue(bv)) == 0)) {
                    diff = ctx.newReg();
                    ctx.emit(new RvInst.Op(Alu.XOR, diff, a, extendedFor(ctx, bv, false)));
                }
                if (cmp.cond == dev.rivet.ir.Cond.EQ) ctx.emit(new RvInst.OpImm(AluImm.SLTIU, d, diff, 1));
                else ctx.emit(new RvInst.Op(Alu.SLTU, d, RvInst.ZERO, diff));
            }
            case SLT, ULT -> {
                long k = IselContext.isConst(bv) ? (signed ? bv.type().signed(IselContext.constValue(bv)) : bv.type().wrap(IselContext.constValue(bv))) : 0;
                if (IselContext.isConst(bv) && fits12(k)) ctx.emit(new RvInst.OpImm(signed ? AluImm.SLTI : AluImm.SLTIU, d, a, (int) k));
                else ctx.emit(new RvInst.Op(slt, d, a, extendedFor(ctx, bv, signed)));
            }
            case SGT, UGT -> ctx.emit(new RvInst.Op(slt, d, extendedFor(ctx, bv, signed), a));
            case SGE, UGE, SLE, ULE -> { // the negation of LT / GT
                Reg t = ctx.newReg();
                boolean ge = cmp.cond == dev.rivet.ir.Cond.SGE || cmp.cond == dev.rivet.ir.Cond.UGE;
                Reg b = extendedFor(ctx, bv, signed);
                ctx.emit(ge ? new RvInst.Op(slt, t, a, b) : new RvInst.Op(slt, t, b, a));
                ctx.emit(new RvInst.OpImm(AluImm.XORI, d, t, 1));
            }
        }
    }

    private void branch(IselContext ctx, Inst br) {
        Value c = br.arg(0);
        int t = ctx.target(br.targets.get(0), false), f = ctx.target(br.targets.get(1), false);
        if (c instanceof Inst cmp && cmp.op == Op.ICMP && fusedIntoBranch(ctx, cmp)) {
            if (cmp.arg(0).type() == Type.I64 && (cmp.cond == dev.rivet.ir.Cond.EQ || cmp.cond == dev.rivet.ir.Cond.NE)) {
                Reg diff = pairs.difference(ctx, cmp.arg(0), cmp.arg(1));
                ctx.emit(new RvInst.Branch(cmp.cond == dev.rivet.ir.Cond.EQ ? BranchOp.BEQ : BranchOp.BNE, diff, RvInst.ZERO, t));
            } else if (cmp.arg(0).type() == Type.I64) {
                Reg v = ctx.newReg();
                pairs.setCond(ctx, cmp, v);
                ctx.emit(new RvInst.Branch(BranchOp.BNE, v, RvInst.ZERO, t));
            } else {
                Operands o = operands(ctx, cmp);
                switch (cmp.cond) {
                    case EQ -> ctx.emit(new RvInst.Branch(BranchOp.BEQ, o.a(), o.b(), t));
                    case NE -> ctx.emit(new RvInst.Branch(BranchOp.BNE, o.a(), o.b(), t));
                    case SLT -> ctx.emit(new RvInst.Branch(BranchOp.BLT, o.a(), o.b(), t));
                    case SGE -> ctx.emit(new RvInst.Branch(BranchOp.BGE, o.a(), o.b(), t));
                    case SGT -> ctx.emit(new RvInst.Branch(BranchOp.BLT, o.b(), o.a(), t));
                    case SLE -> ctx.emit(new RvInst.Branch(BranchOp.BGE, o.b(), o.a(), t));
                    case ULT -> ctx.emit(new RvInst.Branch(BranchOp.BLTU, o.a(), o.b(), t));
                    case UGE -> ctx.emit(new RvInst.Branch(BranchOp.BGEU, o.a(), o.b(), t));
                    case UGT -> ctx.emit(new RvInst.Branch(BranchOp.BLTU, o.b(), o.a(), t));
                    case ULE -> ctx.emit(new RvInst.Branch(BranchOp.BGEU, o.b(), o.a(), t));
                }
            }
        } else {
            ctx.emit(new RvInst.Branch(BranchOp.BNE, ctx.reg(c), RvInst.ZERO, t));
        }
        ctx.emit(new RvInst.Jump(f));
    }

    private void switchChain(IselContext ctx, Inst sw) {
        if (jumpTable(ctx, sw)) return;
        Reg r = zeroExtended(ctx, sw.arg(0));
        for (int k = 0; k < sw.cases.length; k++) {
            int target = ctx.target(sw.targets.get(k + 1), false);
            ctx.emit(new RvInst.Branch(BranchOp.BEQ, r, constant(ctx, sw.cases[k]), target));
        }
        ctx.emit(new RvInst.Jump(ctx.target(sw.targets.getFirst(), false)));
    }

    /**
     * Dense cases: index = value - lowest case, one unsigned bounds check to the default, then
     * a table of distances from the code that reads it ({@link RvChunks.JumpTable}). Taken where
     * it is smaller than the compare chain, counting the table in halfwords (bytes are only
     * known once the code is laid out).
     */
    private boolean jumpTable(IselContext ctx, Inst sw) {
        if (sw.arg(0).type() == Type.I64) return false;
        CaseTable.Shape shape = CaseTable.shape(sw);
        if (shape.span() > 4096) return false;
        int min = (int) shape.min(), span = (int) shape.span();
        int chain = 0;
        for (long c : sw.cases) chain += constantCost(c) + 4;
        int unit = compressed ? 2 : 4;
        int reader = RvChunks.JumpTable.readerSize(compressed, true);
        int table = (min == 0 ? 0 : 4) + constantCost(span) + 4 + reader + (2 * span + unit - 1) / unit * unit;
        if (table >= chain) return false;
        Reg r = shape.signed() ? signExtended(ctx, sw.arg(0)) : zeroExtended(ctx, sw.arg(0));
        CaseTable cases = CaseTable.build(ctx, sw, shape);
        Reg index = ctx.newReg();
        if (min == 0) ctx.emit(new RvInst.Mv(index, r));
        else if (fits12(-(long) min)) ctx.emit(new RvInst.OpImm(AluImm.ADDI, index, r, -min));
        else ctx.emit(new RvInst.Op(Alu.SUB, index, r, constant(ctx, min)));
        ctx.emit(new RvInst.Branch(BranchOp.BGEU, index, constant(ctx, span), cases.fallback()));
        ctx.emit(new RvInst.Table(index, ctx.newReg(), cases.blocks()));
        return true;
    }

    /** Bytes to build a constant in a register: none for zero (x0), c.li, addi, else lui+addi. */
    private int constantCost(long value) {
        int v = (int) value;
        if (v == 0) return 0;
        if (compressed && v >= -32 && v < 32) return 2;
        return fits12(v) ? 4 : 8;
    }

    // ---- narrow values ----

    Reg zeroExtended(IselContext ctx, Value v) {
        Reg r = ctx.reg(v);
        Type t = v.type();
        if (t == Type.I32 || t == Type.PTR || t == Type.I1 || knownZeroExtended(v)) return r;
        Reg d = ctx.newReg();
        if (t == Type.I8) {
            ctx.emit(new RvInst.OpImm(AluImm.ANDI, d, r, 0xFF));
        } else {
            Reg s = ctx.newReg();
            ctx.emit(new RvInst.OpImm(AluImm.SLLI, s, r, 16));
            ctx.emit(new RvInst.OpImm(AluImm.SRLI, d, s, 16));
        }
        return d;
    }

    Reg signExtended(IselContext ctx, Value v) {
        Reg r = ctx.reg(v);
        Type t = v.type();
        if (t == Type.I32 || t == Type.PTR) return r;
        Reg d = ctx.newReg();
        if (t == Type.I1) {
            ctx.emit(new RvInst.Op(Alu.SUB, d, RvInst.ZERO, r));
            return d;
        }
        int sh = 32 - t.bits();
        Reg s = ctx.newReg();
        ctx.emit(new RvInst.OpImm(AluImm.SLLI, s, r, sh));
        ctx.emit(new RvInst.OpImm(AluImm.SRAI, d, s, sh));
        return d;
    }

    /** See {@link NarrowValues}; {@link #logic} ANDs with the zero-extended form of a constant. */
    static boolean knownZeroExtended(Value v) {
        return NarrowValues.knownZeroExtended(v, true);
    }

    /** The CSR a {@code __rivet_csrr}/{@code __rivet_csrw} call names: a constant, as the instruction encodes it. */
    private static int csrNumber(Inst call) {
        if (call.arg(0) instanceof Inst c && c.op == Op.CONST && c.imm >= 0 && c.imm < 4096) return (int) c.imm;
        throw new dev.rivet.codegen.CodegenException("`" + call.symbol + "` needs a constant CSR number below 4096", call.loc);
    }
}
