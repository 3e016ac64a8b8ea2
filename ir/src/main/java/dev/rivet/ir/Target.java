package dev.rivet.ir;

import java.util.ArrayList;
import java.util.List;

/** A branch destination: a block and the arguments passed to its parameters. */
public final class Target {
    public Block block;
    public final List<Value> args;

    public Target(Block block, List<Value> args) {
        this.block = block;
        this.args = new ArrayList<>(args);
    }

    public Target copy() { return new Target(block, args); }
}
