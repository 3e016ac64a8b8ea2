package dev.rivet.codegen.asm;

import java.util.List;

/**
 * The entries of a jump table laid out in code: one per case, data rather than instructions,
 * bytes first and halfwords once a case is out of a byte's reach. Each ISA says how far an
 * entry reaches and how it is written ({@link #reachesAll}, {@link #encode}).
 */
public abstract class JumpTableEntries implements Chunk {
    protected final List<Label> cases;
    protected boolean halfwords;

    protected JumpTableEntries(List<Label> cases) {
        this.cases = List.copyOf(cases);
    }

    @Override public final boolean isData() { return true; }

    @Override public final List<Label> targets() { return cases; }

    @Override
    public final boolean grow() {
        if (halfwords) return false;
        halfwords = true;
        return true;
    }
}
