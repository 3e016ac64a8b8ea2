package dev.rivet.codegen.thumb;

import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import dev.rivet.codegen.StackObject;
import java.util.List;

/**
 * The registers rivet allocates on Thumb: r0-r7 only, since every 16-bit encoding can name them
 * and r8-r12 would need 32-bit encodings. r0-r3 are caller-saved and tried first (no save cost);
 * r4-r7 are callee-saved and cost a slot in the prologue's push.
 */
final class ThumbRegs implements RegInfo {
    static final String[] NAMES = {"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12",
        "sp", "lr", "pc"};
    static final int SP = 13, LR = 14, PC = 15;
    private static final List<Integer> ALLOCATABLE = List.of(0, 1, 2, 3, 4, 5, 6, 7);

    @Override public List<Integer> allocatable() { return ALLOCATABLE; }

    @Override public boolean isCalleeSaved(int reg) { return reg >= 4 && reg <= 11; }

    @Override public MInst move(Reg dst, Reg src) { return new ThumbInst.Mov(dst, src); }

    @Override public MInst spill(Reg src, StackObject slot) { return new ThumbInst.StackMem(true, src, slot, 0); }

    @Override public MInst reload(Reg dst, StackObject slot) { return new ThumbInst.StackMem(false, dst, slot, 0); }

    @Override public String name(int reg) { return NAMES[reg]; }
}
