package dev.rivet.frontend.lower;

import dev.rivet.ir.Value;

/**
 * A Rust value during lowering, in the form its type's layout gives it: one IR value (bools
 * as {@code i1}), a pair (slice and str references), an aggregate in memory, nothing (zero-sized
 * types), or no value at all because control never gets here.
 */
sealed interface Operand {
    record Scalar(Value value) implements Operand {}

    record Pair(Value first, Value second) implements Operand {}

    /**
     * An aggregate at {@code address}. {@code owned} means the memory is a fresh temporary that
     * may be handed on without a copy.
     */
    record Mem(Value address, boolean owned) implements Operand {}

    record Zst() implements Operand {}

    /** Control flow diverged (a return, break, panic...): there is no value and no current block. */
    record Diverged() implements Operand {}

    Operand ZST = new Zst();
    Operand DIVERGED = new Diverged();

    default Value scalar() {
        if (this instanceof Scalar s) return s.value();
        throw new IllegalStateException("expected a scalar operand, got " + this);
    }
}
