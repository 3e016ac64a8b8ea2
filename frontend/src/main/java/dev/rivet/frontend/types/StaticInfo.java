package dev.rivet.frontend.types;

import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.resolve.ModuleScope;

/** A {@code static} or {@code static mut}: a global with a fixed address. */
public final class StaticInfo {
    public final Item.Static ast;
    public final ModuleScope scope;
    public final String symbol;
    /** Declared in an {@code extern} block: defined by the linker script or another object. */
    public final boolean external;
    public Ty type;
    public ConstValue value;
    public boolean evaluating;

    public StaticInfo(Item.Static ast, ModuleScope scope, String symbol, boolean external) {
        this.ast = ast;
        this.scope = scope;
        this.symbol = symbol;
        this.external = external;
    }

    public boolean mutable() { return ast.mutable(); }
}
