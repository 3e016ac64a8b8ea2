package dev.rivet.codegen;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A machine instruction of some ISA, over virtual or physical registers. The ISA's instruction
 * records implement this so that the shared layer (liveness, register allocation, frame
 * layout, layout of blocks) can work on them without knowing the ISA.
 */
public interface MInst {
    /** Reports the registers the instruction reads ({@code use}) and writes ({@code def}). */
    void regs(RegVisitor v);

    /** The same instruction with every register replaced by {@code f}'s result. */
    MInst mapRegs(UnaryOperator<Reg> f);

    /** Register operands seen by {@link #regs}. */
    interface RegVisitor {
        void use(Reg r);

        void def(Reg r);

        /**
         * A definition written before the instruction has read all its uses (it expands to several
         * machine instructions), so it must not share a register with any of them.
         */
        default void earlyDef(Reg r) { def(r); }
    }

    /** The registers the instruction reads, as {@link #regs} reports them. */
    default List<Reg> uses() {
        List<Reg> out = new java.util.ArrayList<>();
        regs(new RegVisitor() {
            @Override public void use(Reg r) { out.add(r); }

            @Override public void def(Reg r) { }
        });
        return out;
    }

    /** The registers the instruction writes (early definitions included). */
    default List<Reg> defs() {
        List<Reg> out = new java.util.ArrayList<>();
        regs(new RegVisitor() {
            @Override public void use(Reg r) { }

            @Override public void def(Reg r) { out.add(r); }
        });
        return out;
    }

    /** A plain register-to-register copy, which allocation may remove by giving both the same register. */
    default boolean isMove() { return false; }

    /** For moves: the register copied to (first) and from (second). */
    default List<Reg> moveOperands() { return List.of(); }

    /**
     * Computes its register results from its register operands and nothing else: no memory, no
     * control flow, no condition flags that a later instruction reads. If nothing reads its
     * results, it can go.
     */
    default boolean isPure() { return false; }

    /**
     * Defines one register from nothing but constants (a small immediate, a symbol's or a stack
     * slot's address) or from memory nothing changes (an incoming stack argument), as cheaply as
     * a reload: a spilled register defined only here is rebuilt at each use instead of stored
     * and reloaded.
     */
    default boolean isRematerializable() { return false; }

    /**
     * A register operand the result would best share a register with: {d, a} where the
     * instruction has a shorter encoding when d and a are the same register (RVC's c.add,
     * c.addi, c.slli, ...; Thumb's adds rd, #imm8). Allocation takes it as a hint, after moves.
     */
    default List<Reg> twoAddressHint() { return List.of(); }

    /** A call: every caller-saved register is clobbered across it. */
    default boolean isCall() { return false; }

    /** Blocks this instruction may transfer control to (by id). */
    default List<Integer> targets() { return List.of(); }

    /**
     * A conditional branch (not a terminator, one target) that the emitter can invert when it
     * is followed by a jump, so that either of the two targets may follow the block.
     */
    default boolean isInvertibleBranch() { return false; }

    /** Ends a block (branch, return, trap). */
    default boolean isTerminator() { return false; }

    /** Returns from the function (the epilogue goes before it). */
    default boolean isReturn() { return false; }
}
