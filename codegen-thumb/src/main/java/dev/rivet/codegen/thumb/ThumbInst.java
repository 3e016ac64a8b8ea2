package dev.rivet.codegen.thumb;

import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.StackObject;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Thumb machine instructions over virtual or physical registers. Most are one 16-bit
 * instruction; a few are pseudo-instructions that expand at emission (constants, conditional
 * values, selects, returns), which keeps flag-setting sequences together where the register
 * allocator cannot separate them.
 */
sealed interface ThumbInst extends MInst {
    static String r(Reg r) { return r instanceof Reg.Physical p ? ThumbRegs.NAMES[p.num()] : r.toString(); }

    /** mov d, m. */
    record Mov(Reg d, Reg m) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.use(m); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Mov(f.apply(d), f.apply(m)); }
        @Override public boolean isMove() { return true; }
        @Override public List<Reg> moveOperands() { return List.of(d, m); }
        public String toString() { return "mov " + r(d) + ", " + r(m); }
    }

    /** d = a 32-bit constant, built the shortest way (movs, movs+shift, mvns, movw/movt, or a literal). */
    record Const(Reg d, int value) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        @Override public boolean isRematerializable() { return value >= 0 && value < 256; } // movs: 2 bytes
        public void regs(RegVisitor v) { v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Const(f.apply(d), value); }
        public String toString() { return "ldr " + r(d) + ", =" + value; }
    }

    /** d = address of symbol + addend (a literal-pool word with an ABS32 relocation, or movw/movt). */
    record Sym(Reg d, String symbol, long addend) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        @Override public boolean isRematerializable() { return true; } // a literal load: 2 bytes, the pool word shared
        public void regs(RegVisitor v) { v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Sym(f.apply(d), symbol, addend); }
        public String toString() { return "ldr " + r(d) + ", =" + symbol + (addend == 0 ? "" : "+" + addend); }
    }

    /** adds/subs d, n, m (3 low registers). */
    record Add3(boolean sub, Reg d, Reg n, Reg m) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.use(n); v.use(m); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Add3(sub, f.apply(d), f.apply(n), f.apply(m)); }
        public String toString() { return (sub ? "subs " : "adds ") + r(d) + ", " + r(n) + ", " + r(m); }
    }

    /** adds/subs d, n, #imm (imm 0..7, or 0..255 when d == n, chosen at emission). */
    record AddImm(boolean sub, Reg d, Reg n, int imm) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        /** Beyond 7, the 16-bit adds/subs takes the immediate only with d = n. */
        @Override public List<Reg> twoAddressHint() { return imm > 7 ? List.of(d, n) : List.of(); }
        public void regs(RegVisitor v) { v.use(n); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new AddImm(sub, f.apply(d), f.apply(n), imm); }
        public String toString() { return (sub ? "subs " : "adds ") + r(d) + ", " + r(n) + ", #" + imm; }
    }

    /** The two-address data-processing group: dn = dn op m (TST, CMP and CMN only set flags). */
    record Dp(ThumbEncoder.Dp op, Reg dn, Reg m) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) {
            v.use(m);
            if (op != ThumbEncoder.Dp.MVN && op != ThumbEncoder.Dp.RSB) v.use(dn);
            if (op != ThumbEncoder.Dp.TST && op != ThumbEncoder.Dp.CMP && op != ThumbEncoder.Dp.CMN) v.def(dn);
        }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Dp(op, f.apply(dn), f.apply(m)); }
        public String toString() { return op.name().toLowerCase() + "s " + r(dn) + ", " + r(m); }
    }

    /** lsls/lsrs/asrs d, m, #imm (kind 0, 1, 2). */
    record ShiftImm(int kind, Reg d, Reg m, int imm) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.use(m); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new ShiftImm(kind, f.apply(d), f.apply(m), imm); }
        public String toString() { return new String[] {"lsls", "lsrs", "asrs"}[kind] + " " + r(d) + ", " + r(m) + ", #" + imm; }
    }

    /** Sets the flags for a comparison: the {@link Cmp} and {@link Cmp64} forms. */
    sealed interface Compare extends ThumbInst permits Cmp, Cmp64 {}

    /** cmp n, m — or cmp n, #imm (0..255) when m is null. */
    record Cmp(Reg n, Reg m, int imm) implements Compare {
        public void regs(RegVisitor v) { v.use(n); if (m != null) v.use(m); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Cmp(f.apply(n), m == null ? null : f.apply(m), imm); }
        public String toString() { return "cmp " + r(n) + ", " + (m == null ? "#" + imm : r(m)); }
    }

    /**
     * Compares two 64-bit values: cmp alo, blo; mov tmp, ahi; sbcs tmp, bhi. N, V and C come out
     * as for a 64-bit subtraction (so LT, GE, LO and HS hold); Z does not.
     */
    record Cmp64(Reg alo, Reg ahi, Reg blo, Reg bhi, Reg tmp) implements Compare {
        public void regs(RegVisitor v) { v.use(alo); v.use(ahi); v.use(blo); v.use(bhi); v.earlyDef(tmp); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Cmp64(f.apply(alo), f.apply(ahi), f.apply(blo), f.apply(bhi), f.apply(tmp)); }
        public String toString() { return "cmp64 " + r(ahi) + ":" + r(alo) + ", " + r(bhi) + ":" + r(blo) + " (tmp " + r(tmp) + ")"; }
    }

    /** 64-bit add or subtract with carry: adds/subs dlo, alo, blo; mov dhi, ahi; adcs/sbcs dhi, bhi. */
    record AddSub64(boolean sub, Reg dlo, Reg dhi, Reg alo, Reg ahi, Reg blo, Reg bhi) implements ThumbInst {
        public void regs(RegVisitor v) { v.use(alo); v.use(ahi); v.use(blo); v.use(bhi); v.earlyDef(dlo); v.earlyDef(dhi); }
        public MInst mapRegs(UnaryOperator<Reg> f) {
            return new AddSub64(sub, f.apply(dlo), f.apply(dhi), f.apply(alo), f.apply(ahi), f.apply(blo), f.apply(bhi));
        }
        public String toString() { return (sub ? "sub64 " : "add64 ") + r(dhi) + ":" + r(dlo) + ", " + r(ahi) + ":" + r(alo) + ", " + r(bhi) + ":" + r(blo); }
    }

    /** sxth/sxtb/uxth/uxtb d, m (kind 0..3). */
    record Extend(int kind, Reg d, Reg m) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.use(m); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Extend(kind, f.apply(d), f.apply(m)); }
        public String toString() { return new String[] {"sxth", "sxtb", "uxth", "uxtb"}[kind] + " " + r(d) + ", " + r(m); }
    }

    /** rev d, m. */
    record Rev(Reg d, Reg m) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.use(m); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Rev(f.apply(d), f.apply(m)); }
        public String toString() { return "rev " + r(d) + ", " + r(m); }
    }

    /** Loads and stores: size 1, 2 or 4; signed loads extend. Addressing: base + immediate, or base + index. */
    record Mem(boolean store, int size, boolean signed, Reg t, Reg base, Reg index, int offset) implements ThumbInst {
        public void regs(RegVisitor v) {
            v.use(base);
            if (index != null) v.use(index);
            if (store) v.use(t); else v.def(t);
        }
        public MInst mapRegs(UnaryOperator<Reg> f) {
            return new Mem(store, size, signed, f.apply(t), f.apply(base), index == null ? null : f.apply(index), offset);
        }
        public String toString() {
            String op = (store ? "str" : "ldr") + (signed ? "s" : "") + (size == 1 ? "b" : size == 2 ? "h" : "");
            return op + " " + r(t) + ", [" + r(base) + (index != null ? ", " + r(index) : ", #" + offset) + "]";
        }
    }

    /** A word load or store at a stack object plus {@code extra} bytes (SP-relative). */
    record StackMem(boolean store, Reg t, StackObject slot, int extra) implements ThumbInst {
        /** An incoming argument never changes: a spilled one is loaded again where needed, not copied to a slot of its own. */
        @Override public boolean isRematerializable() { return !store && slot.kind == StackObject.Kind.INCOMING_ARG; }
        public void regs(RegVisitor v) { if (store) v.use(t); else v.def(t); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new StackMem(store, f.apply(t), slot, extra); }
        public String toString() { return (store ? "str " : "ldr ") + r(t) + ", [sp, " + slot + (extra == 0 ? "" : "+" + extra) + "]"; }
    }

    /** A word store into the outgoing argument area at SP + offset. */
    record OutArg(Reg t, int offset) implements ThumbInst {
        public void regs(RegVisitor v) { v.use(t); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new OutArg(f.apply(t), offset); }
        public String toString() { return "str " + r(t) + ", [sp, #" + offset + "]"; }
    }

    /** d = SP + offset of a stack object. */
    record StackAddr(Reg d, StackObject slot) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        @Override public boolean isRematerializable() { return true; }
        public void regs(RegVisitor v) { v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new StackAddr(f.apply(d), slot); }
        public String toString() { return "add " + r(d) + ", sp, " + slot; }
    }

    /** Conditional branch on the flags. */
    record Branch(Cond cond, int block) implements ThumbInst {
        public void regs(RegVisitor v) { }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        @Override public List<Integer> targets() { return List.of(block); }
        public String toString() { return "b" + cond.text() + " .L" + block; }
        @Override public boolean isInvertibleBranch() { return true; }
    }

    record Jump(int block) implements ThumbInst {
        public void regs(RegVisitor v) { }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        @Override public List<Integer> targets() { return List.of(block); }
        @Override public boolean isTerminator() { return true; }
        public String toString() { return "b .L" + block; }
    }

    /** Branch to a case block when {@code reg == value}; a compare chain element of a switch. */
    record CaseBranch(Reg reg, int value, int block) implements ThumbInst {
        public void regs(RegVisitor v) { v.use(reg); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new CaseBranch(f.apply(reg), value, block); }
        @Override public List<Integer> targets() { return List.of(block); }
        public String toString() { return "cmp " + r(reg) + ", #" + value + "; beq .L" + block; }
    }

    /**
     * A pc-relative jump table: bounds are checked before, {@code index} is in range. Thumb-2
     * uses tbb/tbh; Thumb-1 loads the entry into {@code scratch} and adds it to pc.
     */
    record Table(Reg index, Reg scratch, List<Integer> blocks) implements ThumbInst {
        public void regs(RegVisitor v) {
            v.use(index);
            if (scratch != null) v.earlyDef(scratch);
        }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Table(f.apply(index), scratch == null ? null : f.apply(scratch), blocks); }
        @Override public List<Integer> targets() { return blocks; }
        @Override public boolean isTerminator() { return true; }
        public String toString() {
            return (scratch == null ? "tbb [pc, " + r(index) + "] " : "case " + r(index) + " (scratch " + r(scratch) + ") ") + blocks;
        }
    }

    /** bl symbol: reads the argument registers, writes the result registers, clobbers the caller-saved ones. */
    record Call(String symbol, Reg target, List<Integer> args, List<Integer> results) implements ThumbInst {
        public void regs(RegVisitor v) {
            if (target != null) v.use(target);
            for (int a : args) v.use(Reg.phys(a));
            for (int d : results) v.def(Reg.phys(d));
        }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Call(symbol, target == null ? null : f.apply(target), args, results); }
        @Override public boolean isCall() { return true; }
        public String toString() { return symbol != null ? "bl " + symbol : "blx " + r(target); }
    }

    /** Return: the epilogue (pop {.., pc} or bx lr) is emitted here. */
    record Ret(List<Integer> results) implements ThumbInst {
        public void regs(RegVisitor v) { for (int d : results) v.use(Reg.phys(d)); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        @Override public boolean isTerminator() { return true; }
        @Override public boolean isReturn() { return true; }
        public String toString() { return "ret"; }
    }

    /** A tail call (Thumb-2): after the epilogue, b.w symbol (the callee returns to this function's caller). */
    record TailCall(String symbol, List<Integer> args) implements ThumbInst {
        public void regs(RegVisitor v) { for (int a : args) v.use(Reg.phys(a)); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        @Override public boolean isTerminator() { return true; }
        @Override public boolean isReturn() { return true; }
        public String toString() { return "tail " + symbol; }
    }

    /** udf: control never gets here. {@code elided}: it follows a call that never returns, so it needs no bytes. */
    record Trap(boolean elided) implements ThumbInst {
        public void regs(RegVisitor v) { }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        @Override public boolean isTerminator() { return true; }
        public String toString() { return elided ? "; unreachable" : "udf #254"; }
    }

    /** bkpt 0xab: semihosting call with operation in r0, parameter in r1, result in r0. */
    record Semihost() implements ThumbInst {
        public void regs(RegVisitor v) { v.use(Reg.phys(0)); v.use(Reg.phys(1)); v.def(Reg.phys(0)); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return this; }
        public String toString() { return "bkpt 0x00ab"; }
    }

    /** d = cond ? 1 : 0 after {@code cmp}. */
    record SetCond(Cond cond, Reg d, Compare cmp) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { cmp.regs(v); v.earlyDef(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new SetCond(cond, f.apply(d), (Compare) cmp.mapRegs(f)); }
        public String toString() { return cmp + "; set" + cond.text() + " " + r(d); }
    }

    /** d = cond ? a : b after {@code cmp}. */
    record Select(Cond cond, Reg d, Compare cmp, Reg a, Reg b) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { cmp.regs(v); v.use(a); v.use(b); v.earlyDef(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) {
            return new Select(cond, f.apply(d), (Compare) cmp.mapRegs(f), f.apply(a), f.apply(b));
        }
        public String toString() { return cmp + "; sel" + cond.text() + " " + r(d) + ", " + r(a) + ", " + r(b); }
    }

    /** Thumb-2 register instructions: udiv, sdiv (n, m) and clz, rbit (n only). */
    record Wide(String op, Reg d, Reg n, Reg m) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.use(n); if (m != null) v.use(m); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Wide(op, f.apply(d), f.apply(n), m == null ? null : f.apply(m)); }
        public String toString() { return op + " " + r(d) + ", " + r(n) + (m == null ? "" : ", " + r(m)); }
    }

    /** umull lo, hi, n, m (Thumb-2). */
    record Umull(Reg lo, Reg hi, Reg n, Reg m) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.use(n); v.use(m); v.def(lo); v.def(hi); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Umull(f.apply(lo), f.apply(hi), f.apply(n), f.apply(m)); }
        public String toString() { return "umull " + r(lo) + ", " + r(hi) + ", " + r(n) + ", " + r(m); }
    }

    /** mla d, n, m, a: d = a + n * m; with {@code sub}, mls: d = a - n * m (Thumb-2). */
    record Mla(boolean sub, Reg d, Reg n, Reg m, Reg a) implements ThumbInst {
        @Override public boolean isPure() { return true; }
        public void regs(RegVisitor v) { v.use(n); v.use(m); v.use(a); v.def(d); }
        public MInst mapRegs(UnaryOperator<Reg> f) { return new Mla(sub, f.apply(d), f.apply(n), f.apply(m), f.apply(a)); }
        public String toString() { return (sub ? "mls " : "mla ") + r(d) + ", " + r(n) + ", " + r(m) + ", " + r(a); }
    }
}
