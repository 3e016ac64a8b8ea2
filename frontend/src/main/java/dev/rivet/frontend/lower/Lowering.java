package dev.rivet.frontend.lower;

import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Attribute;
import dev.rivet.frontend.check.Sema;
import dev.rivet.frontend.resolve.Crate;
import dev.rivet.frontend.types.ConstValue;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.StaticInfo;
import dev.rivet.frontend.types.Ty;
import dev.rivet.ir.Function;
import dev.rivet.ir.Global;
import dev.rivet.ir.Module;
import dev.rivet.ir.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers an analysed program to one IR module: every function of every crate, statics as
 * globals, and the read-only data and panic locations bodies refer to. Calls into the runtime
 * library go through {@link #runtime}, which checks that the runtime's definition has the
 * signature the lowering relies on.
 */
public final class Lowering {
    final Sema sema;
    final Module module = new Module();
    final Abi abi;
    final DataPool pool = new DataPool(module);
    final ConstData constData;
    private final Map<FnInfo, Function> functions = new IdentityHashMap<>();
    private Global debugEscapes;
    /** panic = "trap": see {@link #lower(Sema, boolean)}. */
    boolean trapPanics;
    private final Map<String, String> locations = new HashMap<>();

    private Lowering(Sema sema) {
        this.sema = sema;
        this.abi = new Abi(sema.layouts);
        this.constData = new ConstData(sema, pool);
    }

    /** Lowers everything; the sema must be free of errors. */
    public static Module lower(Sema sema) {
        return lower(sema, false);
    }

    /** {@code trapPanics}: every panic is a trap instruction; arguments are still evaluated, nothing is printed. */
    public static Module lower(Sema sema, boolean trapPanics) {
        Lowering l = new Lowering(sema);
        l.trapPanics = trapPanics;
        for (Crate c : sema.crates) {
            for (StaticInfo s : c.statics) l.lowerStatic(s);
            for (FnInfo f : c.functions) if (!f.skipped) l.function(f);
        }
        for (Crate c : sema.crates)
            for (FnInfo f : c.functions)
                if (!f.skipped && f.ast.body() != null) new FnLowering(l, f).lower();
        l.fillDebugEscapes();
        return l.module;
    }

    /** The global behind {@code rivet::debug_escapes()}, made on first use and filled once lowering ends. */
    String debugEscapes() {
        if (debugEscapes == null) {
            debugEscapes = new Global("rivet.debug_escapes", 4, false);
            module.add(debugEscapes);
        }
        return debugEscapes.name;
    }

    /** The zero-terminated list of escaped characters in the program's literals (see {@link DebugEscapes}). */
    private void fillDebugEscapes() {
        if (debugEscapes == null) return;
        java.util.Set<dev.rivet.frontend.SourceFile> files = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Crate c : sema.crates) {
            files.add(c.root.file);
            for (dev.rivet.frontend.resolve.ModuleScope m : c.modules) if (m.file != null) files.add(m.file);
        }
        for (int cp : DebugEscapes.inLiterals(files)) debugEscapes.items.add(new Global.Item.Int(dev.rivet.ir.Type.I32, cp));
        debugEscapes.items.add(new Global.Item.Int(dev.rivet.ir.Type.I32, 0));
    }

    /** The IR function for a Rust function, declared on first use. */
    Function function(FnInfo f) {
        Function fn = functions.get(f);
        if (fn != null) return fn;
        sema.items.signature(f);
        String name = f.symbol;
        fn = module.function(name);
        if (fn == null) {
            fn = new Function(name, abi.irParams(f.params, f.ret), abi.irReturn(f.ret));
            module.add(fn);
        }
        fn.exported = f.exported() && f.ast.body() != null;
        fn.noreturn = f.ret instanceof Ty.Never;
        Attribute inline = Attribute.find(f.ast.attrs(), "inline");
        if (inline != null) fn.inline = inline.words().contains("never") ? Function.Inline.NEVER : Function.Inline.HINT;
        Attribute section = Attribute.find(f.ast.attrs(), "link_section");
        if (section != null) fn.section = section.stringValue();
        functions.put(f, fn);
        return fn;
    }

    /**
     * A runtime library function by symbol, with the IR signature lowering expects. If the runtime
     * crate defines it, its signature must match; otherwise it is declared (and must be linked in).
     */
    Function runtime(String symbol, List<Type> params, Type ret, boolean noreturn) {
        Function fn = module.function(symbol);
        if (fn == null) {
            fn = new Function(symbol, params, ret);
            fn.noreturn = noreturn;
            module.add(fn);
        } else if (!fn.params.equals(params) || fn.ret != ret) {
            throw new IllegalStateException("runtime function " + symbol + " has signature " + fn.signature().text()
                    + ", lowering expects " + new dev.rivet.ir.Signature(params, ret).text());
        }
        return fn;
    }

    private void lowerStatic(StaticInfo s) {
        ConstValue v = s.external ? null : sema.consts.value(s);
        Ty t = sema.items.staticType(s);
        Global g = new Global(s.symbol, sema.layouts.of(t).align(), s.mutable());
        g.external = s.external;
        if (v != null && !s.external) g.items.addAll(constData.items(v));
        g.exported = Attribute.has(s.ast.attrs(), "no_mangle");
        g.used = Attribute.has(s.ast.attrs(), "used");
        Attribute section = Attribute.find(s.ast.attrs(), "link_section");
        if (section != null) g.section = section.stringValue();
        module.add(g);
    }

    /**
     * The symbol of a panic location, shared by identical locations: a pointer to the file's
     * name record (one per file) and line << 12 | column in one word, or an all-ones word
     * followed by the line and column when they do not fit (the runtime's {@code Location}).
     */
    String location(Span at) {
        Span span = at.sourceCallSite(); // code from a macro body panics at the outermost invocation, as in rustc
        String file = span.file().name();
        String key = file + ":" + span.line() + ":" + span.column();
        return locations.computeIfAbsent(key, k -> {
            String name = files.computeIfAbsent(file, f -> {
                String str = pool.string(f);
                return pool.items(List.of(new Global.Item.SymRef(str, 0),
                        new Global.Item.Int(Type.I32, f.getBytes(StandardCharsets.UTF_8).length)), 4, "file");
            });
            long line = span.line(), col = span.column();
            List<Global.Item> items = line < (1 << 20) && col < (1 << 12)
                    ? List.of(new Global.Item.SymRef(name, 0), new Global.Item.Int(Type.I32, line << 12 | col))
                    : List.of(new Global.Item.SymRef(name, 0), new Global.Item.Int(Type.I32, 0xFFFF_FFFFL),
                            new Global.Item.Int(Type.I32, line), new Global.Item.Int(Type.I32, col));
            return pool.items(items, 4, "loc");
        });
    }

    /** File-name records of panic locations, by file. */
    private final Map<String, String> files = new HashMap<>();
}
