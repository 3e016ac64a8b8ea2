package dev.rivet.frontend.check;

import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Pat;
import dev.rivet.frontend.resolve.ModuleScope;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.Infer;
import dev.rivet.frontend.types.Ty;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Everything the type checker learned about one body, for lowering: each expression's type,
 * what paths and methods resolve to, coercions, field indices, and pattern bindings. Types are
 * fully resolved (integer variables defaulted) by {@link #finish}.
 */
public final class Typing {
    /** What a pattern node denotes beyond its syntax. */
    public sealed interface PatRes {
        record Binding(Local local, boolean byRef, boolean mutRef) implements PatRes {}

        record Variant(AdtInfo adt, AdtInfo.Variant variant) implements PatRes {}

        record Constant(dev.rivet.frontend.types.ConstValue value) implements PatRes {}

        /** Match ergonomics: the value is a reference this many levels deep, to be dereferenced first. */
        record Deref(int levels) implements PatRes {}

        /** A slice pattern matched against a slice: the length must be {@code fixed}, or at least that with a rest. */
        record SliceLength(int fixed, boolean hasRest) implements PatRes {}
    }

    public final Map<Expr, Ty> types = new IdentityHashMap<>();
    public final Map<Expr, Res> paths = new IdentityHashMap<>();
    public final Map<Expr.MethodCall, MethodRes> methods = new IdentityHashMap<>();
    /** {@code Type::method(recv, ..)} calls of built-in methods, as the method calls they are lowered as. */
    public final Map<Expr.Call, Expr.MethodCall> qualifiedMethods = new IdentityHashMap<>();
    public final Map<Expr, Coercion> coercions = new IdentityHashMap<>();
    /** For field accesses and tuple-field accesses: how many derefs reach the struct, and the field index. */
    public final Map<Expr, int[]> fields = new IdentityHashMap<>();
    /** For index expressions: how many derefs reach the array or slice. */
    public final Map<Expr, Integer> indexDerefs = new IdentityHashMap<>();
    public final Map<Pat, PatRes> patterns = new IdentityHashMap<>();
    /** Patterns matched through references (match ergonomics): levels of deref before matching. */
    public final Map<Pat, Integer> patternDerefs = new IdentityHashMap<>();
    /** Struct literal and struct pattern targets. */
    public final Map<Object, Res.CtorRes> structs = new IdentityHashMap<>();
    /** Checked format strings of print-like macros. */
    public final Map<Expr.Macro, FormatPlan> formats = new IdentityHashMap<>();
    /**
     * {@code for} loops over an array or slice: the expression that yields the collection (the
     * receiver for {@code .iter()}), how many references to follow to reach it, and whether
     * elements are bound by value, by reference or by mutable reference.
     */
    public final Map<Expr.For, ForCollection> forCollections = new IdentityHashMap<>();

    public enum ElementMode { VALUE, REF, MUT }

    public record ForCollection(Expr collection, int derefs, ElementMode mode, Ty element) {}
    /** Operands of arithmetic that are references to integers (std implements the operators for them): loaded first. */
    public final java.util.Set<Expr> derefOperands = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Literal integers negated by a unary minus, for range checks. */
    final java.util.Set<Expr> negatedLiterals = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The {@code self} parameter of a method, or null. */
    public Local selfLocal;
    /** The block scopes used for item lookups inside the body. */
    public ModuleScope scope;

    public Ty type(Expr e) {
        Ty t = types.get(e);
        if (t == null) throw new IllegalStateException("no type recorded for " + e.getClass().getSimpleName() + " at " + e.span());
        return t;
    }

    void finish() {
        types.replaceAll((e, t) -> Infer.resolve(t, true));
        coercions.replaceAll((e, c) -> new Coercion(c.kind(), Infer.resolve(c.target(), true)));
    }
}
