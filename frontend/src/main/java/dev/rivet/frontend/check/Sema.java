package dev.rivet.frontend.check;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.resolve.Crate;
import dev.rivet.frontend.resolve.ModuleScope;
import dev.rivet.frontend.resolve.Resolver;
import dev.rivet.frontend.types.ConstInfo;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.LayoutCache;
import dev.rivet.frontend.types.StaticInfo;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic analysis of a program (the user's crate and the runtime crate): name
 * resolution, item signatures, type checking of every body and constant evaluation. Results
 * are cached per item; lowering reads them from here.
 */
public final class Sema {
    public final Diagnostics diags;
    public final Resolver resolver;
    public final LayoutCache layouts = new LayoutCache();
    public final Map<Block, ModuleScope> blockScopes;
    public final TypeResolver types;
    public final ItemResolver items;
    public final ConstEval consts;
    public final List<Crate> crates;
    private final Map<Object, Typing> typings = new IdentityHashMap<>();

    public Sema(List<Crate> crates, Map<Block, ModuleScope> blockScopes, Diagnostics diags) {
        this.crates = crates;
        this.diags = diags;
        this.blockScopes = blockScopes;
        this.resolver = new Resolver(diags);
        this.types = new TypeResolver(this);
        this.items = new ItemResolver(this);
        this.consts = new ConstEval(this);
    }

    /** Resolves and checks everything. */
    public void analyse() {
        for (Crate c : crates) resolver.resolveImports(c);
        for (Crate c : crates) for (var adt : c.adts) items.resolveAdt(adt);
        for (Crate c : crates) items.collectImpls(c);
        for (Crate c : crates) for (FnInfo f : c.functions) if (!f.skipped) items.signature(f);
        for (Crate c : crates) {
            for (ConstInfo k : c.consts) if (k.init() != null) consts.value(k);
            for (StaticInfo s : c.statics) if (s.ast.value() != null) consts.value(s);
            for (FnInfo f : c.functions) if (!f.skipped && f.ast.body() != null) check(f);
        }
        // As rustc: matches are checked for exhaustiveness once every body's types are known.
        for (Runnable r : exhaustiveness) r.run();
        exhaustiveness.clear();
    }

    /** Exhaustiveness checks of the bodies type-checked so far, run at the end of {@link #analyse}. */
    final List<Runnable> exhaustiveness = new java.util.ArrayList<>();

    /** Declared functions rivet leaves out (generic, or in a trait impl) say so where they are used. */
    static String skippedReason(FnInfo f) {
        return "`" + f.displayName + "` is generic or part of a trait implementation (tier 2)";
    }

    /** The typing of a function body, checking it on first request. */
    public Typing check(FnInfo fn) {
        Typing t = typings.get(fn);
        if (t == null) {
            items.signature(fn);
            t = new TypeChecker(this, new Env(fn.scope, fn.selfType, new dev.rivet.frontend.types.Infer()), fn.ret)
                    .checkFunction(fn);
            typings.put(fn, t);
        }
        return t;
    }

    /** Typings are also kept for constant initialisers, keyed by the initialiser. */
    Typing typing(Object key) { return typings.get(key); }

    void remember(Object key, Typing t) { typings.put(key, t); }
}
