package dev.rivet.frontend.types;

import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.resolve.ModuleScope;

/** A {@code static} or {@code static mut}: a global with a fixed address. */
public final class StaticInfo {
    public final Item.Static ast;
    public final ModuleScope scope;
    public final String symbol;
    public Ty type;
    public ConstValue value;
    public boolean evaluating;

    public StaticInfo(Item.Static ast, ModuleScope scope, String symbol) {
        this.ast = ast;
        this.scope = scope;
        this.symbol = symbol;
    }

    public boolean mutable() { return ast.mutable(); }
}
