package dev.rivet.codegen;

import dev.rivet.ir.SourceLoc;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A function in machine instructions: blocks in layout order, its frame, and its virtual registers. */
public final class MFunction {
    public final String name;
    public final List<MBlock> blocks = new ArrayList<>();
    public final Frame frame = new Frame();
    /** Callee-saved registers the allocator used, which the prologue must save. */
    public final Set<Integer> usedCalleeSaved = new LinkedHashSet<>();
    /** True if the function calls others (so the return address must be saved). */
    public boolean makesCalls;
    /**
     * Start-up code that sets the global pointer: it runs partly before gp holds its value, so
     * its address loads must not be relaxed into gp-relative ones (crt0's ".option norelax").
     */
    public boolean setsGlobalPointer;
    /** Source locations of instructions, by identity: the ISAs' instruction records stay free of them. */
    private final Map<MInst, SourceLoc> locs = new IdentityHashMap<>();
    private int nextVReg;
    private int nextBlock;

    public MFunction(String name) {
        this.name = name;
    }

    /** The source location {@code i} was selected for, or null (spill code, moves the allocator adds). */
    public SourceLoc loc(MInst i) { return locs.get(i); }

    public void setLoc(MInst i, SourceLoc loc) {
        if (loc != null) locs.put(i, loc);
    }

    /** {@code to} takes the place of {@code from} (rewritten registers): it keeps its location. */
    public MInst replaced(MInst from, MInst to) {
        setLoc(to, locs.get(from));
        return to;
    }

    public Reg.Virtual newVReg() { return new Reg.Virtual(nextVReg++); }

    public int vregCount() { return nextVReg; }

    public MBlock newBlock() {
        MBlock b = new MBlock(nextBlock++);
        blocks.add(b);
        return b;
    }

    public MBlock block(int id) {
        for (MBlock b : blocks) if (b.id == id) return b;
        throw new IllegalArgumentException("no block " + id);
    }

    /** True if some block returns; a function that never does need not save anything for its caller. */
    public boolean returns() {
        for (MBlock b : blocks) for (MInst i : b.insts) if (i.isReturn()) return true;
        return false;
    }

    /** A textual listing (for --dump-after and tests). */
    public String dump() {
        StringBuilder sb = new StringBuilder(name).append(":\n");
        for (MBlock b : blocks) {
            sb.append(b).append(":\n");
            for (MInst i : b.insts) sb.append("    ").append(i).append('\n');
        }
        return sb.toString();
    }
}
