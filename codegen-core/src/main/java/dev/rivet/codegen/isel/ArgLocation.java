package dev.rivet.codegen.isel;

import java.util.List;

/**
 * Where one IR argument or result travels: in registers (one, or two for 64-bit values, low
 * word first), on the stack at an offset in the outgoing-argument area, or split between the
 * last argument register and the stack (RISC-V's rule for a 64-bit value that no longer fits).
 */
public record ArgLocation(List<Integer> regs, int stackOffset) {
    public static ArgLocation inRegs(Integer... regs) { return new ArgLocation(List.of(regs), -1); }

    public static ArgLocation onStack(int offset) { return new ArgLocation(List.of(), offset); }

    public boolean onStack() { return regs.isEmpty(); }

    /** Low word in a register, high word on the stack at {@link #stackOffset}. */
    public boolean split() { return regs.size() == 1 && stackOffset >= 0; }
}
