package dev.rivet.codegen.riscv;

import dev.rivet.codegen.MInst;
import dev.rivet.codegen.Reg;
import dev.rivet.codegen.RegInfo;
import dev.rivet.codegen.StackObject;
import java.util.List;

/**
 * The registers rivet allocates on RV32: a0-a5 first (caller-saved, and x8-x15 have compressed
 * encodings), then the other caller-saved ones, then s0/s1 (compressible, but saved by the
 * prologue), then s2-s11. RV32E stops at x15. gp and tp are never used; tp is the emitter's
 * scratch register for far stack accesses.
 */
final class RvRegs implements RegInfo {
    static final String[] NAMES = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
    static final int RA = 1, SP = 2, GP = 3, TP = 4, T0 = 5, A0 = 10;
    /** s0..s11, in the order prologues save them (after ra). */
    static final int[] S_REGS = {8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27};

    private static final List<Integer> FULL = List.of(10, 11, 12, 13, 14, 15, 16, 17, 5, 6, 7, 28, 29, 30, 31, 8, 9, 18, 19, 20, 21,
            22, 23, 24, 25, 26, 27);
    private static final List<Integer> EMBEDDED = List.of(10, 11, 12, 13, 14, 15, 5, 6, 7, 8, 9);

    private final boolean embedded;

    RvRegs(boolean embedded) {
        this.embedded = embedded;
    }

    @Override public List<Integer> allocatable() { return embedded ? EMBEDDED : FULL; }

    /** s0 and s1, once saved anyway, come right after a0-a5: they too fit the compressed encodings. */
    @Override
    public List<Integer> preference(java.util.Set<Integer> calleeSavedInUse) {
        if (!calleeSavedInUse.contains(8) && !calleeSavedInUse.contains(9)) return allocatable();
        List<Integer> order = new java.util.ArrayList<>(allocatable().subList(0, 6));
        for (int s : new int[] {8, 9}) if (calleeSavedInUse.contains(s)) order.add(s);
        for (int r : allocatable()) if (!order.contains(r)) order.add(r);
        return order;
    }

    @Override public boolean isCalleeSaved(int reg) { return reg == 8 || reg == 9 || reg >= 18 && reg <= 27; }

    @Override public MInst move(Reg dst, Reg src) { return new RvInst.Mv(dst, src); }

    @Override public MInst spill(Reg src, StackObject slot) { return new RvInst.StackMem(true, 4, src, slot, 0); }

    @Override public MInst reload(Reg dst, StackObject slot) { return new RvInst.StackMem(false, 4, dst, slot, 0); }

    @Override public String name(int reg) { return NAMES[reg]; }
}
