package dev.rivet.frontend.check;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.types.Ty;

/** A local variable or parameter binding. Identity matters: two locals may share a name. */
public final class Local {
    public final String name;
    public final boolean mutable;
    public final Span span;
    public Ty type;
    /** Declared without a value ({@code let x;}): its first assignment initialises it. */
    public boolean deferredInit;
    /** A function's parameter (rustc words errors about it as an "argument"). */
    public boolean argument;

    public Local(String name, boolean mutable, Ty type, Span span) {
        this.name = name;
        this.mutable = mutable;
        this.type = type;
        this.span = span;
    }

    @Override
    public String toString() { return name; }
}
