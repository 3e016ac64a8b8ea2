package dev.rivet.frontend.resolve;

import dev.rivet.frontend.Diagnostics;
import dev.rivet.frontend.SourceFile;
import dev.rivet.frontend.Span;
import dev.rivet.frontend.ast.Attribute;
import dev.rivet.frontend.ast.Block;
import dev.rivet.frontend.ast.Expr;
import dev.rivet.frontend.ast.Item;
import dev.rivet.frontend.ast.Stmt;
import dev.rivet.frontend.parse.MacroDef;
import dev.rivet.frontend.parse.MacroExpander;
import dev.rivet.frontend.parse.Parser;
import dev.rivet.frontend.types.AdtInfo;
import dev.rivet.frontend.types.ConstInfo;
import dev.rivet.frontend.types.FnInfo;
import dev.rivet.frontend.types.IntKind;
import dev.rivet.frontend.types.StaticInfo;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a crate: parses the root file and, following Rust's file rules, every file that
 * {@code mod name;} names ({@code dir/name.rs} or {@code dir/name/mod.rs}, or a
 * {@code #[path]}); then records every item in its module's namespaces. Items inside function
 * bodies go into an anonymous module per block, found through {@link #blockScopes}.
 */
public final class CrateBuilder {
    private final Diagnostics diags;
    private final SourceLoader loader;
    private final dev.rivet.frontend.parse.Cfg cfg;
    private final Crate crate;
    /** Blocks that declare items, and the anonymous module holding them. */
    private final Map<Block, ModuleScope> blockScopes;
    private MacroExpander macros;

    private CrateBuilder(Crate crate, Diagnostics diags, SourceLoader loader, dev.rivet.frontend.parse.Cfg cfg,
                         Map<Block, ModuleScope> blockScopes) {
        this.crate = crate;
        this.cfg = cfg;
        this.diags = diags;
        this.loader = loader;
        this.blockScopes = blockScopes;
    }

    /**
     * Parses and collects a crate whose root is {@code rootFile}; macros are expanded while
     * parsing, with the exported macros of the crates built before ({@code externMacros}).
     */
    public static Crate build(String name, String symbolPrefix, SourceFile rootFile, Path rootPath,
                              SourceLoader loader, dev.rivet.frontend.parse.Cfg cfg, Diagnostics diags,
                              Map<Block, ModuleScope> blockScopes, Map<String, Map<String, MacroDef>> externMacros) {
        Crate crate = new Crate(name, symbolPrefix);
        CrateBuilder b = new CrateBuilder(crate, diags, loader, cfg, blockScopes);
        Path dir = rootPath.toAbsolutePath().getParent();
        if (dir == null) dir = Path.of(".");
        b.macros = new MacroExpander(name, diags, b::locateModule, externMacros, MacroExpander.DERIVES);
        Parser.FileAst ast = Parser.parseCrateRoot(rootFile, dir, cfg, b.macros);
        crate.macros = b.macros.exportedMacros();
        ModuleScope root = new ModuleScope(name, null, crate, rootFile, dir);
        crate.root = root;
        b.module(root, ast.items());
        return crate;
    }

    /** A convenience for a crate that sees no other crate's macros. */
    public static Crate build(String name, String symbolPrefix, SourceFile rootFile, Path rootPath,
                              SourceLoader loader, dev.rivet.frontend.parse.Cfg cfg, Diagnostics diags,
                              Map<Block, ModuleScope> blockScopes) {
        return build(name, symbolPrefix, rootFile, rootPath, loader, cfg, diags, blockScopes, Map.of());
    }

    /** A convenience for code that has no block scopes to share. */
    public static Map<Block, ModuleScope> newBlockScopes() { return new IdentityHashMap<>(); }

    private void module(ModuleScope m, List<Item> items) {
        crate.modules.add(m);
        m.items.addAll(items);
        for (Item item : items) item(m, item);
    }

    private void item(ModuleScope m, Item item) {
        switch (item) {
            case Item.Fn f -> function(m, f, null, false);
            case Item.Struct s -> struct(m, s);
            case Item.Union u -> union(m, u);
            case Item.Enum e -> enumItem(m, e);
            case Item.Const c -> {
                ConstInfo info = new ConstInfo(c.name(), c, m, null);
                crate.consts.add(info);
                if (!c.name().equals("_")) define(m.values, c.name(), new Def.Const(info), c.nameSpan());
                if (c.value() == null) diags.error(c.span(), "free constant item without body");
                else walkExpr(m, c.value());
            }
            case Item.Static s -> {
                String symbol = Attribute.has(s.attrs(), "no_mangle") ? s.name()
                        : crate.uniqueSymbol(m.symbolPrefix() + s.name());
                StaticInfo info = new StaticInfo(s, m, symbol, false);
                crate.statics.add(info);
                define(m.values, s.name(), new Def.Static(info), s.nameSpan());
                if (s.value() == null) diags.error(s.span(), "free static item without body");
                else walkExpr(m, s.value());
            }
            case Item.TypeAlias t -> {
                if (t.type() == null) diags.error(t.span(), "free type alias without body");
                define(m.types, t.name(), new Def.Alias(t, m), t.nameSpan());
            }
            case Item.Mod md -> mod(m, md);
            case Item.Trait t -> define(m.types, t.name(), new Def.Trait(t, m), t.nameSpan());
            case Item.Impl i -> impl(m, i);
            case Item.Use u -> { } // resolved by Resolver
            case Item.ExternCrate e -> externCrate(m, e);
            case Item.ExternBlock e -> externBlock(m, e);
            case Item.MacroRules r -> { } // expanded while parsing
            case Item.MacroItem mi -> diags.unsupported(mi.span(), "macro `" + mi.path() + "!` in item position");
        }
    }

    /** Records an impl block's functions; their Self type is filled in when the impl is resolved. */
    private void impl(ModuleScope m, Item.Impl i) {
        String owner = i.selfType() instanceof dev.rivet.frontend.ast.TypeExpr.PathType pt ? pt.path().last() : "impl";
        Map<Item.Fn, FnInfo> fns = new IdentityHashMap<>();
        for (Item inner : i.items())
            if (inner instanceof Item.Fn f) fns.put(f, function(m, f, owner, false));
        crate.impls.add(new Crate.ImplBlock(i, m, fns));
    }

    /** Records a function; {@code ownerName} is the type name for associated functions. */
    private FnInfo function(ModuleScope m, Item.Fn f, String ownerName, boolean external) {
        String display = (ownerName != null ? ownerName + "::" : "") + f.name();
        String symbol;
        Attribute exportName = Attribute.find(f.attrs(), "export_name");
        boolean isEntry = ownerName == null && !external && hasAttr(f.attrs(), "entry");
        boolean isPanicHandler = ownerName == null && !external && Attribute.has(f.attrs(), "panic_handler");
        if (isEntry) symbol = "main";
        else if (isPanicHandler) symbol = "__rivet_user_panic_handler";
        else if (external || Attribute.has(f.attrs(), "no_mangle")) symbol = f.name();
        else if (exportName != null && exportName.stringValue() != null) symbol = exportName.stringValue();
        else symbol = crate.uniqueSymbol(m.symbolPrefix() + (ownerName != null ? ownerName + "." : "") + f.name());
        if (external || isEntry || isPanicHandler || Attribute.has(f.attrs(), "no_mangle")) crate.symbols.add(symbol);
        FnInfo info = new FnInfo(f, m, null, display, symbol, external);
        crate.functions.add(info);
        if (isEntry) {
            if (crate.entry != null) diags.error(f.nameSpan(), "multiple `#[entry]` functions");
            crate.entry = info;
        }
        if (isPanicHandler) {
            if (crate.panicHandler != null) diags.error(f.nameSpan(), "found duplicate lang item `panic_impl`");
            crate.panicHandler = info;
        }
        if (ownerName == null && !external && Attribute.has(f.attrs(), "test") && cfg.options().contains("test")) crate.tests.add(info);
        if (ownerName == null && !external) define(m.values, f.name(), new Def.Fn(info), f.nameSpan());
        if (f.body() == null && !external) diags.error(f.span(), "free function without a body");
        if (f.body() != null) walkBlock(m, f.body());
        return info;
    }

    private void struct(ModuleScope m, Item.Struct s) {
        AdtInfo adt = new AdtInfo(AdtInfo.Kind.STRUCT, s.name(), s, m);
        repr(adt, s.attrs());
        AdtInfo.Variant v = new AdtInfo.Variant(s.name(), s.kind(), 0);
        adt.variants.add(v);
        crate.adts.add(adt);
        define(m.types, s.name(), new Def.Adt(adt), s.nameSpan());
        if (s.kind() != Item.StructKind.NAMED) define(m.values, s.name(), new Def.Ctor(adt, v), s.nameSpan());
    }

    private void union(ModuleScope m, Item.Union u) {
        AdtInfo adt = new AdtInfo(AdtInfo.Kind.UNION, u.name(), u, m);
        repr(adt, u.attrs());
        adt.variants.add(new AdtInfo.Variant(u.name(), Item.StructKind.NAMED, 0));
        crate.adts.add(adt);
        define(m.types, u.name(), new Def.Adt(adt), u.nameSpan());
    }

    private void enumItem(ModuleScope m, Item.Enum e) {
        AdtInfo adt = new AdtInfo(AdtInfo.Kind.ENUM, e.name(), e, m);
        repr(adt, e.attrs());
        for (Item.Variant v : e.variants()) {
            if (adt.variant(v.name()) != null) diags.error(v.span(), "the name `" + v.name() + "` is defined multiple times");
            adt.variants.add(new AdtInfo.Variant(v.name(), v.kind(), adt.variants.size()));
            if (v.discriminant() != null) walkExpr(m, v.discriminant());
        }
        crate.adts.add(adt);
        define(m.types, e.name(), new Def.Adt(adt), e.nameSpan());
    }

    private void repr(AdtInfo adt, List<Attribute> attrs) {
        for (Attribute a : attrs) {
            if (!a.name().equals("repr")) continue;
            for (String w : a.words()) {
                IntKind k = IntKind.byName(w);
                if (k != null) adt.reprInt = k;
                else if (w.equals("C")) adt.repr = AdtInfo.Repr.C;
                else if (w.equals("transparent")) adt.repr = AdtInfo.Repr.TRANSPARENT;
                else if (w.equals("packed") || w.equals("align")) diags.unsupported(a.span(), "#[repr(" + w + ")]");
            }
        }
    }

    private void mod(ModuleScope m, Item.Mod md) {
        List<Item> items = md.items();
        SourceFile file = m.file;
        Path dir = m.dir.resolve(md.name());
        if (items == null) { // parsed where it was declared, in the macro scope there
            MacroExpander.FileModule loaded = macros.fileModule(md);
            if (loaded == null) return; // not found: reported
            file = loaded.file();
            items = loaded.items();
            dir = loaded.dir();
        }
        ModuleScope child = new ModuleScope(md.name(), m, crate, file, dir);
        define(m.types, md.name(), new Def.Mod(child), md.nameSpan());
        module(child, items);
    }

    /** The file of {@code mod name;} in a module whose files are in {@code dir} (Rust's file rules, or {@code #[path]}). */
    private MacroExpander.ModuleFiles.Located locateModule(Item.Mod md, Path dir) {
        Attribute pathAttr = Attribute.find(md.attrs(), "path");
        if (pathAttr != null && pathAttr.stringValue() != null) {
            Path chosen = dir.resolve(pathAttr.stringValue());
            Optional<SourceFile> loaded = loader.load(chosen);
            if (loaded.isPresent()) return new MacroExpander.ModuleFiles.Located(loaded.get(), chosen.getParent());
        } else {
            Optional<SourceFile> loaded = loader.load(dir.resolve(md.name() + ".rs"));
            if (loaded.isEmpty()) loaded = loader.load(dir.resolve(md.name()).resolve("mod.rs"));
            if (loaded.isPresent()) return new MacroExpander.ModuleFiles.Located(loaded.get(), dir.resolve(md.name()));
        }
        diags.add(dev.rivet.frontend.Diagnostic.error(md.span(), "file not found for module `" + md.name() + "`")
                .withHelp("to create the module `" + md.name() + "`, create file \"" + dir.resolve(md.name() + ".rs")
                        + "\" or \"" + dir.resolve(md.name()).resolve("mod.rs") + "\""));
        return null;
    }

    private void externCrate(ModuleScope m, Item.ExternCrate e) {
        if (!List.of("core", "std", "alloc", "self", "cortex_m_rt", "riscv_rt").contains(e.name()) || e.name().equals("alloc"))
            diags.error(e.nameSpan(), "can't find crate for `" + e.name() + "`");
        else if (e.rename() != null) define(m.types, e.rename(), new Def.Mod(Builtins.core()), e.nameSpan());
    }

    private void externBlock(ModuleScope m, Item.ExternBlock e) {
        for (Item i : e.items()) {
            if (i instanceof Item.Fn f) {
                FnInfo info = function(m, f, null, true);
                define(m.values, f.name(), new Def.Fn(info), f.nameSpan());
            } else if (i instanceof Item.Static s) {
                StaticInfo info = new StaticInfo(s, m, s.name(), true);
                crate.symbols.add(s.name());
                crate.statics.add(info);
                define(m.values, s.name(), new Def.Static(info), s.nameSpan());
            } else {
                diags.unsupported(i.span(), "this item in an extern block");
            }
        }
    }

    /** An attribute by its last path segment ({@code entry} matches {@code cortex_m_rt::entry}). */
    private static boolean hasAttr(List<Attribute> attrs, String name) {
        return attrs.stream().anyMatch(a -> a.name().equals(name) || a.name().endsWith("::" + name));
    }

    private void define(Map<String, Def> ns, String name, Def def, Span span) {
        if (ns.containsKey(name)) {
            diags.error(span, "the name `" + name + "` is defined multiple times");
            return;
        }
        ns.put(name, def);
    }

    // ---- items inside function bodies ----

    private void walkBlock(ModuleScope m, Block b) {
        ModuleScope scope = m;
        boolean hasItems = b.stmts().stream().anyMatch(s -> s instanceof Stmt.ItemStmt);
        if (hasItems) {
            scope = new ModuleScope("{block}", m, crate, m.file, m.dir);
            blockScopes.put(b, scope);
            crate.modules.add(scope);
            for (Stmt s : b.stmts())
                if (s instanceof Stmt.ItemStmt is) {
                    scope.items.add(is.item());
                    item(scope, is.item());
                }
        }
        for (Stmt s : b.stmts()) {
            switch (s) {
                case Stmt.Let l -> {
                    if (l.init() != null) walkExpr(scope, l.init());
                    if (l.otherwise() != null) walkBlock(scope, l.otherwise());
                }
                case Stmt.ExprStmt es -> walkExpr(scope, es.expr());
                default -> { }
            }
        }
        if (b.tail() != null) walkExpr(scope, b.tail());
    }

    /** Finds blocks nested in expressions (closures, ifs, loops) so their items are collected too. */
    private void walkExpr(ModuleScope m, Expr e) {
        ExprWalker.blocks(e, b -> walkBlock(m, b));
    }
}
