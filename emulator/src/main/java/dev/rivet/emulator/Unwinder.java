package dev.rivet.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the call stack of a stopped core with the unwind rows rivet's back ends record for each
 * function (where the caller's stack pointer and the return address are, at each point of the
 * code). It needs no frame pointer, so the code it reads stays as small as without it.
 */
public final class Unwinder {
    private Unwinder() {}

    /**
     * At some point of a function: the caller's SP is SP + {@code cfa}; the return address is at
     * (caller's SP + {@code ra}) in memory, or still in the link register when {@code ra} is 0.
     */
    public record CallFrame(int cfa, int ra) {}

    /** The unwind rows of the linked program. */
    @FunctionalInterface
    public interface Table {
        /** The row for the code at {@code pc}, or null when the address is not in code with rows. */
        CallFrame at(long pc);
    }

    /** Reads a 32-bit word; throws IllegalArgumentException where there is no memory. */
    @FunctionalInterface
    interface Memory {
        long word(long address);
    }

    /** Frames beyond this are not reported (deep recursion ends in a stack overflow, not a useful list). */
    static final int MAX_FRAMES = 32;

    /**
     * The return addresses of the active calls, innermost first, not including {@code pc}
     * itself. Stops where the rows end, the return address is unknown, or the stack would not
     * move up. At the innermost frame, code without rows (a jump to a bad address) is taken to
     * have been entered by a call that left its return address in the link register.
     */
    static List<Long> walk(Table table, long pc, long sp, long lr, Memory memory) {
        List<Long> callers = new ArrayList<>();
        for (int depth = 0; depth < MAX_FRAMES; depth++) {
            CallFrame f = table.at(depth == 0 ? pc : pc - 1); // a return address can be just past its function
            if (f == null && depth == 0) f = new CallFrame(0, 0);
            if (f == null || f.ra() == 0 && depth > 0) break; // above the innermost frame the link register is stale
            long cfa = sp + f.cfa();
            long ra;
            try {
                ra = f.ra() == 0 ? lr : memory.word(cfa + f.ra());
            } catch (IllegalArgumentException e) {
                break;
            }
            ra &= 0xFFFF_FFFEL; // the Thumb bit
            if (ra == 0 || ra == 0xFFFF_FFFEL || table.at(ra - 1) == null) break; // reset's LR, or not a call site
            if (depth > 0 && cfa <= sp) break; // no progress: corrupt rows or stack
            callers.add(ra);
            pc = ra;
            sp = cfa;
        }
        return callers;
    }
}
