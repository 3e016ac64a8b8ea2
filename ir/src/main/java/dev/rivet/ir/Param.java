package dev.rivet.ir;

/** A block parameter (the entry block's parameters are the function's parameters). */
public final class Param implements Value {
    private final Type type;
    Block block;

    public Param(Type type) {
        this.type = type;
    }

    @Override
    public Type type() { return type; }

    /** The block this parameter belongs to (null while detached). */
    public Block block() { return block; }
}
