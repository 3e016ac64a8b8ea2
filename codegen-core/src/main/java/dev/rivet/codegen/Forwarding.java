package dev.rivet.codegen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blocks that hold nothing but a jump once registers are allocated (their moves vanished):
 * branches to them go straight to where they jump, and they are not emitted. Every block ends
 * in an explicit terminator, so nothing falls into a dropped block. The entry block stays.
 */
public final class Forwarding {
    private final Map<Integer, Integer> target = new HashMap<>();

    public Forwarding(MFunction f) {
        for (int k = 1; k < f.blocks.size(); k++) {
            MBlock b = f.blocks.get(k);
            if (b.insts.size() == 1 && b.insts.getFirst().isTerminator() && !b.insts.getFirst().isReturn()) {
                List<Integer> t = b.insts.getFirst().targets();
                if (t.size() == 1) target.put(b.id, t.getFirst());
            }
        }
    }

    /** Where a branch to {@code block} really goes. */
    public int resolve(int block) {
        int b = block;
        for (int steps = 0; steps < 64 && target.containsKey(b); steps++) b = target.get(b);
        return target.containsKey(b) ? block : b; // a cycle of jumps: keep the original
    }

    /** True if {@code block} is only a jump and need not be emitted. */
    public boolean dropped(int block) {
        return target.containsKey(block) && resolve(block) != block;
    }
}
