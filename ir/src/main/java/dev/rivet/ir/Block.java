package dev.rivet.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block: parameters, then instructions, the last of which (once the block is complete)
 * is a terminator and the only one.
 */
public final class Block {
    private final List<Param> params = new ArrayList<>();
    private final List<Inst> insts = new ArrayList<>();
    Function function;
    /** Position in the function, kept by {@link Function#renumber()}; printed as b{index}. */
    int index;

    public List<Param> params() { return params; }

    /** The instructions, mutable; each call counts as visiting them all ({@link Work}). */
    public List<Inst> insts() {
        Work.add(insts.size());
        return insts;
    }

    public Function function() { return function; }

    public int index() { return index; }

    public Param addParam(Type t) {
        Param p = new Param(t);
        p.block = this;
        params.add(p);
        return p;
    }

    /** Appends an instruction and returns it. */
    public Inst add(Inst i) {
        i.block = this;
        insts.add(i);
        return i;
    }

    /**
     * Inserts an instruction at {@code position}. One without a source location takes the
     * location of the instruction it goes before: it computes part of that instruction's work.
     */
    public Inst insert(int position, Inst i) {
        Work.add(insts.size() - position + 1);
        if (i.loc == null && position < insts.size()) i.loc = insts.get(position).loc;
        i.block = this;
        insts.add(position, i);
        return i;
    }

    public boolean remove(Inst i) {
        Work.add(insts.size());
        if (!insts.remove(i)) return false;
        i.block = null;
        return true;
    }

    /**
     * Removes, in one linear pass, the instructions {@code test} accepts, asking in order;
     * {@link #remove} searches the list, so removing many that way costs the block's size each.
     */
    public boolean removeIf(java.util.function.Predicate<Inst> test) {
        return insts.removeIf(i -> {
            if (!test.test(i)) return false;
            i.block = null;
            return true;
        });
    }

    /**
     * Replaces the instruction list with {@code list} (linear: passes that insert many
     * instructions build the new order and set it once instead of inserting one by one).
     */
    public void setInsts(List<Inst> list) {
        for (Inst i : insts) i.block = null;
        insts.clear();
        for (Inst i : list) add(i);
    }

    /**
     * Appends {@code other}'s instructions after this block's own, minus this block's
     * terminator (which must jump to {@code other}); {@code other} is left empty.
     */
    public void absorb(Block other) {
        insts.removeLast().block = null;
        for (Inst i : other.insts) add(i);
        other.insts.clear();
    }

    /** The terminator, or null while the block is being built. */
    public Inst terminator() {
        if (insts.isEmpty()) return null;
        Inst last = insts.getLast();
        return last.op.isTerminator() ? last : null;
    }

    public List<Block> successors() {
        Inst t = terminator();
        return t == null ? List.of() : t.successors();
    }

    public String name() { return "b" + index; }

    @Override
    public String toString() { return name(); }
}
