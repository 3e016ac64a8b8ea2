package dev.rivet.codegen.riscv;

import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.StackObject;
import dev.rivet.codegen.riscv.RvEncoder.Alu;
import dev.rivet.codegen.riscv.RvEncoder.AluImm;
import dev.rivet.codegen.riscv.RvEncoder.BranchOp;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * RV32 machine instructions over virtual or physical registers. The emitter picks the
 * compressed encoding of each wherever its operands allow; a few are pseudo-instructions
 * (constants, addresses, selects) that expand to several.
 */
sealed interface RvInst extends MInst {
    static String r(Reg r) { return r instanceof Reg.Physical p ? RvRegs.NAMES[p.num()] : r.toString(); }

    Reg ZERO = Reg.phys(0);

    record Mv(Reg d, Reg s) implements RvInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.use(s); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Mv(f.apply(d), f.apply(s)); }
        @Override public boolean isMove() { return true; }
        @Override public List<Reg> moveOperands() { return List.of(d, s); }
        public String toString() { return "mv " + r(d) + ", " + r(s); }
    }

    /** d = a 32-bit constant (c.li, addi, c.lui/lui, lui+addi). */
    record Li(Reg d, int value) implements RvInst {
        @Override public boolean isPure() { return true; }
        @Override public boolean isRematerializable() { return value >= -32 && value < 32; } // c.li: 2 bytes
        public void regs(RegVisitor v) { v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Li(f.apply(d), value); }
        public String toString() { return "li " + r(d) + ", " + value; }
    }

    /** d = address of symbol + addend: lui + addi with R_RISCV_HI20 / R_RISCV_LO12_I. */
    record La(Reg d, String symbol, long addend) implements RvInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new La(f.apply(d), symbol, addend); }
        public String toString() { return "la " + r(d) + ", " + symbol + (addend == 0 ? "" : "+" + addend); }
    }

    record Op(Alu op, Reg d, Reg a, Reg b) implements RvInst {
        @Override public boolean isPure() { return true; }
        /** c.add, c.sub, c.and, c.or, c.xor write their first operand. */
        @Override public List<Reg> twoAddressHint() {
            return switch (op) { case ADD, SUB, AND, OR, XOR -> List.of(d, a); default -> List.of(); };
        }
        public void regs(RegVisitor v) { v.use(a); v.use(b); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Op(op, f.apply(d), f.apply(a), f.apply(b)); }
        public String toString() { return op.name().toLowerCase() + " " + r(d) + ", " + r(a) + ", " + r(b); }
    }

    /** An I-type ALU instruction; the immediate fits (12-bit signed, or a 5-bit shift). */
    record OpImm(AluImm op, Reg d, Reg a, int imm) implements RvInst {
        @Override public boolean isPure() { return true; }
        /** c.addi, c.andi, c.slli, c.srli, c.srai write their operand. */
        @Override public List<Reg> twoAddressHint() {
            return switch (op) { case ADDI, ANDI, SLLI, SRLI, SRAI -> List.of(d, a); default -> List.of(); };
        }
        public void regs(RegVisitor v) { v.use(a); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new OpImm(op, f.apply(d), f.apply(a), imm); }
        public String toString() { return op.name().toLowerCase() + " " + r(d) + ", " + r(a) + ", " + imm; }
    }

    /** Loads zero-extend narrow values (lbu, lhu); stores write the low {@code size} bytes. */
    record Mem(boolean store, int size, Reg t, Reg base, int offset) implements RvInst {
        public void regs(RegVisitor v) { v.use(base); if (store) v.use(t); else v.def(t); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Mem(store, size, f.apply(t), f.apply(base), offset); }
        public String toString() {
            String op = store ? (size == 1 ? "sb" : size == 2 ? "sh" : "sw") : (size == 1 ? "lbu" : size == 2 ? "lhu" : "lw");
            return op + " " + r(t) + ", " + offset + "(" + r(base) + ")";
        }
    }

    /** An SP-relative access to a stack object plus {@code extra} bytes. */
    record StackMem(boolean store, int size, Reg t, StackObject slot, int extra) implements RvInst {
        /** An incoming argument never changes: a spilled one is loaded again where needed, not copied to a slot of its own. */
        @Override public boolean isRematerializable() { return !store && slot.kind == StackObject.Kind.INCOMING_ARG; }
        public void regs(RegVisitor v) { if (store) v.use(t); else v.def(t); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new StackMem(store, size, f.apply(t), slot, extra); }
        public String toString() { return (store ? "s" : "l") + size + " " + r(t) + ", " + slot + (extra == 0 ? "" : "+" + extra) + "(sp)"; }
    }

    /** A word store into the outgoing argument area at SP + offset. */
    record OutArg(Reg t, int offset) implements RvInst {
        public void regs(RegVisitor v) { v.use(t); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new OutArg(f.apply(t), offset); }
        public String toString() { return "sw " + r(t) + ", " + offset + "(sp)"; }
    }

    record StackAddr(Reg d, StackObject slot) implements RvInst {
        @Override public boolean isPure() { return true; }
        @Override public boolean isRematerializable() { return true; }
        public void regs(RegVisitor v) { v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new StackAddr(f.apply(d), slot); }
        public String toString() { return "addi " + r(d) + ", sp, " + slot; }
    }

    /** Branch to a block when {@code a op b} (b may be x0). */
    record Branch(BranchOp op, Reg a, Reg b, int block) implements RvInst {
        public void regs(RegVisitor v) { v.use(a); v.use(b); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Branch(op, f.apply(a), f.apply(b), block); }
        @Override public List<Integer> targets() { return List.of(block); }
        public String toString() { return op.name().toLowerCase() + " " + r(a) + ", " + r(b) + ", .L" + block; }
        @Override public boolean isInvertibleBranch() { return true; }
    }

    record Jump(int block) implements RvInst {
        public void regs(RegVisitor v) { }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        @Override public List<Integer> targets() { return List.of(block); }
        @Override public boolean isTerminator() { return true; }
        public String toString() { return "j .L" + block; }
    }

    /**
     * A jump table: jump to {@code blocks[index]} (the index is checked before). The index
     * register is overwritten on the way; {@code base} is a scratch register for the table's
     * address.
     */
    record Table(Reg index, Reg base, List<Integer> blocks) implements RvInst {
        public void regs(RegVisitor v) { v.use(index); v.def(index); v.earlyDef(base); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Table(f.apply(index), f.apply(base), blocks); }
        @Override public List<Integer> targets() { return blocks; }
        @Override public boolean isTerminator() { return true; }
        public String toString() { return "table " + r(index) + " (base " + r(base) + ") " + blocks; }
    }

    record Call(String symbol, Reg target, List<Integer> args, List<Integer> results) implements RvInst {
        public void regs(RegVisitor v) {
            if (target != null) v.use(target);
            for (int a : args) v.use(Reg.phys(a));
            for (int d : results) v.def(Reg.phys(d));
        }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Call(symbol, target == null ? null : f.apply(target), args, results); }
        @Override public boolean isCall() { return true; }
        public String toString() { return symbol != null ? "call " + symbol : "jalr " + r(target); }
    }

    /** A tail call: after the epilogue, j symbol (the callee returns to this function's caller). */
    record TailCall(String symbol, List<Integer> args) implements RvInst {
        public void regs(RegVisitor v) { for (int a : args) v.use(Reg.phys(a)); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        @Override public boolean isTerminator() { return true; }
        @Override public boolean isReturn() { return true; }
        public String toString() { return "tail " + symbol; }
    }

    record Ret(List<Integer> results) implements RvInst {
        public void regs(RegVisitor v) { for (int d : results) v.use(Reg.phys(d)); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        @Override public boolean isTerminator() { return true; }
        @Override public boolean isReturn() { return true; }
        public String toString() { return "ret"; }
    }

    /** unimp: control never gets here. {@code elided}: it follows a call that never returns, so it needs no bytes. */
    record Trap(boolean elided) implements RvInst {
        public void regs(RegVisitor v) { }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        @Override public boolean isTerminator() { return true; }
        public String toString() { return elided ? "; unreachable" : "unimp"; }
    }

    /** The semihosting sequence slli x0,x0,31; ebreak; srai x0,x0,7 with the operation in a0, the parameter in a1. */
    record Semihost() implements RvInst {
        public void regs(RegVisitor v) { v.use(Reg.phys(10)); v.use(Reg.phys(11)); v.def(Reg.phys(10)); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        public String toString() { return "semihost"; }
    }

    /** d = c != 0 ? a : b, as mv d, a; bnez c, 1f; mv d, b; 1:. */
    record Select(Reg d, Reg c, Reg a, Reg b) implements RvInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.use(c); v.use(a); v.use(b); v.earlyDef(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Select(f.apply(d), f.apply(c), f.apply(a), f.apply(b)); }
        public String toString() { return "select " + r(d) + ", " + r(c) + " ? " + r(a) + " : " + r(b); }
    }

    /**
     * mv sp, s or mv gp, s: the start-up code's set-up of a register the allocator never hands out
     * ({@code __rivet_set_sp}, {@code __rivet_set_gp}).
     */
    record SetPinned(int target, Reg s) implements RvInst {
        public void regs(RegVisitor v) { v.use(s); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new SetPinned(target, f.apply(s)); }
        public String toString() { return "mv " + (target == RvRegs.SP ? "sp" : "gp") + ", " + r(s); }
    }

    /** csrrs d, csr, zero: reads a control and status register ({@code __rivet_csrr}). */
    record CsrRead(Reg d, int csr) implements RvInst {
        public void regs(RegVisitor v) { v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new CsrRead(f.apply(d), csr); }
        public String toString() { return "csrr " + r(d) + ", " + RvCsrNames.of(csr); }
    }

    /** csrrw zero, csr, s: writes a control and status register ({@code __rivet_csrw}). */
    record CsrWrite(int csr, Reg s) implements RvInst {
        public void regs(RegVisitor v) { v.use(s); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new CsrWrite(csr, f.apply(s)); }
        public String toString() { return "csrw " + RvCsrNames.of(csr) + ", " + r(s); }
    }
}
