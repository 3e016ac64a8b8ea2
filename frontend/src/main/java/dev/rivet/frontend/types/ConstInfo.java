package dev.rivet.frontend.types;

import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.resolve.ModuleScope;

/** A {@code const} item (or associated const): declared type, initializer and, once evaluated, its value. */
public final class ConstInfo {
    public final String name;
    public final Item.Const ast;
    public final ModuleScope scope;
    public final Ty selfType;
    public Ty type;
    public ConstValue value;
    /** Guards against a constant defined in terms of itself. */
    public boolean evaluating;

    public ConstInfo(String name, Item.Const ast, ModuleScope scope, Ty selfType) {
        this.name = name;
        this.ast = ast;
        this.scope = scope;
        this.selfType = selfType;
    }

    public Expr init() { return ast.value(); }
}
