package dev.rivet.codegen;

import java.util.ArrayList;
import java.util.List;

/** A basic block of machine instructions; ids are stable, the function's list gives the layout order. */
public final class MBlock {
    public final int id;
    public final List<MInst> insts = new ArrayList<>();

    public MBlock(int id) {
        this.id = id;
    }

    /** Successor block ids, from the branch instructions. */
    public List<Integer> successors() {
        List<Integer> s = new ArrayList<>();
        for (MInst i : insts) for (int t : i.targets()) if (!s.contains(t)) s.add(t);
        return s;
    }

    @Override
    public String toString() { return ".L" + id; }
}
