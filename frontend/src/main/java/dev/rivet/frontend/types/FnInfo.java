package dev.rivet.frontend.types;

import dev.rivet.frontend.ast.Attribute;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.resolve.ModuleScope;
import java.util.List;

/**
 * A function the program defines (free function, associated function or method) or declares
 * ({@code extern} block). Its signature is resolved on first use.
 */
public final class FnInfo {
    public final Item.Fn ast;
    public final ModuleScope scope;
    /** The type of {@code Self} for associated functions (set when the impl is resolved), or null. */
    public Ty selfType;
    public final String displayName;
    /** The IR symbol: the source name for {@code #[no_mangle]} and extern functions, else a mangled path. */
    public final String symbol;
    public final boolean external;

    /** Set when the function belongs to something rivet does not compile (a trait impl); it is then left out. */
    public boolean skipped;

    /** Parameter types, {@code self} first for methods; set by the signature resolver. */
    public List<Ty> params;
    public Ty ret;

    public FnInfo(Item.Fn ast, ModuleScope scope, Ty selfType, String displayName, String symbol, boolean external) {
        this.ast = ast;
        this.scope = scope;
        this.selfType = selfType;
        this.displayName = displayName;
        this.symbol = symbol;
        this.external = external;
    }

    public boolean isMethod() { return ast.self() != Item.SelfKind.NONE; }

    public boolean hasAttr(String name) { return Attribute.has(ast.attrs(), name); }

    public boolean exported() {
        return hasAttr("no_mangle") || hasAttr("export_name") || external;
    }

    @Override
    public String toString() { return displayName; }
}
