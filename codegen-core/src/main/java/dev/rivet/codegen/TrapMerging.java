package dev.rivet.codegen;

import dev.rivet.codegen.isel.Isa;

/**
 * Blocks that are one and the same trap instruction (a failed bounds or overflow check with
 * {@code panic = "trap"}, an impossible {@code match} arm) become one: every copy after the
 * first turns into a jump to it, which {@link Forwarding} then drops, so each check costs a
 * compare and a branch instead of a branch over a trap. As with LLVM's merged traps, a fault
 * at the shared trap reports the first check's source line. Cost: one walk of the blocks.
 */
final class TrapMerging {
    private TrapMerging() {}

    static void run(MFunction f, Isa isa) {
        MBlock first = null;
        for (int k = 1; k < f.blocks.size(); k++) { // the entry block is never a branch target
            MBlock b = f.blocks.get(k);
            if (!isTrap(b)) continue;
            if (first == null) first = b;
            else if (b.insts.getFirst().equals(first.insts.getFirst())) b.insts.set(0, isa.jump(first.id));
        }
    }

    /** One instruction that ends the block, goes nowhere, returns not and reads no register: a trap. */
    private static boolean isTrap(MBlock b) {
        if (b.insts.size() != 1) return false;
        MInst i = b.insts.getFirst();
        return i.isTerminator() && !i.isReturn() && !i.isCall() && i.targets().isEmpty() && i.uses().isEmpty();
    }
}
